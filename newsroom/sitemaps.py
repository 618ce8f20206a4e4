"""The sitemap: an index of sections, each section paginated by ranges of keys.

Without django.contrib.sites, the sitemap views take the domain and protocol from the request.
"""

from functools import cached_property
from math import ceil

from django.contrib.sitemaps import Sitemap
from django.core.paginator import EmptyPage, PageNotAnInteger
from django.db.models import Max
from django.urls import reverse


class KeyRange:
    """A page of a sitemap section: the items whose keys fall in its range, read from the primary key.

    Counting or skipping rows would grow with the archive; a range of keys costs the same on the
    last page of a million as on the first. Ranges with gaps (drafts, deleted rows) list fewer.
    """

    def __init__(self, items, size):
        self.items = items
        self.size = size

    @cached_property
    def num_pages(self):
        # The table's last key, not the last listed one: MAX of a primary key is one step down its index.
        last = self.items.model.objects.aggregate(last=Max("pk"))["last"]
        return ceil(last / self.size) if last else 1

    def page(self, number):
        try:
            number = int(number)
        except (TypeError, ValueError) as error:
            raise PageNotAnInteger(number) from error
        if not 1 <= number <= self.num_pages:
            raise EmptyPage(number)
        return KeyRangePage(
            self.items.filter(pk__gt=(number - 1) * self.size, pk__lte=number * self.size).order_by("pk")
        )


class KeyRangePage:
    def __init__(self, object_list):
        self.object_list = object_list


class KeyRangeSitemap(Sitemap):
    limit = 2000

    @property
    def paginator(self):
        return KeyRange(self.items(), self.limit)


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


def sitemaps():
    from articles.sitemaps import ArticleSitemap
    from people.sitemaps import OrganizationSitemap, PersonSitemap

    return {
        "pages": ListPageSitemap,
        "articles": ArticleSitemap,
        "people": PersonSitemap,
        "organizations": OrganizationSitemap,
    }
