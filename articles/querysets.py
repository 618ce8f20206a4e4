"""What readers and the desk ask of articles and quotes: their editorial states (through
PublicationQuerySet), the joins a list needs, and the orders their indexes serve."""

import datetime as dt

from django.db.models import Exists, OuterRef, Prefetch, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from articles.mentions import Byline, OrganizationMention, PersonMention
from newsroom.cache import pages_changed
from newsroom.querysets import PublicationQuerySet
from people.models import Affiliation


class ArticleQuerySet(PublicationQuerySet):
    def drafts(self):
        return self.filter(status=self.model.Status.DRAFT)

    def next_publication(self):
        """When the next scheduled article becomes public, or None."""
        return self.scheduled().order_by("public_at").values_list("public_at", flat=True).first()

    def with_bylines(self):
        """The joins an article list needs, whatever the state (date navigation, previews)."""
        return self.select_related("source_outlet").prefetch_related(
            Prefetch("bylines", queryset=Byline.objects.select_related("author"))
        )

    def for_listing(self):
        return self.published().with_bylines().order_by("-public_at", "-pk")

    def mentioning(self, person):
        """Articles that name the person or quote them, newest first, read from the person's mentions."""
        return self.filter(person_mentions__person=person).order_by(
            "-person_mentions__public_at", "-person_mentions__article_id"
        )

    def naming(self, organization):
        """Articles that name the organization, newest first, read from its mentions."""
        return self.filter(organization_mentions__organization=organization).order_by(
            "-organization_mentions__public_at", "-organization_mentions__article_id"
        )

    def set_status(self, status):
        """Publish or unpublish these articles at once; returns those that changed."""
        changed = list(self.exclude(status=status))
        now = timezone.now()
        values = {"status": status, "modified_at": now}
        if status == self.model.Status.PUBLISHED:
            values["published_at"] = Coalesce("published_at", Value(now))  # an editor's time is kept
        changed_now = self.model.objects.filter(pk__in=[a.pk for a in changed])
        changed_now.update(**values)
        changed_now.share_public_at()
        pages_changed()
        return changed

    def share_public_at(self):
        """Copy each article's public_at to its quotes and mention links, which are listed by it."""
        articles = self.values("pk")
        own = self.model.objects.filter(pk=OuterRef("article_id")).order_by().values("public_at")
        public_at = Subquery(own)
        quotes = self.model._meta.get_field("quotes").related_model
        for model in (quotes, PersonMention, OrganizationMention, Byline):
            model.objects.filter(article__in=articles).update(public_at=public_at)


class QuoteQuerySet(PublicationQuerySet):
    def for_listing(self):
        return (
            self.published()
            .select_related("speaker", "organization", "article")
            .order_by("-said_on", "article_id", "position")
        )

    def from_organization(self, organization, few=100):
        """Quotes by the organization itself, by an unnamed source speaking for it, and by anyone who
        has held a role in it, at any time.

        An organization of a few members is read from each member's own index of quotes and its
        own (articles_quote_org_idx); one of many, from the newest quotes, where its members soon
        turn up (each way costs where the other saves).
        """
        roles = Affiliation.objects.filter(organization=organization)
        members = list(roles.values_list("person_id", flat=True).distinct()[: few + 1])
        if len(members) <= few:
            return self.filter(Q(speaker_id__in=members) | Q(organization=organization))
        return self.filter(Q(Exists(roles.filter(person=OuterRef("speaker")))) | Q(organization=organization))

    def latest(self, count, within=dt.timedelta(days=7)):
        """The quotes of the most recently published articles, featured ones first among them; none
        from more than `within` before the newest, so no stale quote stands beside today's news."""
        recent = list(
            self.published()
            .select_related("speaker", "organization", "article")
            .order_by("-public_at", "article_id", "position")[: count * 3]
        )
        fresh = (
            [quote for quote in recent if quote.public_at >= recent[0].public_at - within] if recent else []
        )
        return sorted(fresh, key=lambda quote: not quote.featured)[:count]
