from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef
from django.db.models.functions import MD5
from django.urls import reverse
from django.utils import timezone

from newsroom.images import make_renditions, validate_image
from people.models import Organization, Person


class ArticleQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Article.Status.PUBLISHED, published_at__lte=timezone.now())

    def for_listing(self):
        return (
            self.published()
            .select_related("source_outlet")
            .prefetch_related(models.Prefetch("bylines", queryset=Byline.objects.select_related("author")))
            .order_by("-published_at", "-pk")
        )

    def with_bylines(self):
        """The joins an article list needs, without the published filter (date navigation, previews)."""
        return self.select_related("source_outlet").prefetch_related(
            models.Prefetch("bylines", queryset=Byline.objects.select_related("author"))
        )

    def mentioning(self, person):
        """Articles that name the person or quote them."""
        return self.filter(
            Exists(Article.people.through.objects.filter(article=OuterRef("pk"), person=person))
            | Exists(Quote.objects.filter(article=OuterRef("pk"), speaker=person))
        )


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
        default=timezone.now,
        help_text="A published article stays hidden until this time, so a future time schedules it.",
    )
    updated_at = models.DateTimeField("last updated", null=True, blank=True)
    lead_image = models.ImageField(upload_to="articles/%Y/%m/", blank=True, validators=[validate_image])
    lead_image_caption = models.CharField("caption", max_length=300, blank=True)
    lead_image_credit = models.CharField("credit", max_length=200, blank=True)
    lead_image_alt = models.CharField(
        "alt text",
        max_length=300,
        blank=True,
        help_text="What the image shows, for readers who cannot see it.",
    )
    people = models.ManyToManyField(
        Person, blank=True, related_name="articles", help_text="People the article mentions."
    )
    organizations = models.ManyToManyField(
        Organization, blank=True, related_name="articles", help_text="Organizations the article mentions."
    )
    # Plain defaults rather than auto_now: fixtures load with raw saves, which skip auto_now.
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    modified_at = models.DateTimeField(default=timezone.now, editable=False)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-pk"]
        get_latest_by = "published_at"
        permissions = [("publish_article", "Can publish, unpublish and delete published articles")]
        indexes = [
            models.Index(fields=["status", "-published_at"], name="articles_status_pub_idx"),
            models.Index(fields=["-published_at"], name="articles_published_at_idx"),
        ]

    def __str__(self):
        return self.headline

    def save(self, *args, **kwargs):
        image_changed = bool(self.lead_image) and not getattr(self.lead_image, "_committed", True)
        self.modified_at = timezone.now()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "modified_at"}
        super().save(*args, **kwargs)
        if image_changed:
            make_renditions(self.lead_image)

    def get_absolute_url(self):
        day = timezone.localtime(self.published_at)
        return reverse(
            "articles:article-detail",
            kwargs={
                "year": day.year,
                "month": f"{day.month:02d}",
                "day": f"{day.day:02d}",
                "slug": self.slug,
            },
        )

    def clean(self):
        if self.updated_at and self.published_at and self.updated_at < self.published_at:
            raise ValidationError({"updated_at": "An article cannot be updated before it was published."})

    @property
    def is_public(self):
        return self.status == self.Status.PUBLISHED and self.published_at <= timezone.now()

    def paragraphs(self):
        return [p.strip() for p in self.body.replace("\r\n", "\n").split("\n\n") if p.strip()]


class Byline(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="bylines")
    author = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="bylines")
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["article", "author"], name="articles_byline_unique_author"),
        ]

    def __str__(self):
        return str(self.author)


class QuoteQuerySet(models.QuerySet):
    def published(self):
        return self.filter(
            article__status=Article.Status.PUBLISHED, article__published_at__lte=timezone.now()
        )

    def for_listing(self):
        return (
            self.published()
            .select_related("speaker", "article")
            .order_by("-said_on", "article_id", "position")
        )

    def by_members_of(self, organization):
        """Quotes whose speaker has held a role in the organization, at any time."""
        from people.models import Affiliation

        return self.filter(
            Exists(Affiliation.objects.filter(person=OuterRef("speaker"), organization=organization))
        )


class Quote(models.Model):
    text = models.TextField(help_text="The quoted words, without quotation marks.")
    speaker = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="quotes")
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="quotes")
    said_on = models.DateField(
        "date said", help_text="When the words were said, which is not always the day of publication."
    )
    context = models.CharField(
        max_length=300, blank=True, help_text="Where and how: “at a graduation ceremony in Phnom Penh”."
    )
    position = models.PositiveIntegerField(default=0, help_text="Order of the quote in the article.")
    featured = models.BooleanField(default=False, help_text="Shown as the article's pull quote.")

    objects = QuoteQuerySet.as_manager()

    class Meta:
        ordering = ["article", "position"]
        constraints = [
            models.UniqueConstraint("article", MD5("text"), name="articles_quote_unique_text_per_article"),
        ]
        indexes = [
            models.Index(fields=["speaker", "-said_on"], name="articles_quote_speaker_idx"),
            models.Index(fields=["-said_on"], name="articles_quote_said_on_idx"),
            models.Index(fields=["article", "position"], name="articles_quote_article_idx"),
        ]

    def __str__(self):
        words = self.text if len(self.text) <= 80 else self.text[:77].rstrip() + "…"
        return f"{self.speaker}: “{words}”"

    def get_absolute_url(self):
        return f"{self.article.get_absolute_url()}#quote-{self.pk}"

    def validate_constraints(self, exclude=None):
        # Checked before the constraint itself, whose generic message would name the constraint, not the text.
        if self.article_id and self.text and "text" not in (exclude or ()):
            clash = Quote.objects.filter(article_id=self.article_id, text=self.text).exclude(pk=self.pk)
            if clash.exists():
                raise ValidationError({"text": "This article already has this quote."})
        super().validate_constraints(exclude=exclude)
