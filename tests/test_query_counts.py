"""Every reader page runs the same number of SQL queries whether it lists 5 rows or 30.

Each article has two bylines, mentions three people and two organizations and carries two
quotes; the shared person and organization gain a role, a quote and an article per row,
so one query per row anywhere would change the count.
"""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import (
    AffiliationFactory,
    ArticleFactory,
    BylineFactory,
    OrganizationFactory,
    PersonFactory,
    QuoteFactory,
)
from tests.helpers import HONG_KONG

pytestmark = pytest.mark.django_db

# Page -> queries. Most lists: the count (which stops past the last page offered), the page and
# its bylines; a chosen person or organization is one more (looking up the slug).
PAGES = {
    "/": 3,  # articles, their bylines, featured quotes
    "/articles/": 5,  # count, page, bylines, first year, last year
    "/articles/?person=sam-rainsy&date_after=2018-01-01": 6,  # person, count, page, bylines, years
    "/articles/?organization=cnrp": 6,  # organization, count, page, bylines, years
    "/articles/?q=headline+number": 5,  # count, page (with matches marked), bylines, years
    "/articles/2018/03/27/story-0/": 5,  # article with outlet, bylines, quotes, people, organizations
    "/articles/2018/": 7,  # exists, months, previous and next year, count, page, bylines
    "/articles/2018/03/": 7,  # exists, days, previous and next month, count, page, bylines
    "/quotes/": 2,  # count, page
    "/quotes/?person=sam-rainsy&date_before=2018-12-31": 3,  # person, count, page
    "/quotes/?q=quoted+words": 2,  # count, page (with matches marked)
    "/people/": 2,  # count, page (with quote counts)
    "/people/sam-rainsy/": 8,  # person, roles, aliases, quote count and page, articles, bylines, chart
    "/organizations/": 2,  # count, page (with article and quote counts)
    "/organizations/cnrp/": 7,  # organization, members, parts, articles, bylines, who may have quotes, quotes
    "/feeds/articles/": 2,  # articles, bylines
    "/people/sam-rainsy/feed/": 4,  # person, quotes, articles, bylines
    "/sitemap.xml": 4,  # the last key of each section, the articles' latest change
    "/sitemap-articles.xml": 2,  # the section's last key, its first range of keys
    "/sitemap-people.xml": 2,
}


def add_articles(first, count):
    sam = PersonFactory(slug="sam-rainsy", name="Sam Rainsy")
    cnrp = OrganizationFactory(slug="cnrp", name="Cambodia National Rescue Party")
    for i in range(first, first + count):
        article = ArticleFactory(
            slug=f"story-{i}",
            published_at=dt.datetime(2018, 3, 27, 9, tzinfo=HONG_KONG) - dt.timedelta(days=i),
        )
        for position in range(2):
            BylineFactory(article=article, author=PersonFactory(), position=position)
        person, organization = PersonFactory(), OrganizationFactory()
        AffiliationFactory(person=person, organization=organization, role="Member")
        AffiliationFactory(person=person, organization=cnrp, role="Member")
        AffiliationFactory(person=sam, organization=organization, role="Adviser")
        article.people.add(sam, person, PersonFactory())
        article.organizations.add(cnrp, organization)
        QuoteFactory(article=article, speaker=sam, featured=True, said_on=article.published_at.date())
        QuoteFactory(article=article, speaker=person)


def queries_for(client, url):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(context.captured_queries)


@pytest.mark.parametrize(("url", "expected"), PAGES.items())
def test_page_runs_a_fixed_number_of_queries(client, django_assert_num_queries, url, expected):
    add_articles(0, 5)
    with_five = queries_for(client, url)
    add_articles(5, 25)

    with django_assert_num_queries(expected):
        client.get(url)
    assert with_five == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [("/articles/?page=2", 6), ("/quotes/?page=2", 3), ("/articles/?person=sam-rainsy&page=2", 7)],
)
def test_a_deeper_page_adds_one_query_whatever_the_rows(client, django_assert_num_queries, url, expected):
    """Past page 1, a page's keys are read first (from the index), then its rows."""
    add_articles(0, 30)
    with_thirty = queries_for(client, url)
    add_articles(30, 30)

    with django_assert_num_queries(expected):
        client.get(url)
    assert with_thirty == expected
