from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse_lazy
from django.utils.feedgenerator import Atom1Feed, Stylesheet
from django.utils.html import escape
from django.utils.xmlutils import SimplerXMLGenerator
from django.views.decorators.http import require_safe
from django.views.generic import TemplateView

from articles.models import Article
from newsroom.templatetags.site import summary

FEED_SIZE = 30
# What a browser shows of a feed or the sitemap: a page of the site, made by its own XSLT stylesheet
# (allowed by the CSP as the site's own script, and drawing no inline style), instead of raw XML.
STYLESHEET = reverse_lazy("articles:xml-stylesheet")


class ReadableAtom1Feed(Atom1Feed):
    """Atom with the feed's stylesheets as processing instructions, as Django writes them for RSS.

    Sent as application/xml: Chromium shows application/atom+xml as plain text without applying
    the stylesheet, while feed readers go by the document (its root is an Atom <feed>), and pages
    announce the feed as Atom in their <link rel="alternate" type="application/atom+xml">.
    """

    content_type = "application/xml; charset=utf-8"

    def write(self, outfile, encoding):
        handler = SimplerXMLGenerator(outfile, encoding, short_empty_elements=True)
        handler.startDocument()
        for stylesheet in self.feed["stylesheets"] or []:
            handler.processingInstruction("xml-stylesheet", stylesheet)
        handler.startElement("feed", self.root_attributes())
        self.add_root_elements(handler)
        self.write_items(handler)
        handler.endElement("feed")


class ReadableFeed(Feed):
    feed_type = ReadableAtom1Feed
    stylesheets = [Stylesheet(STYLESHEET, mimetype="text/xsl", media="all")]


xml_stylesheet = require_safe(
    TemplateView.as_view(template_name="feeds/readable.xsl", content_type="text/xsl; charset=utf-8")
)


def byline_names(article):
    return ", ".join(byline.author.name for byline in article.bylines.all())


class ArticleItemsMixin:
    """Atom entries for articles. Summaries are sent as HTML, so plain text is escaped first."""

    def item_title(self, item):
        return item.headline

    def item_description(self, item):
        return escape(summary(item))

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at or item.published_at

    def item_author_name(self, item):
        return byline_names(item) or None


class LatestArticlesFeed(ArticleItemsMixin, ReadableFeed):
    link = reverse_lazy("articles:article-list")
    feed_url = reverse_lazy("articles:article-feed")
    subtitle = "The latest published articles."

    def title(self):
        return f"{settings.SITE_NAME}: latest articles"

    def items(self):
        return Article.objects.for_listing()[:FEED_SIZE]
