from django.urls import reverse

from articles.models import public_organizations, public_people
from newsroom.sitemaps import KeyRangeSitemap


def addresses(items, route):
    marker = reverse(route, kwargs={"slug": "slug"})
    return ((marker.replace("/slug/", f"/{slug}/"), None) for slug in items.values_list("slug", flat=True))


class PersonSitemap(KeyRangeSitemap):
    changefreq = "weekly"

    def items(self):
        return public_people()

    def entries(self, items):
        return addresses(items, "people:person-detail")


class OrganizationSitemap(KeyRangeSitemap):
    changefreq = "weekly"

    def items(self):
        return public_organizations()

    def entries(self, items):
        return addresses(items, "people:organization-detail")
