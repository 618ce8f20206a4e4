import functools

import reversion
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, Q, When
from django.db.models.functions import MD5
from django.urls import get_script_prefix, reverse
from django.utils import timezone

from articles.mentions import Byline as Byline  # the app's models, importable from here
from articles.mentions import OrganizationMention, PersonMention
from articles.mentions import public_organizations as public_organizations
from articles.mentions import public_people as public_people
from articles.querysets import ArticleQuerySet, QuoteQuerySet
from articles.search import ArticleSearch as ArticleSearch  # models too: imported so Django has them
from articles.search import QuoteSearch as QuoteSearch
from newsroom.images import UnguessableName, make_renditions, validate_image
from people.models import Organization, Person


# Revisions: an article with its quotes and bylines (mention links are not versioned one by one).
@reversion.register(follow=["quotes", "bylines"])
class Article(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"

    headline = models.CharField(max_length=300)
    slug = models.SlugField(
        max_length=200, unique=True, help_text="The last part of the article's web address."
    )
    standfirst = models.TextField(blank=True, help_text="The summary under the headline.")
    body = models.TextField(
        blank=True, help_text="Paragraphs separated by a blank line. Plain text: HTML is shown as typed."
    )
    source_outlet = models.ForeignKey(
        Organization,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="sourced_articles",
        limit_choices_to={"kind": Organization.Kind.NEWS_OUTLET},
        help_text="The outlet that first published the article.",
    )
    source_url = models.URLField(max_length=500, blank=True)
    source_key = models.CharField(
        max_length=255,
        unique=True,
        null=True,
        blank=True,
        editable=False,
        help_text="The seed file an import came from; re-importing it updates this article.",
    )
    status = models.CharField(max_length=20, choices=Status, default=Status.DRAFT)
    published_at = models.DateTimeField(
        "publication time",
        null=True,
        blank=True,
        help_text="Leave empty to publish at the moment it is published; a future time schedules it "
        "(it stays hidden until then).",
    )
    updated_at = models.DateTimeField("last updated", null=True, blank=True)
    lead_image = models.ImageField(
        upload_to=UnguessableName("articles/%Y/%m/"), blank=True, validators=[validate_image]
    )
    lead_image_caption = models.CharField("caption", max_length=300, blank=True)
    lead_image_credit = models.CharField("credit", max_length=200, blank=True)
    lead_image_alt = models.CharField(
        "alt text",
        max_length=300,
        blank=True,
        help_text="What the image shows, for readers who cannot see it.",
    )
    people = models.ManyToManyField(
        Person,
        through="PersonMention",
        blank=True,
        related_name="articles",
        help_text="People the article mentions; everyone it quotes is among them.",
    )
    organizations = models.ManyToManyField(
        Organization,
        through="OrganizationMention",
        blank=True,
        related_name="articles",
        help_text="Organizations the article mentions.",
    )
    # The one statement of what "public" means: published, from the publication time on.
    public_at = models.GeneratedField(
        expression=Case(When(status="published", then="published_at")),
        output_field=models.DateTimeField(null=True),
        db_persist=True,
    )
    # Plain defaults rather than auto_now: fixtures load with raw saves, which skip auto_now.
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    modified_at = models.DateTimeField(default=timezone.now, editable=False)
    imported_at = models.DateTimeField(
        null=True,
        editable=False,
        help_text="When load_seeds last wrote it from its copy; a change made after that is an editor's, "
        "and a reload keeps it.",
    )

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-pk"]
        get_latest_by = "published_at"
        permissions = [("publish_article", "Can publish, unpublish and delete published articles")]
        indexes = [
            models.Index(fields=["public_at", "id"], name="articles_public_idx"),
            models.Index(fields=["-published_at"], name="articles_published_at_idx"),
            models.Index(fields=["modified_at"], name="articles_modified_at_idx"),
        ]

    def __str__(self):
        return self.headline

    def save(self, *args, **kwargs):
        image_changed = bool(self.lead_image) and not getattr(self.lead_image, "_committed", True)
        self.modified_at = timezone.now()
        if self.status == self.Status.PUBLISHED and self.published_at is None:
            self.published_at = self.modified_at  # published now, unless an editor set a time
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "modified_at"}
        super().save(*args, **kwargs)
        Article.objects.filter(pk=self.pk).share_public_at()
        if image_changed:
            make_renditions(self.lead_image)

    def get_absolute_url(self):
        # A draft with no publication time yet is previewed under the day it was created.
        return self.address(timezone.localtime(self.published_at or self.created_at), self.slug)

    @staticmethod
    def address(day, slug):
        """The article's address from its local publication day and slug, as reverse() gives it.

        reverse() costs more than the rest of a list row; a sitemap page makes thousands.
        """
        return _address_pattern(get_script_prefix()).format(
            year=day.year, month=day.month, day=day.day, slug=slug
        )

    def clean(self):
        if self.updated_at and self.published_at and self.updated_at < self.published_at:
            raise ValidationError({"updated_at": "An article cannot be updated before it was published."})

    @property
    def is_public(self):
        return self.public_at is not None and self.public_at <= timezone.now()

    def touch(self):
        """Mark the article changed now (by hand: a reload keeps what an editor changed)."""
        Article.objects.filter(pk=self.pk).update(modified_at=timezone.now())

    def mention_speakers(self):
        """Everyone the article quotes is among the people it mentions, and every organization quoted
        (or an unnamed source speaks for) among the organizations it names."""
        sources = self.quotes.values_list("speaker_id", "organization_id")
        speakers = {pk for pk, _ in sources if pk} - set(
            self.person_mentions.values_list("person_id", flat=True)
        )
        organizations = {pk for _, pk in sources if pk} - set(
            self.organization_mentions.values_list("organization_id", flat=True)
        )
        PersonMention.objects.bulk_create(
            PersonMention(article=self, person_id=pk, public_at=self.public_at) for pk in speakers
        )
        OrganizationMention.objects.bulk_create(
            OrganizationMention(article=self, organization_id=pk, public_at=self.public_at)
            for pk in organizations
        )

    def paragraphs(self):
        return [p.strip() for p in self.body.replace("\r\n", "\n").split("\n\n") if p.strip()]


