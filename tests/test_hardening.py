"""No address or parameter a reader can write takes a page down: a bad value is a form error, a 400 or a
404, never a 500, on every public page, at the calendar's edges and with values built to break things."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import ArticleFactory, OrganizationFactory, PersonFactory, QuoteFactory

HOSTILE = [
    "0001-01-01",
    "9999-12-31",
    "2018-02-30",
    "25:61",
    "-1",
    "0",
    "99999999999999999999",
    "1e309",
    "9" * 400,
    "\x00",
    "sam\x00rainsy",
    "\u202e\u0000",
    "' OR 1=1--",
    "<script>alert(1)</script>",
    "%",
    "x" * 5000,
]
PARAMETERS = ["person", "organization", "date_after", "date_before", "q", "page", "format"]


@pytest.fixture
def site(db):
    person = PersonFactory(name="Sam Rainsy", slug="sam-rainsy")
    article = ArticleFactory(
        headline="Visible story", slug="visible-story", published_at=timezone.now() - dt.timedelta(days=2)
    )
    QuoteFactory(speaker=person, article=article, text="Visible words.")
    article.organizations.add(OrganizationFactory(name="CNRP", slug="cnrp"))
    return article


def public_pages(article):
    day = timezone.localtime(article.published_at)
    return [
        reverse("home"),
        reverse("articles:article-list"),
        f"/articles/{day:%Y}/",
        f"/articles/{day:%Y/%m}/",
        article.get_absolute_url(),
        reverse("articles:quote-list"),
        reverse("articles:article-feed"),
        reverse("people:person-list"),
        "/people/sam-rainsy/",
        "/people/sam-rainsy/feed/",
        reverse("people:organization-list"),
        "/organizations/cnrp/",
        "/organizations/cnrp/feed/",
        reverse("people:person-suggestions"),
        reverse("people:organization-suggestions"),
        "/sitemap.xml",
        "/sitemap-articles.xml",
    ]


def test_no_public_page_fails_on_any_hostile_parameter(client, site):
    for url in public_pages(site):
        for name in PARAMETERS:
            for value in HOSTILE:
                response = client.get(url, {name: value})

                assert response.status_code in (200, 301, 302, 400, 404), (url, name, value)


@pytest.mark.parametrize("url", ["/articles/", "/quotes/", "/people/sam-rainsy/"])
def test_a_range_that_reaches_the_edge_of_the_calendar_is_open_at_that_end(client, site, url):
    for query in (
        {"date_after": "0001-01-01"},
        {"date_before": "9999-12-31"},
        {"date_after": "0001-01-01", "date_before": "9999-12-31"},
    ):
        response = client.get(url, query)

        assert response.status_code == 200, query
        assert "Visible" in response.text, query


@pytest.mark.parametrize("url", ["/articles/", "/quotes/"])
def test_a_range_wholly_at_the_edge_of_the_calendar_finds_nothing(client, site, url):
    for query in ({"date_before": "0001-01-01"}, {"date_after": "9999-12-31"}):
        response = client.get(url, query)

        assert response.status_code == 200, query
        assert "Visible" not in response.text, query
