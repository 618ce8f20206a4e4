from django.contrib.sitemaps import Sitemap

from articles.models import Article


class ArticleSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return Article.objects.published().order_by("-public_at", "-pk")

    def lastmod(self, article):
        return article.updated_at or article.published_at
