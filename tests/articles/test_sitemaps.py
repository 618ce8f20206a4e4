import datetime as dt
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import pytest
from django.utils import timezone

from articles.sitemaps import ArticleSitemap
from tests.factories import (
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


def sitemap_urls(client, **request):
    """Every address in every section page the sitemap index links to."""
    index = client.get("/sitemap.xml", **request)
    assert index.status_code == 200
    urls = {}
    for section in locations(index):
        address = urlsplit(section)
        page = client.get(f"{address.path}?{address.query}", **request)
        assert page.status_code == 200, section
        urls.update(locations(page))
    return urls


def test_sitemap_lists_published_articles_with_their_last_modification(client):
    article = ArticleFactory(
        slug="hun-sen-no-negotiation", published_at=dt.datetime(2018, 3, 27, 17, 55, tzinfo=HONG_KONG)
    )

    urls = sitemap_urls(client)

    assert (
        urls[f"http://testserver{article.get_absolute_url()}"]
        == timezone.localdate(article.modified_at).isoformat()
    )  # the newsroom's day


def test_sitemap_index_pages_sections_by_ranges_of_keys(client, monkeypatch):
    monkeypatch.setattr(ArticleSitemap, "limit", 2)
    articles = ArticleFactory.create_batch(5)

    index = locations(client.get("/sitemap.xml"))
    pages = sorted(url for url in index if "sitemap-articles" in url)
    last = max(article.pk for article in articles)
    assert len(pages) == (last + 1) // 2
    second = locations(client.get("/sitemap-articles.xml", {"p": 2}))
    assert {url.rsplit("/", 2)[-2] for url in second} == {a.slug for a in articles if a.pk in (3, 4)}
    assert client.get("/sitemap-articles.xml", {"p": len(pages) + 1}).status_code == 404


def test_sitemap_lists_people_organizations_and_list_pages(client):
    speaker = PersonFactory(slug="sam-rainsy")
    QuoteFactory(speaker=speaker).article.organizations.add(OrganizationFactory(slug="cnrp"))

    urls = sitemap_urls(client)

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

    urls = sitemap_urls(client, headers={"host": "news.example.org"}, secure=True)

    assert "https://news.example.org/" in urls


def test_robots_txt_points_to_the_absolute_sitemap_address(client, settings):
    settings.ALLOWED_HOSTS = ["news.example.org"]
    response = client.get("/robots.txt", headers={"host": "news.example.org"}, secure=True)

    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: https://news.example.org/sitemap.xml" in response.text.splitlines()
    assert "Disallow: /admin/" in response.text
