from articles.models import Article
from newsroom.sitemaps import KeyRangeSitemap


class ArticleSitemap(KeyRangeSitemap):
    changefreq = "weekly"

    def items(self):
        return Article.objects.published().only("slug", "published_at", "modified_at")

    def lastmod(self, article):
        return article.modified_at

    def get_latest_lastmod(self):
        # From the index on modified_at, newest first, to the first public one.
        return self.items().order_by("-modified_at").values_list("modified_at", flat=True).first()
