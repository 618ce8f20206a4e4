"""Queryset pieces both apps use."""

from django.db import models
from django.db.models import Func, IntegerField, Subquery
from django.utils import timezone


def count_of(queryset, distinct=False):
    """A correlated COUNT subquery: one query for a whole list instead of one per row."""
    template = "%(function)s(DISTINCT %(expressions)s)" if distinct else "%(function)s(%(expressions)s)"
    count = Func("pk", function="COUNT", template=template, output_field=IntegerField())
    return Subquery(queryset.order_by().values(n=count))


class PublicationQuerySet(models.QuerySet):
    """Rows that carry `public_at`: the moment their article is public from, NULL while it is a draft.

    An article's public_at is its publication time once it is published (a future time schedules
    it); its quotes and mention links carry a copy, so each can be listed from its own index.
    """

    def published(self):
        return self.filter(public_at__lte=timezone.now())

    def scheduled(self):
        return self.filter(public_at__gt=timezone.now())
