"""Curated fixtures, applied so that a second load changes nothing and editors' other edits survive.

loaddata rewrites every row it reads and resets fields the fixture leaves out; here an object is
written only when a field the fixture names differs from the database.
"""

import json
from collections import Counter, defaultdict

from django.core import serializers
from django.core.exceptions import ValidationError
from django.core.serializers.base import DeserializationError
from django.db import DatabaseError, transaction

from articles.loader.errors import LoaderError
from articles.loader.files import display_path


def sync_fixtures(paths):
    """Apply each fixture file in order; returns {model label: Counter(created=, updated=, unchanged=)}."""
    counts = defaultdict(Counter)
    for path in paths:
        shown = display_path(path)
        text = _read(path, shown)
        items = _items(text, shown)
        # Lazily: an object may refer by natural key to one saved just before it in the same file.
        objects = serializers.deserialize("json", text, handle_forward_references=False)
        for index, item in enumerate(items, 1):
            try:
                obj = next(objects)
            except DeserializationError as error:
                raise LoaderError(f"{shown}: object {index}: {_reason(error)}") from error
            label = obj.object._meta.label_lower
            try:
                with transaction.atomic():
                    counts[label][_apply(item, obj)] += 1
            except (DatabaseError, ValidationError) as error:
                raise LoaderError(
                    f"{shown}: object {index} ({label}) was refused by the database: {error}"
                ) from error
    return counts


def _read(path, shown):
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise LoaderError(f"{shown}, line {line}: not valid UTF-8") from error


def _items(text, shown):
    try:
        items = json.loads(text)
    except json.JSONDecodeError as error:
        raise LoaderError(f"{shown}, line {error.lineno}: not valid JSON ({error.msg})") from error
    if not isinstance(items, list) or not all(isinstance(i, dict) and "model" in i for i in items):
        raise LoaderError(
            f'{shown}: expected a Django fixture, a JSON list of {{"model": ..., "fields": ...}}'
        )
    return items


def _reason(error):
    text = str(error)
    return text.split(": ", 1)[-1] if "Problem installing fixture" in text else text


def _apply(item, obj):
    instance = obj.object
    model = type(instance)
    named = set(item.get("fields", {}))
    if instance.pk is None or not model._base_manager.filter(pk=instance.pk).exists():
        instance.full_clean(validate_unique=False, validate_constraints=False)
        obj.save()
        return "created"
    fields = [f for f in model._meta.concrete_fields if f.name in named]
    current = model._base_manager.filter(pk=instance.pk).values(*(f.attname for f in fields)).get()
    changed = {
        f.attname: getattr(instance, f.attname)
        for f in fields
        if current[f.attname] != getattr(instance, f.attname)
    }
    if changed:
        model._base_manager.filter(pk=instance.pk).update(**changed)
    m2m_changed = False
    for name, wanted in (obj.m2m_data or {}).items():
        manager = getattr(instance, name)
        if set(manager.values_list("pk", flat=True)) != {
            int(pk) if str(pk).isdigit() else pk for pk in wanted
        }:
            manager.set(wanted)
            m2m_changed = True
    return "updated" if changed or m2m_changed else "unchanged"
