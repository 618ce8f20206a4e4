from django.contrib.sitemaps import Sitemap

from people.views import public_organizations, public_people


class PersonSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return public_people().order_by("name", "pk")


class OrganizationSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return public_organizations().order_by("name", "pk")
