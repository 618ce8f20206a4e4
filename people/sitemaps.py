from newsroom.sitemaps import KeyRangeSitemap
from people.views import public_organizations, public_people


class PersonSitemap(KeyRangeSitemap):
    changefreq = "weekly"

    def items(self):
        return public_people().only("slug")


class OrganizationSitemap(KeyRangeSitemap):
    changefreq = "weekly"

    def items(self):
        return public_organizations().only("slug")
