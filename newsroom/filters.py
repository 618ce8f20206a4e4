"""What the reader lists' filter forms share: their form, word search, date ranges, a choice by slug."""

import datetime as dt

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django_filters.fields import DateRangeField
from django_filters.widgets import DateRangeWidget

from newsroom.search import search, words


class FilterForm(forms.Form):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class SearchFilter(django_filters.CharFilter):
    """Every word typed, found through a full-text index (see newsroom.search); best matches first.

    With `prefix`, the last word may be unfinished: "Sam Rai" finds Sam Rainsy, as one types a name.
    With `ranked` off, the list keeps its own order (a directory stays alphabetical); with `newest`,
    the best matches among the newest that many (see newsroom.search.search).
    """

    def __init__(self, *, document, prefix=False, ranked=True, newest=None, **kwargs):
        self.document = document
        self.prefix = prefix
        self.ranked = ranked
        self.newest = newest
        kwargs.setdefault("max_length", 200)
        kwargs.setdefault("widget", forms.TextInput(attrs={"type": "search"}))
        super().__init__(**kwargs)

    def filter(self, queryset, value):
        if not words(value or ""):
            return queryset
        found = search(queryset, self.document, value, prefix=self.prefix, newest=self.newest)
        return found.order_by("-relevance", "-pk") if self.ranked else found


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
        start, stop = (start if start != dt.date.min else None, stop if stop != dt.date.max else None)
        if start is None and stop is None:
            return None  # no range at all, rather than one with neither bound
        return super().compress([start, stop])


class DateRange(django_filters.DateFromToRangeFilter):
    """A date range whose two inputs are `date_after` and `date_before` in the address."""

    field_class = LocalDateRangeField

    def __init__(self, *, labels, **kwargs):
        kwargs.setdefault("widget", LabelledDateRangeWidget(labels))
        super().__init__(**kwargs)


class SuggestInput(forms.TextInput):
    """A text box whose suggestions (a <datalist>) static/js/suggest.js fills as the reader types."""

    template_name = "newsroom/widgets/suggest.html"

    def __init__(self, url, attrs=None):
        super().__init__({"autocomplete": "off", "spellcheck": "false", **(attrs or {})})
        self.url = url

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        list_id = f"{context['widget']['attrs'].get('id', name)}-suggestions"
        context["widget"]["attrs"].update({"list": list_id, "data-suggest": str(self.url)})
        context["widget"]["list_id"] = list_id
        return context


class SlugOrNameField(forms.ModelChoiceField):
    """One person or organization, by the slug of their page (as the suggestions give it) or by a
    name typed in full, so the field works without script too."""

    def __init__(self, queryset, *, names, **kwargs):
        self.names = names
        super().__init__(queryset, **kwargs)

    def to_python(self, value):
        value = " ".join(str(value or "").split())
        if not value:
            return None
        if "\x00" in value:
            raise ValidationError("Null characters are not allowed.", code="null_characters_not_allowed")
        if len(value) > 200:
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        for condition in (Q(slug=value), *(Q(**{f"{name}__iexact": value}) for name in self.names)):
            found = list(self.queryset.filter(condition).distinct()[:2])
            if len(found) == 1:
                return found[0]
            if found:
                raise ValidationError(
                    "More than one is called “%(value)s”: choose one from the suggestions.",
                    code="ambiguous",
                    params={"value": value},
                )
        raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")

    def prepare_value(self, value):
        return value.slug if hasattr(value, "slug") else value


class SlugOrNameFilter(django_filters.ModelChoiceFilter):
    field_class = SlugOrNameField


def choice_by_slug(queryset, *, label, missing, suggest, names, filter_class=SlugOrNameFilter, **kwargs):
    """A person or an organization, chosen by the slug in their page's address, with suggestions."""
    return filter_class(
        label=label,
        queryset=queryset,
        names=names,
        widget=SuggestInput(suggest),
        error_messages={"invalid_choice": missing},
        **kwargs,
    )
