"""What the reader lists' filter forms share: their form, word search, date ranges, a choice by slug."""

import datetime as dt
from functools import reduce
from operator import or_

import django_filters
from django import forms
from django.db.models import Q
from django_filters.fields import DateRangeField
from django_filters.widgets import DateRangeWidget

MAX_SEARCH_WORDS = 12


class FilterForm(forms.Form):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class WordsFilter(django_filters.CharFilter):
    """Every word typed must appear in one of `fields` (in any of them, not all in the same one)."""

    def __init__(self, *, fields, **kwargs):
        self.fields = fields
        kwargs.setdefault("max_length", 200)
        kwargs.setdefault("widget", forms.TextInput(attrs={"type": "search"}))
        super().__init__(**kwargs)

    def filter(self, queryset, value):
        for word in value.split()[:MAX_SEARCH_WORDS]:
            queryset = queryset.filter(
                reduce(or_, (Q(**{f"{field}__icontains": word}) for field in self.fields))
            )
        return queryset.distinct() if self.distinct else queryset


class LabelledDateRangeWidget(DateRangeWidget):
    """Two date inputs, `<name>_after` and `<name>_before`, each with a label of its own."""

    template_name = "newsroom/widgets/date_range.html"

    def __init__(self, labels, attrs=None):
        super().__init__(attrs)
        self.labels = labels
        for widget in self.widgets:
            widget.input_type = "date"
            widget.format = "%Y-%m-%d"

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        for subwidget, label in zip(context["widget"]["subwidgets"], self.labels, strict=True):
            subwidget["label"] = label
        return context


class LocalDateRangeField(DateRangeField):
    """From the start of the first day to the end of the last, in the newsroom's time zone.

    A bound at the very edge of the calendar (1 January of year 1, 31 December 9999) is no bound at
    all: converting it to UTC would fall off the calendar.
    """

    def compress(self, data_list):
        if not data_list:
            return None
        start, stop = data_list
        return super().compress(
            [start if start != dt.date.min else None, stop if stop != dt.date.max else None]
        )


class DateRange(django_filters.DateFromToRangeFilter):
    """A date range whose two inputs are `date_after` and `date_before` in the address."""

    field_class = LocalDateRangeField

    def __init__(self, *, labels, **kwargs):
        kwargs.setdefault("widget", LabelledDateRangeWidget(labels))
        super().__init__(**kwargs)


def choice_by_slug(queryset, *, label, empty_label, missing, **kwargs):
    """A person or an organization, chosen by the slug in their page's address."""
    return django_filters.ModelChoiceFilter(
        label=label,
        queryset=queryset,
        to_field_name="slug",
        empty_label=empty_label,
        error_messages={"invalid_choice": missing},
        **kwargs,
    )
