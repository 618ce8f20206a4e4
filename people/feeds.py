from django.conf import settings
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.defaultfilters import capfirst, truncatechars
from django.template.defaultfilters import date as format_date
from django.urls import reverse
from django.utils.html import escape

from articles.feeds import FEED_SIZE, ArticleItemsMixin, ReadableFeed
from articles.models import Article, Quote, public_organizations, public_people
from people.views import moved


class QuotesAndArticlesFeed(ArticleItemsMixin, ReadableFeed):
    """Published quotes and published articles, newest first: `quotes()` and `articles()` of the object."""

    def __call__(self, request, *args, **kwargs):
        try:
            return super().__call__(request, *args, **kwargs)
        except Http404:  # an old address, of a record merged into another, leads to the one kept
            return moved(request, self.public(), kwargs["slug"], self.feed_url)

    def get_object(self, request, slug):
        return get_object_or_404(self.public(), slug=slug)

    def items(self, obj):
        entries = [*self.quotes(obj)[:FEED_SIZE], *self.articles(obj)[:FEED_SIZE]]
        entries.sort(key=lambda entry: self.item_pubdate(entry), reverse=True)
        return entries[:FEED_SIZE]

    def link(self, obj):
        return obj.get_absolute_url()

    def item_title(self, item):
        if isinstance(item, Quote):
            return f"{capfirst(item.source_name)}: “{truncatechars(item.text, 100)}”"
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
        # Whom the words are from: a person, an organization, or a source as the copy describes them.
        return capfirst(item.source_name) if isinstance(item, Quote) else super().item_author_name(item)


class PersonFeed(QuotesAndArticlesFeed):
    """A person's published quotes and the published articles that mention them, newest first."""

    def public(self):
        return public_people()

    def title(self, person):
        return f"{person.name}: quotes and articles, {settings.SITE_NAME}"

    def subtitle(self, person):
        return f"What {person.name} said, and what was written about them."

    def feed_url(self, person):
        return reverse("people:person-feed", kwargs={"slug": person.slug})

    def quotes(self, person):
        # Newest said first, from the speaker's index, as on their page.
        return Quote.objects.for_listing().filter(speaker=person)

    def articles(self, person):
        return Article.objects.for_listing().mentioning(person)


class OrganizationFeed(QuotesAndArticlesFeed):
    """What the organization said, itself or through an unnamed source speaking for it, what its members
    said (whoever has held a role in it), and the articles that name it."""

    def public(self):
        return public_organizations()

    def title(self, organization):
        return f"{organization.display_name}: quotes and articles, {settings.SITE_NAME}"

    def subtitle(self, organization):
        return f"What {organization.display_name} and its members said, and what was written about it."

    def feed_url(self, organization):
        return reverse("people:organization-feed", kwargs={"slug": organization.slug})

    def quotes(self, organization):
        return Quote.objects.for_listing().from_organization(organization)

    def articles(self, organization):
        return Article.objects.for_listing().naming(organization)
