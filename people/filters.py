import django_filters
from django import forms
from django.db.models import Exists, OuterRef, Q

from articles.filters import FilterForm, search_words
from people.models import Alias, Organization, Person


def name_filter(help_text):
    return django_filters.CharFilter(
        label="Name",
        method="filter_name",
        max_length=200,
        help_text=help_text,
        widget=forms.TextInput(attrs={"type": "search"}),
    )


class PersonFilter(django_filters.FilterSet):
    q = name_filter("Part of a name or another name they are known by.")

    class Meta:
        model = Person
        fields = []
        form = FilterForm

    def filter_name(self, queryset, name, value):
        for word in search_words(value):
            aliases = Alias.objects.filter(person=OuterRef("pk"), name__icontains=word)
            queryset = queryset.filter(Q(name__icontains=word) | Exists(aliases))
        return queryset


class OrganizationFilter(django_filters.FilterSet):
    q = name_filter("Part of the name or its short form, such as “CNRP”.")

    class Meta:
        model = Organization
        fields = []
        form = FilterForm

    def filter_name(self, queryset, name, value):
        for word in search_words(value):
            queryset = queryset.filter(Q(name__icontains=word) | Q(short_name__icontains=word))
        return queryset
