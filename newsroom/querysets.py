"""Queryset pieces both apps use."""

from django.db import models
from django.db.models import IntegerField, Subquery
from django.utils import timezone

# Counts beside each row of a list stop here ("1,000+"): counting further would cost a row of the
# list as much as the whole archive of its busiest person.
COUNT_CAP = 1000


class CappedCount(Subquery):
    """A correlated COUNT that stops past COUNT_CAP rows: one query for a whole list, each row bounded."""

    template = "(SELECT COUNT(*) FROM (%(subquery)s) capped)"
    output_field = IntegerField()

    def __init__(self, queryset, cap=None):
        super().__init__(queryset.order_by().values("pk")[: (cap or COUNT_CAP) + 1])


def count_of(queryset):
    return CappedCount(queryset)


class PublicationQuerySet(models.QuerySet):
    """Rows that carry `public_at`: the moment their article is public from, NULL while it is a draft.

    An article's public_at is its publication time once it is published (a future time schedules
    it); its quotes and mention links carry a copy, so each can be listed from its own index.
    """

    def published(self):
        return self.filter(public_at__lte=timezone.now())

    def scheduled(self):
        return self.filter(public_at__gt=timezone.now())
