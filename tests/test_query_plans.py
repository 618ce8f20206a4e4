"""Every reader page's queries read indexes, never a whole table of articles, quotes, links or people.

A plan that falls back to a full scan costs nothing on a test's thirty rows and everything on a
newsroom's million, so the plans are checked here, on both databases: SQLite without statistics
plans as if every table were large; PostgreSQL is told not to scan where an index would do, so a
scan left in a plan is one no index could avoid.
"""

import pytest
from django.db import connection

from benchmarks.plans import Recorder, full_scans
from tests.test_query_counts import PAGES, add_articles

pytestmark = pytest.mark.django_db

OTHER_PAGES = [
    "/articles/?page=2",
    "/quotes/?page=2",
    "/people/?q=sam",
    "/organizations/?q=cambodia",
    "/suggest/people/?q=sa",
    "/suggest/organizations/?q=ca",
]


@pytest.fixture
def indexes_preferred():
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET enable_seqscan = off")
        yield
        with connection.cursor() as cursor:
            cursor.execute("RESET enable_seqscan")
    else:
        yield


@pytest.mark.parametrize("url", [*PAGES, *OTHER_PAGES])
def test_reader_page_reads_indexes_not_whole_tables(client, indexes_preferred, url):
    add_articles(0, 30)
    recorder = Recorder()

    with connection.execute_wrapper(recorder):
        response = client.get(url)

    assert response.status_code == 200
    assert full_scans(recorder.queries) == []
