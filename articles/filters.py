import datetime as dt

import django_filters
from django import forms
from django.db.models import Q
from django.utils import timezone

from articles.models import Article, Quote
from people.models import Organization, Person

MAX_SEARCH_WORDS = 12
DATE_INPUT = forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})


class FilterForm(forms.Form):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


def local_midnight(day):
    """Start of a day in the newsroom's time zone, so dates match what readers see on the page."""
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def search_words(value):
    return value.split()[:MAX_SEARCH_WORDS]


def person_filter(help_text):
    return django_filters.ModelChoiceFilter(
        label="Person",
        queryset=Person.objects.in_published(),
        to_field_name="slug",
        empty_label="Anyone",
        method="filter_person",
        help_text=help_text,
        error_messages={"invalid_choice": "No person with that name appears in published articles."},
    )


def organization_filter(help_text):
    return django_filters.ModelChoiceFilter(
        label="Organization",
        queryset=Organization.objects.in_published(),
        to_field_name="slug",
        empty_label="Any organization",
        method="filter_organization",
        help_text=help_text,
        error_messages={"invalid_choice": "No organization with that name appears in published articles."},
    )


def words_filter(label, help_text):
    return django_filters.CharFilter(
        label=label,
        method="filter_words",
        max_length=200,
        help_text=help_text,
        widget=forms.TextInput(attrs={"type": "search"}),
    )


class ArticleFilter(django_filters.FilterSet):
    q = words_filter("Words", "Every word must appear in the headline, summary or text.")
    person = person_filter("Articles that mention or quote them.")
    organization = organization_filter("Articles that mention it.")
    date_after = django_filters.DateFilter(
        label="Published on or after", method="filter_date_after", widget=DATE_INPUT
    )
    date_before = django_filters.DateFilter(
        label="Published on or before", method="filter_date_before", widget=DATE_INPUT
    )

    class Meta:
        model = Article
        fields = []
        form = FilterForm

    def filter_words(self, queryset, name, value):
        for word in search_words(value):
            queryset = queryset.filter(
                Q(headline__icontains=word) | Q(standfirst__icontains=word) | Q(body__icontains=word)
            )
        return queryset

    def filter_person(self, queryset, name, person):
        return queryset.mentioning(person)

    def filter_organization(self, queryset, name, organization):
        return queryset.filter(organizations=organization)

    def filter_date_after(self, queryset, name, day):
        return queryset.filter(published_at__gte=local_midnight(day))

    def filter_date_before(self, queryset, name, day):
        return queryset.filter(published_at__lt=local_midnight(day + dt.timedelta(days=1)))


def said_on_filter(label, lookup_expr):
    return django_filters.DateFilter(
        label=label, field_name="said_on", lookup_expr=lookup_expr, widget=DATE_INPUT
    )


class QuoteFilter(django_filters.FilterSet):
    q = words_filter("Words", "Every word must appear in the quote or the speaker's name.")
    person = person_filter("Quotes said by them.")
    organization = organization_filter("Quotes by anyone who has held a role in it, at any time.")
    date_after = said_on_filter("Said on or after", "gte")
    date_before = said_on_filter("Said on or before", "lte")

    class Meta:
        model = Quote
        fields = []
        form = FilterForm

    def filter_words(self, queryset, name, value):
        for word in search_words(value):
            queryset = queryset.filter(Q(text__icontains=word) | Q(speaker__name__icontains=word))
        return queryset

    def filter_person(self, queryset, name, person):
        return queryset.filter(speaker=person)

    def filter_organization(self, queryset, name, organization):
        return queryset.by_members_of(organization)


class QuoteDateFilter(django_filters.FilterSet):
    """The quotes on one person's page, narrowed by the date they were said."""

    date_after = said_on_filter("Said on or after", "gte")
    date_before = said_on_filter("Said on or before", "lte")

    class Meta:
        model = Quote
        fields = []
        form = FilterForm
