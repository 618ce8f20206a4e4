"""Revisions of what a load writes: one revision a run, named for it, holding each article as written
with its quotes and bylines, so an article's history shows the load and a comparison or a restore
can use it.

Versions are written in bulk, a batch at a time, as plain rows serialized from plain values: what
Django's JSON serializer writes for each object, without building a model instance for it (reversion's
own hooks cost a query and an instance per object, more than the load's own writing).
"""

import json

from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone
from reversion.models import Revision, Version

from articles.loader.writer import insert_rows
from articles.models import Article, Byline, Quote

VERSION_COLUMNS = ("revision", "object_id", "content_type", "db", "format", "serialized_data", "object_repr")


def _serializable(model):
    return [f for f in model._meta.concrete_fields if f.serialize and not f.primary_key]


def _versions(model, rows, revision, describe):
    content_type = ContentType.objects.get_for_model(model).pk
    fields = _serializable(model)
    label = model._meta.label_lower
    for row in rows:
        data = {"model": label, "pk": row["pk"], "fields": {f.name: row[f.attname] for f in fields}}
        yield (
            revision.pk,
            str(row["pk"]),
            content_type,
            "default",
            "json",
            json.dumps([data], cls=DjangoJSONEncoder),
            describe(row),
        )


def _quote_repr(row):
    words = row["text"] if len(row["text"]) <= 80 else row["text"][:77].rstrip() + "…"
    source = row["speaker__name"] or row["organization__name"] or row["source_description"]
    return f"{source}: “{words}”"


class LoadRevision:
    def __init__(self, comment, user=None):
        self.comment = comment
        self.user = user
        self.revision = None

    def record(self, article_ids):
        if not article_ids:
            return
        if self.revision is None:
            self.revision = Revision.objects.create(
                date_created=timezone.now(), comment=self.comment, user=self.user
            )
        parts = [
            (Article, Article.objects.filter(pk__in=article_ids), (), lambda row: row["headline"]),
            (
                Quote,
                Quote.objects.filter(article_id__in=article_ids),
                ("speaker__name", "organization__name"),
                _quote_repr,
            ),
            (
                Byline,
                Byline.objects.filter(article_id__in=article_ids),
                ("author__name",),
                lambda r: r["author__name"],
            ),
        ]
        for model, rows, extra, describe in parts:
            names = ["pk", *(f.attname for f in _serializable(model)), *extra]
            insert_rows(
                Version, VERSION_COLUMNS, list(_versions(model, rows.values(*names), self.revision, describe))
            )
