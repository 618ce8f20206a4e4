"""Merging records that are one person (or one organization): everything pointing at the others moves
to the one kept, the others' names stay findable, and their addresses redirect.

The people app does not know what points at a person (quotes, mentions and bylines are the articles
app's): the model's own relations say, so every link moves, whatever app it lives in.
"""

from django.db import models, transaction

from newsroom.cache import pages_changed
from people.models import Alias, FormerSlug


def _unique_partners(model, field_name):
    """For each unique constraint over `field_name`, the other fields that make a row unique with it."""
    groups = []
    for constraint in model._meta.constraints:
        if (
            isinstance(constraint, models.UniqueConstraint)
            and constraint.fields
            and field_name in constraint.fields
        ):
            groups.append([f for f in constraint.fields if f != field_name])
    for together in model._meta.unique_together:
        if field_name in together:
            groups.append([f for f in together if f != field_name])
    return groups


def _move_links(kept, other):
    """Point every row that refers to `other` at `kept`, dropping rows `kept` already has the like of."""
    for relation in other._meta.related_objects:
        if relation.one_to_one or not relation.field.concrete:
            continue
        model, name = relation.related_model, relation.field.name
        rows = model._base_manager.filter(**{name: other})
        for partners in _unique_partners(model, name):
            if partners:
                taken = model._base_manager.filter(**{name: kept}).values_list(*partners)
                for values in taken:
                    rows.filter(**dict(zip(partners, values, strict=True))).delete()
        rows.update(**{name: kept})


@transaction.atomic
def merge_people(kept, others):
    """Merge `others` into `kept`; returns the number merged."""
    others = [other for other in others if other.pk != kept.pk]
    for other in others:
        _move_links(kept, other)
        if kept.account_id is None and other.account_id is not None:
            kept.account_id, other.account_id = other.account_id, None
            other.save(update_fields=["account"])
        known = {kept.name.casefold(), *(a.casefold() for a in kept.aliases.values_list("name", flat=True))}
        FormerSlug.objects.create(slug=other.slug, person=kept)
        other.delete()
        if other.name.casefold() not in known:
            Alias.objects.create(person=kept, name=other.name)
    kept.needs_review = False  # an editor has just looked at who this is
    kept.is_journalist = kept.is_journalist or any(other.is_journalist for other in others)
    kept.save()
    pages_changed()
    return len(others)


@transaction.atomic
def merge_organizations(kept, others):
    others = [other for other in others if other.pk != kept.pk]
    for other in others:
        _move_links(kept, other)
        if not kept.short_name and other.short_name:
            kept.short_name = other.short_name
        FormerSlug.objects.create(slug=other.slug, organization=kept)
        other.delete()
    kept.needs_review = False
    kept.save()
    pages_changed()
    return len(others)


def former_person(slug):
    """The person a merged address now belongs to, or None."""
    found = FormerSlug.objects.filter(slug=slug, person__isnull=False).select_related("person").first()
    return found.person if found else None


def former_organization(slug):
    found = (
        FormerSlug.objects.filter(slug=slug, organization__isnull=False)
        .select_related("organization")
        .first()
    )
    return found.organization if found else None
