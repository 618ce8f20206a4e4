"""The sitemap: every public page, built on the published querysets.

Without django.contrib.sites, the sitemap view takes the domain and protocol from the request.
"""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from articles.models import Article
from people.models import Organization, Person


class ArticleSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return Article.objects.published().order_by("-published_at", "-pk")

    def lastmod(self, article):
        return article.updated_at or article.published_at


class PersonSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return Person.objects.in_published().order_by("name", "pk")


class OrganizationSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return Organization.objects.in_published().order_by("name", "pk")


class ListPageSitemap(Sitemap):
    changefreq = "daily"

    def items(self):
        return [
            "home",
            "articles:article-list",
            "articles:quote-list",
            "people:person-list",
            "people:organization-list",
        ]

    def location(self, name):
        return reverse(name)


SITEMAPS = {
    "pages": ListPageSitemap,
    "articles": ArticleSitemap,
    "people": PersonSitemap,
    "organizations": OrganizationSitemap,
}
