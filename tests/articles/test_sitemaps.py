import datetime as dt
import xml.etree.ElementTree as ET

import pytest

from tests.factories import (
    AffiliationFactory,
    ArticleFactory,
    OrganizationFactory,
    PersonFactory,
    QuoteFactory,
)
from tests.helpers import HONG_KONG

pytestmark = pytest.mark.django_db

SITEMAP = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def locations(response):
    root = ET.fromstring(response.content)
    return {url.find("s:loc", SITEMAP).text: url.findtext("s:lastmod", namespaces=SITEMAP) for url in root}


def test_sitemap_lists_published_articles_with_last_modified_dates(client):
    article = ArticleFactory(
        slug="hun-sen-no-negotiation",
        published_at=dt.datetime(2018, 3, 27, 17, 55, tzinfo=HONG_KONG),
        updated_at=dt.datetime(2018, 3, 29, 9, 0, tzinfo=HONG_KONG),
    )

    urls = locations(client.get("/sitemap.xml"))

    assert urls[f"http://testserver{article.get_absolute_url()}"] == "2018-03-29"


def test_sitemap_lists_people_organizations_and_list_pages(client):
    speaker = PersonFactory(slug="sam-rainsy")
    AffiliationFactory(person=speaker, organization=OrganizationFactory(slug="cnrp"))
    QuoteFactory(speaker=speaker)

    urls = locations(client.get("/sitemap.xml"))

    for path in [
        "/",
        "/articles/",
        "/quotes/",
        "/people/",
        "/organizations/",
        "/people/sam-rainsy/",
        "/organizations/cnrp/",
    ]:
        assert f"http://testserver{path}" in urls


def test_sitemap_uses_the_requests_host_and_protocol(client, settings):
    settings.ALLOWED_HOSTS = ["news.example.org"]
    ArticleFactory(slug="a-story")

    response = client.get("/sitemap.xml", headers={"host": "news.example.org"}, secure=True)

    assert "https://news.example.org/" in locations(response)


def test_robots_txt_points_to_the_absolute_sitemap_address(client, settings):
    settings.ALLOWED_HOSTS = ["news.example.org"]
    response = client.get("/robots.txt", headers={"host": "news.example.org"}, secure=True)

    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: https://news.example.org/sitemap.xml" in response.text.splitlines()
    assert "Disallow: /admin/" in response.text
