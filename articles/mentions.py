"""What an article names: the people and organizations in it and its bylines, each link carrying the
article's public_at so a person's or organization's articles are read from one index; and who of
them readers may see."""

import reversion
from django.db import models

from newsroom.querysets import PublicationQuerySet
from people.models import Organization, Person


class Mention(models.Model):
    """A link from an article to someone or something it names, with the article's public_at."""

    public_at = models.DateTimeField(
        null=True, editable=False, help_text="A copy of the article's public_at."
    )

    objects = PublicationQuerySet.as_manager()

    class Meta:
        abstract = True

    def __str__(self):
        return f"{self.named} in “{self.article}”"

    def save(self, *args, **kwargs):
        self.public_at = self.article.public_at
        super().save(*args, **kwargs)
        self.article.touch()


class PersonMention(Mention):
    article = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, related_name="person_mentions", db_index=False
    )
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="mentions", db_index=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["article", "person"], name="articles_person_mention_unique")
        ]
        indexes = [
            models.Index(fields=["person", "-public_at", "-article"], name="articles_person_mention_idx")
        ]

    @property
    def named(self):
        return self.person


@reversion.register()
class Byline(Mention):
    article = models.ForeignKey("articles.Article", on_delete=models.CASCADE, related_name="bylines")
    author = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="bylines", db_index=False)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["article", "author"], name="articles_byline_unique_author"),
        ]
        indexes = [
            models.Index(fields=["author", "-public_at", "-article"], name="articles_byline_author_idx")
        ]

    def __str__(self):
        return str(self.author)

    @property
    def named(self):
        return self.author


class OrganizationMention(Mention):
    article = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, related_name="organization_mentions", db_index=False
    )
    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="mentions", db_index=False
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["article", "organization"], name="articles_org_mention_unique")
        ]
        indexes = [
            models.Index(fields=["organization", "-public_at", "-article"], name="articles_org_mention_idx")
        ]

    @property
    def named(self):
        return self.organization


def public_people():
    """People readers may see: reviewed by an editor, and mentioned in a published article (everyone
    quoted is) or writing one. Someone an import created is credited by name until reviewed."""
    reviewed = Person.objects.filter(needs_review=False)
    return reviewed.appearing_in(PersonMention.objects.published(), Byline.objects.published())


def public_organizations():
    """Organizations readers may see: reviewed by an editor, and named in a published article (every
    organization quoted is). One an import created is credited by name until reviewed."""
    reviewed = Organization.objects.filter(needs_review=False)
    return reviewed.appearing_in(OrganizationMention.objects.published())
