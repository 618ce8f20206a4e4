import django_filters

from newsroom.filters import FilterForm, WordsFilter
from people.models import Organization, Person


class PersonFilter(django_filters.FilterSet):
    q = WordsFilter(
        fields=["name", "aliases__name"],
        distinct=True,
        label="Name",
        help_text="Part of a name or another name they are known by.",
    )

    class Meta:
        model = Person
        fields = []
        form = FilterForm


class OrganizationFilter(django_filters.FilterSet):
    q = WordsFilter(
        fields=["name", "short_name"],
        label="Name",
        help_text="Part of the name or its short form, such as “CNRP”.",
    )

    class Meta:
        model = Organization
        fields = []
        form = FilterForm
