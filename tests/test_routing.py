"""Reads on the replica, writes and what follows them on the primary (DATABASE_REPLICA_URL).

The replica exists only when DATABASE_REPLICA_URL is set when the settings are read, so the cases
that need it run in a pytest of their own with the replica set to the test database itself, as
Django's TEST["MIRROR"] makes it: two connections to one database, told apart by which one a
query goes through. Their data is committed (transaction=True), so both connections see it.
"""

import datetime as dt
import os
import subprocess
import sys
from urllib.parse import urlsplit, urlunsplit

import pytest
import time_machine
from django.conf import settings
from django.db import connections, transaction
from django.http import HttpResponse
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from newsroom.routers import COOKIE, PrimaryAfterWriteMiddleware
from people.models import Organization, Person
from tests.factories import ArticleFactory, OrganizationFactory, PersonFactory, QuoteFactory
from tests.test_uploads import admin_form_data

replicated = pytest.mark.skipif(
    "replica" not in settings.DATABASES, reason="run by the test below, with a replica"
)
on_both = pytest.mark.django_db(transaction=True, databases=["default", "replica"])


def test_with_a_replica_reads_and_writes_go_where_they_should():
    if "replica" in settings.DATABASES:
        pytest.skip("this is the run with a replica")
    database_url = os.environ.get("DATABASE_URL") or f"sqlite:///{settings.BASE_DIR / 'db.sqlite3'}"
    if not database_url.startswith("sqlite"):
        # A test database of its own: the same name would be dropped under this run's feet.
        parts = urlsplit(database_url)
        database_url = urlunsplit(parts._replace(path=f"{parts.path}_routing"))
    run = subprocess.run(
        [
            *(sys.executable, "-m", "pytest", "-q", "-p", "no:randomly", __file__),
            *("-k", "not go_where_they_should and not without_a_replica"),  # not these two again
        ],
        cwd=settings.BASE_DIR,
        env={**os.environ, "DEBUG": "1", "DATABASE_URL": database_url, "DATABASE_REPLICA_URL": database_url},
        capture_output=True,
        text=True,
        timeout=600,
    )
    summary = run.stdout.strip().splitlines()[-1]
    assert run.returncode == 0, run.stdout[-3000:]
    assert "skipped" not in summary and "failed" not in summary and "passed" in summary, summary


def test_without_a_replica_there_is_one_database_and_no_router():
    if "replica" in settings.DATABASES:
        pytest.skip("a replica is configured")
    assert list(settings.DATABASES) == ["default"]
    assert settings.DATABASE_ROUTERS == []


class Queries:
    """The queries each connection ran inside the block."""

    def __enter__(self):
        self.primary = CaptureQueriesContext(connections["default"]).__enter__()
        self.replica = CaptureQueriesContext(connections["replica"]).__enter__()
        return self

    def __exit__(self, *exc):
        self.replica.__exit__(*exc)
        self.primary.__exit__(*exc)


@pytest.fixture
def published():
    person = PersonFactory(name="Sam Rainsy", slug="sam-rainsy")
    QuoteFactory(speaker=person, article=ArticleFactory(slug="visible"))
    return person


@replicated
@on_both
@pytest.mark.parametrize("url", ["/", "/articles/", "/quotes/", "/people/sam-rainsy/", "/sitemap.xml"])
def test_a_readers_page_reads_the_replica_alone(client, published, url):
    with Queries() as queries:
        response = client.get(url)

    assert response.status_code == 200
    assert len(queries.replica) > 0
    assert len(queries.primary) == 0
    assert COOKIE not in response.cookies


@replicated
@on_both
def test_the_admin_reads_and_writes_the_primary(editor_client, published):
    with Queries() as queries:
        assert editor_client.get(reverse("admin:people_person_changelist")).status_code == 200

    assert len(queries.primary) > 0
    assert len(queries.replica) == 0


@replicated
@on_both
def test_reads_after_a_write_in_the_same_request_go_to_the_primary():
    def view(request):
        Organization.objects.count()  # before any write: the replica
        Organization.objects.create(name="New party", slug="new-party")
        Organization.objects.get(slug="new-party")  # after: the primary, which has it for sure
        return HttpResponse("done")

    with Queries() as queries:
        PrimaryAfterWriteMiddleware(view)(RequestFactory().get("/organizations/"))

    assert len(queries.replica) == 1
    assert "COUNT" in queries.replica[0]["sql"].upper()
    assert any("INSERT" in query["sql"] for query in queries.primary)
    assert "new-party" in queries.primary[-1]["sql"]


@replicated
@on_both
def test_after_saving_in_the_admin_the_editor_reads_the_site_from_the_primary_for_a_few_seconds(
    editor_client, published
):
    change = reverse("admin:people_person_change", args=[published.pk])
    with time_machine.travel(dt.datetime.now(dt.UTC), tick=False) as clock:
        saved = editor_client.post(change, admin_form_data(editor_client.get(change), description="Edited"))
        assert saved.status_code == 302
        assert COOKIE in saved.cookies

        clock.shift(dt.timedelta(seconds=settings.DATABASE_REPLICA_PIN_SECONDS - 1))
        with Queries() as soon:
            assert "Edited" in editor_client.get("/people/sam-rainsy/").content.decode()
        clock.shift(dt.timedelta(seconds=2))
        with Queries() as later:
            editor_client.get("/people/sam-rainsy/")

    assert len(soon.primary) > 0 and len(soon.replica) == 0
    assert len(later.replica) > 0 and len(later.primary) == 0


@replicated
@on_both
def test_the_cookie_after_a_write_lasts_the_pin_and_scripts_cannot_read_it():
    def view(request):
        OrganizationFactory(slug="written")
        return HttpResponse("ok")

    response = PrimaryAfterWriteMiddleware(view)(RequestFactory().post("/anything/"))

    cookie = response.cookies[COOKIE]
    assert cookie["max-age"] == settings.DATABASE_REPLICA_PIN_SECONDS
    assert cookie["httponly"]


@replicated
@on_both
def test_a_request_that_only_reads_sets_no_cookie(published):
    response = PrimaryAfterWriteMiddleware(lambda request: HttpResponse(Person.objects.count()))(
        RequestFactory().get("/")
    )

    assert COOKIE not in response.cookies


@replicated
@on_both
def test_reads_in_a_transaction_go_to_the_primary(published):
    def view(request):
        with transaction.atomic():
            Person.objects.get(slug="sam-rainsy")
        return HttpResponse("done")

    with Queries() as queries:
        PrimaryAfterWriteMiddleware(view)(RequestFactory().get("/"))

    assert len(queries.replica) == 0
    assert any("sam-rainsy" in query["sql"] for query in queries.primary)


@replicated
@on_both
def test_outside_a_request_everything_is_on_the_primary(published):
    with Queries() as queries:
        Person.objects.get(slug="sam-rainsy")

    assert len(queries.replica) == 0
    assert len(queries.primary) == 1


@replicated
def test_migrations_run_on_the_primary_alone():
    from newsroom.routers import PrimaryReplicaRouter

    router = PrimaryReplicaRouter()
    assert router.allow_migrate("default", "articles")
    assert not router.allow_migrate("replica", "articles")
