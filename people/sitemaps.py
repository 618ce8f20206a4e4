from articles.models import public_organizations, public_people
from newsroom.sitemaps import KeyRangeSitemap


class PersonSitemap(KeyRangeSitemap):
    changefreq = "weekly"

    def items(self):
        return public_people().only("slug")


class OrganizationSitemap(KeyRangeSitemap):
    changefreq = "weekly"

    def items(self):
        return public_organizations().only("slug")
