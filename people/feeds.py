from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.template.defaultfilters import date as format_date
from django.template.defaultfilters import truncatechars
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape

from articles.feeds import FEED_SIZE, ArticleItemsMixin
from articles.models import Article, Quote, public_people


class PersonFeed(ArticleItemsMixin, Feed):
    """A person's published quotes and the published articles that mention them, newest first."""

    feed_type = Atom1Feed

    def get_object(self, request, slug):
        return get_object_or_404(public_people(), slug=slug)

    def title(self, person):
        return f"{person.name}: quotes and articles, {settings.SITE_NAME}"

    def subtitle(self, person):
        return f"What {person.name} said, and what was written about them."

    def link(self, person):
        return person.get_absolute_url()

    def feed_url(self, person):
        return reverse("people:person-feed", kwargs={"slug": person.slug})

    def items(self, person):
        # Newest said first, from the speaker's index, as on their page.
        quotes = Quote.objects.for_listing().filter(speaker=person)[:FEED_SIZE]
        articles = Article.objects.for_listing().mentioning(person)[:FEED_SIZE]
        entries = [*quotes, *articles]
        entries.sort(key=lambda entry: self.item_pubdate(entry), reverse=True)
        return entries[:FEED_SIZE]

    def item_title(self, item):
        if isinstance(item, Quote):
            return f"{item.speaker.name}: “{truncatechars(item.text, 100)}”"
        return super().item_title(item)

    def item_description(self, item):
        if isinstance(item, Quote):
            said = f"Said on {format_date(item.said_on, 'j F Y')}"
            if item.context:
                said += f", {item.context}"
            source = f"{said}. From “{item.article.headline}”."
            return f"<blockquote><p>{escape(item.text)}</p></blockquote><p>{escape(source)}</p>"
        return super().item_description(item)

    def item_pubdate(self, item):
        return item.article.published_at if isinstance(item, Quote) else item.published_at

    def item_updateddate(self, item):
        return self.item_pubdate(item) if isinstance(item, Quote) else super().item_updateddate(item)

    def item_author_name(self, item):
        return item.speaker.name if isinstance(item, Quote) else super().item_author_name(item)
