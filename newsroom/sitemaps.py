"""The sitemap: an index of sections, each section paginated by ranges of keys.

Sections are Django Sitemap classes; the two views write the XML themselves, because the
framework's template costs about a quarter of a millisecond an address and a section page holds
thousands. Without django.contrib.sites, addresses take the request's host and scheme.
"""

from functools import cached_property
from math import ceil
from xml.sax.saxutils import escape

from django.contrib.sitemaps import Sitemap
from django.core.paginator import EmptyPage, PageNotAnInteger
from django.db.models import Max
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_safe

NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9"


class KeyRange:
    """A section's pages: the items whose keys fall in each range, read from the primary key.

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
        return self.items.filter(pk__gt=(number - 1) * self.size, pk__lte=number * self.size).order_by("pk")


class KeyRangeSitemap(Sitemap):
    limit = 1000

    @property
    def paginator(self):
        return KeyRange(self.items(), self.limit)

    def entries(self, items):
        """(path, lastmod or None) of each item; sections override it to read plain values."""
        return (
            (self.location(item), self.lastmod(item) if hasattr(self, "lastmod") else None) for item in items
        )


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

    @property
    def paginator(self):
        return self

    num_pages = 1

    def page(self, number):
        if str(number) != "1":
            raise EmptyPage(number)
        return self.items()

    def entries(self, items):
        return ((self.location(name), None) for name in items)


def sections():
    from articles.sitemaps import ArticleSitemap
    from people.sitemaps import OrganizationSitemap, PersonSitemap

    return {
        "pages": ListPageSitemap,
        "articles": ArticleSitemap,
        "people": PersonSitemap,
        "organizations": OrganizationSitemap,
    }


def _w3c(moment, zone):
    return moment.astimezone(zone).date().isoformat() if moment else ""


def _stylesheet():
    """What a browser shows of the sitemap: the site's page made by its XSLT stylesheet (articles.feeds)."""
    return f'<?xml-stylesheet type="text/xsl" href="{escape(reverse("articles:xml-stylesheet"))}"?>\n'


def _xml(root, rows):
    body = "".join(
        f"<{row}><loc>{escape(location)}</loc>{f'<lastmod>{lastmod}</lastmod>' if lastmod else ''}</{row}>"
        for row, location, lastmod in rows
    )
    response = HttpResponse(
        f'<?xml version="1.0" encoding="UTF-8"?>\n{_stylesheet()}'
        f'<{root} xmlns="{NAMESPACE}">{body}</{root}>\n',
        content_type="application/xml; charset=utf-8",
    )
    response["X-Robots-Tag"] = "noindex, noodp, noarchive"
    return response


@require_safe
def index(request):
    base = f"{request.scheme}://{request.get_host()}"
    zone = timezone.get_current_timezone()
    rows = []
    for name, section in sections().items():
        site = section()
        address = base + reverse("sitemap-section", kwargs={"section": name})
        latest = _w3c(site.get_latest_lastmod(), zone) if hasattr(site, "get_latest_lastmod") else ""
        for page in range(1, site.paginator.num_pages + 1):
            rows.append(("sitemap", address if page == 1 else f"{address}?p={page}", latest))
    return _xml("sitemapindex", rows)


@require_safe
def section(request, section):
    found = sections().get(section)
    if found is None:
        raise Http404(f"No sitemap section {section!r}.")
    site = found()
    try:
        items = site.paginator.page(request.GET.get("p", 1))
    except (EmptyPage, PageNotAnInteger) as error:
        raise Http404("No such page of the sitemap.") from error
    base = f"{request.scheme}://{request.get_host()}"
    zone = timezone.get_current_timezone()
    return _xml(
        "urlset", (("url", base + path, _w3c(lastmod, zone)) for path, lastmod in site.entries(items))
    )
