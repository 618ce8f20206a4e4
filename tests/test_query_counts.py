"""Every reader page runs the same number of SQL queries whether it lists 5 rows or 30.

Each article has two bylines, mentions three people and two organizations and carries four
quotes: two by people, one by the shared organization itself, one by an unnamed source speaking for
the other; the shared person and organization gain a role, quotes and an article per row, so one
query per row anywhere would change the count.
"""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import Quote
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
    "/": 4,  # articles, their bylines, latest quotes, their speakers' roles
    "/articles/": 5,  # count, page, bylines, first year, last year
    "/articles/?person=sam-rainsy&date_after=2018-01-01": 6,  # person, count, page, bylines, years
    "/articles/?organization=cnrp": 6,  # organization, count, page, bylines, years
    "/articles/?q=headline+number": 5,  # count, page (with matches marked), bylines, years
    # article with outlet, bylines, quotes, people, their roles (for each one's role at the time and
    # each quote's speaker's on the day), organizations, related articles (candidates read in one query)
    "/articles/2018/03/27/story-0/": 7,
    "/articles/2018/": 7,  # exists, months, previous and next year, count, page, bylines
    "/articles/2018/03/": 7,  # exists, days, previous and next month, count, page, bylines
    "/quotes/": 3,  # count, page, the speakers' roles (for each one's role on the day said)
    "/quotes/?person=sam-rainsy&date_before=2018-12-31": 4,  # person, count, page, roles
    "/quotes/?q=quoted+words": 3,  # count, page (with matches marked), roles
    "/people/": 2,  # count, page (with quote counts)
    "/people/sam-rainsy/": 8,  # person, roles, aliases, quote count and page, articles, bylines, chart
    "/organizations/": 2,  # count, page (with article and quote counts)
    # organization, members, parts, articles, bylines, who may have quotes, quotes, the speakers' roles
    "/organizations/cnrp/": 8,
    "/feeds/articles/": 2,  # articles, bylines
    "/people/sam-rainsy/feed/": 4,  # person, quotes, articles, bylines
    "/organizations/cnrp/feed/": 5,  # organization, who may have quotes, quotes, articles, bylines
    "/feeds/readable.xsl": 0,  # how a browser shows the feeds and the sitemap
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
        QuoteFactory(article=article, speaker=None, source_kind=Quote.Source.ORGANIZATION, organization=cnrp)
        QuoteFactory(
            article=article,
            speaker=None,
            source_kind=Quote.Source.UNNAMED,
            source_description="a spokesman for the party",
            organization=organization,
        )


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
    [("/articles/?page=2", 6), ("/quotes/?page=2", 4), ("/articles/?person=sam-rainsy&page=2", 7)],
)
def test_a_deeper_page_adds_one_query_whatever_the_rows(client, django_assert_num_queries, url, expected):
    """Past page 1, a page's keys are read first (from the index), then its rows."""
    add_articles(0, 30)
    with_thirty = queries_for(client, url)
    add_articles(30, 30)

    with django_assert_num_queries(expected):
        client.get(url)
    assert with_thirty == expected
