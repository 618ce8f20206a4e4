"""The sitemap: every public page, each app's pages from that app's own sitemaps.

Without django.contrib.sites, the sitemap view takes the domain and protocol from the request.
"""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from articles.sitemaps import ArticleSitemap
from people.sitemaps import OrganizationSitemap, PersonSitemap


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
