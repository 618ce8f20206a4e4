import reversion
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone

from newsroom.images import UnguessableName, make_renditions, validate_image
from newsroom.querysets import count_of
from newsroom.search.sqlite import MatchField, SearchRow


class SlugManager(models.Manager):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class OrganizationQuerySet(models.QuerySet):
    """Organizations seen through the links to them a caller passes (say, the published articles'
    mentions, each with an `organization`); the people app knows nothing of articles itself."""

    def appearing_in(self, mentions):
        return self.filter(Exists(mentions.filter(organization=OuterRef("pk"))))

    def with_article_counts(self, mentions):
        return self.annotate(published_article_count=count_of(mentions.filter(organization=OuterRef("pk"))))


@reversion.register()
class Organization(models.Model):
    class Kind(models.TextChoices):
        POLITICAL_PARTY = "party", "Political party"
        GOVERNMENT = "government", "Government body"
        COMPANY = "company", "Company"
        NGO = "ngo", "NGO"
        NEWS_OUTLET = "outlet", "News outlet"
        OTHER = "other", "Other"

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True, help_text="Used in the organization's web address.")
    short_name = models.CharField(
        max_length=50, blank=True, help_text="Acronym or short form readers know it by, such as “CNRP”."
    )
    kind = models.CharField(max_length=20, choices=Kind, default=Kind.OTHER)
    country = models.CharField(max_length=100, blank=True)
    founded_on = models.DateField("founded", null=True, blank=True)
    dissolved_on = models.DateField("dissolved", null=True, blank=True)
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="children",
        help_text="The larger body this one belongs to, if any.",
    )
    description = models.TextField(blank=True)
    website = models.URLField(blank=True)
    needs_review = models.BooleanField(
        default=False, help_text="Created by an import; an editor should check its details."
    )

    objects = SlugManager.from_queryset(OrganizationQuerySet)()

    class Meta:
        ordering = ["name"]
        indexes = [
            models.Index(fields=["needs_review"], name="people_org_review_idx"),
            models.Index(fields=["name", "id"], name="people_org_name_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(dissolved_on__isnull=True)
                | Q(founded_on__isnull=True)
                | Q(dissolved_on__gte=models.F("founded_on")),
                name="people_org_dissolved_after_founded",
            ),
            models.CheckConstraint(condition=~Q(parent=models.F("pk")), name="people_org_not_own_parent"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("people:organization-detail", kwargs={"slug": self.slug})

    def natural_key(self):
        return (self.slug,)

    def clean(self):
        if self.founded_on and self.dissolved_on and self.dissolved_on < self.founded_on:
            raise ValidationError(
                {"dissolved_on": "An organization cannot be dissolved before it was founded."}
            )
        if self.parent_id and self.pk and self.parent_id == self.pk:
            raise ValidationError({"parent": "An organization cannot be its own parent."})

    @property
    def display_name(self):
        return f"{self.name} ({self.short_name})" if self.short_name else self.name


class PersonQuerySet(models.QuerySet):
    """People seen through the links to them a caller passes: mentions (each with a `person`; a
    quote's speaker is always mentioned) and bylines (each with an `author`)."""

    def appearing_in(self, mentions, bylines):
        return self.filter(
            Exists(mentions.filter(person=OuterRef("pk"))) | Exists(bylines.filter(author=OuterRef("pk")))
        )

    def with_quote_counts(self, quotes):
        return self.annotate(published_quote_count=count_of(quotes.filter(speaker=OuterRef("pk"))))


@reversion.register(follow=["aliases", "affiliations"])
class Person(models.Model):
    name = models.CharField(max_length=200, help_text="The name readers know, as the site displays it.")
    slug = models.SlugField(max_length=200, unique=True, help_text="Used in the person's web address.")
    honorific = models.CharField(
        max_length=100, blank=True, help_text="Title used before the name, such as “Dr” or “Samdech”."
    )
    description = models.CharField(
        max_length=250, blank=True, help_text="One line that says who they are: “Prime Minister of Cambodia”."
    )
    biography = models.TextField(blank=True)
    photo = models.ImageField(
        upload_to=UnguessableName("people/%Y/"), blank=True, validators=[validate_image]
    )
    photo_alt = models.CharField("photo description", max_length=250, blank=True)
    nationality = models.CharField(max_length=100, blank=True)
    needs_review = models.BooleanField(
        default=False,
        help_text="Created by an import from a speaker the newsroom did not know yet; an editor should "
        "check it. Until then it has no public page (their quotes show their name only).",
    )
    is_journalist = models.BooleanField(
        "journalist",
        default=False,
        db_default=False,
        help_text="Writes for the newsroom: offered first when choosing a byline.",
    )
    account = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="journalist",
        help_text="The staff account of a journalist, so their byline is offered on what they write.",
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    objects = SlugManager.from_queryset(PersonQuerySet)()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "people"
        indexes = [
            models.Index(fields=["needs_review"], name="people_person_review_idx"),
            models.Index(fields=["name", "id"], name="people_person_name_idx"),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        photo_changed = self._image_changed("photo")
        super().save(*args, **kwargs)
        if photo_changed and self.photo:
            make_renditions(self.photo)

    def get_absolute_url(self):
        return reverse("people:person-detail", kwargs={"slug": self.slug})

    def natural_key(self):
        return (self.slug,)

    def _image_changed(self, field):
        file = getattr(self, field)
        return bool(file) and not getattr(file, "_committed", True)


class AliasManager(models.Manager):
    def get_by_natural_key(self, name):
        return self.get(name__iexact=name)


@reversion.register()
class Alias(models.Model):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(
        max_length=200, help_text="Another way the person is written: “Samdech Hun Sen”, “Rainsy”."
    )

    objects = AliasManager()

    class Meta:
        verbose_name_plural = "aliases"
        ordering = ["name"]
        constraints = [models.UniqueConstraint(Lower("name"), name="people_alias_unique_name")]

    def __str__(self):
        return self.name

    def natural_key(self):
        return (self.name,)

    def clean(self):
        if not self.name:
            return
        taken = (
            Alias.objects.filter(name__iexact=self.name).exclude(pk=self.pk).select_related("person").first()
        )
        if taken and taken.person_id != self.person_id:
            raise ValidationError({"name": f"“{self.name}” is already an alias of {taken.person}."})
        other = Person.objects.filter(name__iexact=self.name).exclude(pk=self.person_id).first()
        if other:
            raise ValidationError({"name": f"“{self.name}” is the name of another person, {other}."})


class AffiliationManager(models.Manager):
    def get_by_natural_key(self, person, organization, role):
        return self.get(person__slug=person, organization__slug=organization, role=role)


@reversion.register()
class Affiliation(models.Model):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="affiliations")
    # An organization with members is not deleted from under them (its roles are the people's record).
    organization = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="affiliations")
    role = models.CharField(max_length=200, help_text="“Leader”, “Prime Minister”, “Spokesman”.")
    start_date = models.DateField(null=True, blank=True, help_text="Leave empty if unknown.")
    end_date = models.DateField(null=True, blank=True, help_text="Leave empty while the role is held.")

    objects = AffiliationManager()

    class Meta:
        ordering = ["person", "-start_date"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(end_date__gte=models.F("start_date")),
                name="people_affiliation_ends_after_start",
            ),
            models.UniqueConstraint(
                fields=["person", "organization", "role"], name="people_affiliation_unique_role"
            ),
        ]
        indexes = [models.Index(fields=["organization", "start_date"], name="people_aff_org_start_idx")]

    def __str__(self):
        return f"{self.person}: {self.role}, {self.organization}"

    def natural_key(self):
        return (self.person.slug, self.organization.slug, self.role)

    natural_key.dependencies = ["people.person", "people.organization"]

    def clean(self):
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": "A role cannot end before it starts."})