@reversion.register()
class Quote(models.Model):
    class Source(models.TextChoices):
        PERSON = "person", "A person"
        ORGANIZATION = "organization", "An organization"
        UNNAMED = "unnamed", "An unnamed source"

    text = models.TextField(help_text="The quoted words, without quotation marks.")
    source_kind = models.CharField(
        "source",
        max_length=12,
        choices=Source,
        default=Source.PERSON,
        db_default=Source.PERSON,
        help_text="Who the words are from: a person, an organization itself (“the company said”), "
        "or a source the copy describes without naming (“a spokeswoman for the ministry”).",
    )
    speaker = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        related_name="quotes",
        null=True,
        blank=True,
        help_text="The person who said it (a quote by a person).",
    )
    organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        related_name="quotes",
        null=True,
        blank=True,
        db_index=False,  # articles_quote_org_idx serves it
        help_text="The organization that said it; for an unnamed source, the one they speak for, if named.",
    )
    source_description = models.CharField(
        "unnamed source",
        max_length=250,
        blank=True,
        default="",
        db_default="",
        help_text="The source as the copy describes them: “a spokeswoman for the ministry”, “one analyst”.",
    )
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="quotes")
    said_on = models.DateField(
        "date said", help_text="When the words were said, which is not always the day of publication."
    )
    context = models.CharField(
        max_length=300, blank=True, help_text="Where and how: “at a graduation ceremony in Phnom Penh”."
    )
    position = models.PositiveIntegerField(default=0, help_text="Order of the quote in the article.")
    featured = models.BooleanField(default=False, help_text="Shown as the article's pull quote.")
    imported = models.BooleanField(
        default=False,
        db_default=False,
        editable=False,
        help_text="Found by an import in the article's copy (not added by hand).",
    )
    public_at = models.DateTimeField(
        null=True, editable=False, help_text="A copy of the article's public_at."
    )

    objects = QuoteQuerySet.as_manager()

    class Meta:
        ordering = ["article", "position"]
        constraints = [
            models.UniqueConstraint("article", MD5("text"), name="articles_quote_unique_text_per_article"),
            models.CheckConstraint(
                condition=(
                    Q(
                        source_kind="person",
                        speaker__isnull=False,
                        organization__isnull=True,
                        source_description="",
                    )
                    | Q(
                        source_kind="organization",
                        speaker__isnull=True,
                        organization__isnull=False,
                        source_description="",
                    )
                    | (Q(source_kind="unnamed", speaker__isnull=True) & ~Q(source_description=""))
                ),
                name="articles_quote_source_fits_kind",
                violation_error_message=(
                    "A quote's source is a person, an organization, or a described source."
                ),
            ),
        ]
        # In the order quotes are listed, ending with public_at: a list and its count read the index alone.
        indexes = [
            models.Index(
                fields=["speaker", "-said_on", "article", "position", "public_at"],
                name="articles_quote_speaker_idx",
            ),
            # Most quotes are a person's: an index of the few with an organization, so the planner's
            # statistics count only those (with every NULL counted, SQLite took an organization's
            # quotes for most of the table and scanned it).
            models.Index(
                fields=["organization", "-said_on", "article", "position", "public_at"],
                name="articles_quote_org_idx",
                condition=Q(organization__isnull=False),
            ),
            models.Index(
                fields=["-said_on", "article", "position", "public_at"], name="articles_quote_said_on_idx"
            ),
            models.Index(fields=["article", "position"], name="articles_quote_article_idx"),
            models.Index(fields=["-public_at", "article", "position"], name="articles_quote_public_idx"),
        ]

    def __str__(self):
        words = self.text if len(self.text) <= 80 else self.text[:77].rstrip() + "…"
        return f"{self.source_name}: “{words}”"

    def save(self, *args, **kwargs):
        self.public_at = self.article.public_at
        super().save(*args, **kwargs)
        self.article.mention_speakers()
        self.article.touch()

    def get_absolute_url(self):
        return f"{self.article.get_absolute_url()}#quote-{self.pk}"

    def validate_constraints(self, exclude=None):
        # Checked before the constraint itself, whose generic message would name the constraint, not the text.
        if self.article_id and self.text and "text" not in (exclude or ()):
            clash = Quote.objects.filter(article_id=self.article_id, text=self.text).exclude(pk=self.pk)
            if clash.exists():
                raise ValidationError({"text": "This article already has this quote."})
        super().validate_constraints(exclude=exclude)

    @property
    def source_name(self):
        """Whom the quote is from, as a reader would be told: a name, or the description as printed."""
        if self.source_kind == self.Source.PERSON:
            return self.speaker.name if self.speaker_id else ""
        if self.source_kind == self.Source.ORGANIZATION:
            return self.organization.name if self.organization_id else ""
        return self.source_description

    def clean(self):
        super().clean()
        kind, errors = self.source_kind, {}
        if kind == self.Source.PERSON and not self.speaker_id:
            errors["speaker"] = "Choose who said it, or say the source is an organization or unnamed."
        if kind == self.Source.ORGANIZATION and not self.organization_id:
            errors["organization"] = "Choose the organization that said it."
        if kind == self.Source.UNNAMED and not self.source_description.strip():
            errors["source_description"] = (
                "Describe the source as the copy does, such as “a spokeswoman for the ministry”."
            )
        if kind != self.Source.PERSON and self.speaker_id:
            errors["speaker"] = (
                "A quote by an organization or an unnamed source has no person as speaker: "
                "clear it, or make the source a person."
            )
        if kind == self.Source.PERSON and self.organization_id:
            errors["organization"] = (
                "A person's quote is theirs alone (their roles say whom they speak for): "
                "clear the organization."
            )
        if kind != self.Source.UNNAMED and self.source_description:
            errors["source_description"] = (
                "Only an unnamed source has a description: clear it, or make the source unnamed."
            )
        if errors:
            raise ValidationError(errors)


@functools.lru_cache(maxsize=8)
def _address_pattern(prefix):
    marker = reverse("articles:article-detail", kwargs={"year": 1000, "month": 10, "day": 10, "slug": "slug"})
    return marker.replace("1000/10/10/slug/", "{year:04d}/{month:02d}/{day:02d}/{slug}/")
