from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse_lazy
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape

from articles.models import Article

FEED_SIZE = 30


def byline_names(article):
    return ", ".join(byline.author.name for byline in article.bylines.all())


class ArticleItemsMixin:
    """Atom entries for articles. Summaries are sent as HTML, so plain text is escaped first."""

    def item_title(self, item):
        return item.headline

    def item_description(self, item):
        return escape(item.standfirst)

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at or item.published_at

    def item_author_name(self, item):
        return byline_names(item) or None


class LatestArticlesFeed(ArticleItemsMixin, Feed):
    feed_type = Atom1Feed
    link = reverse_lazy("articles:article-list")
    feed_url = reverse_lazy("articles:article-feed")
    subtitle = "The latest published articles."

    def title(self):
        return f"{settings.SITE_NAME}: latest articles"

    def items(self):
        return Article.objects.for_listing()[:FEED_SIZE]