class PersonSearch(SearchRow):
    """SQLite's full-text index of people's names and aliases (see people.search)."""

    person = models.OneToOneField(
        Person, primary_key=True, db_column="rowid", on_delete=models.DO_NOTHING, related_name="search_row"
    )
    match = MatchField(db_column="people_person_search")

    class Meta:
        managed = False
        db_table = "people_person_search"


class OrganizationSearch(SearchRow):
    """SQLite's full-text index of organizations' names and short names."""

    organization = models.OneToOneField(
        Organization,
        primary_key=True,
        db_column="rowid",
        on_delete=models.DO_NOTHING,
        related_name="search_row",
    )
    match = MatchField(db_column="people_organization_search")

    class Meta:
        managed = False
        db_table = "people_organization_search"


class FormerSlug(models.Model):
    """An address a person or organization had before a merge; it redirects to the one kept."""

    slug = models.SlugField(max_length=200)
    person = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.CASCADE, related_name="former_slugs"
    )
    organization = models.ForeignKey(
        Organization, null=True, blank=True, on_delete=models.CASCADE, related_name="former_slugs"
    )

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(person__isnull=False, organization__isnull=True)
                | Q(person__isnull=True, organization__isnull=False),
                name="people_former_slug_of_one",
            ),
            models.UniqueConstraint(
                fields=["slug"], condition=Q(person__isnull=False), name="people_former_person_slug_unique"
            ),
            models.UniqueConstraint(
                fields=["slug"], condition=Q(organization__isnull=False), name="people_former_org_slug_unique"
            ),
        ]

    def __str__(self):
        return f"{self.slug} → {self.person or self.organization}"
