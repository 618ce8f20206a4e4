import django_filters

from newsroom.filters import FilterForm, SearchFilter
from people.models import Organization, Person
from people.search import ORGANIZATIONS, PEOPLE


class PersonFilter(django_filters.FilterSet):
    q = SearchFilter(
        document=PEOPLE,
        prefix=True,
        ranked=False,
        label="Name",
        help_text="Their name or another name they are known by; the start of a word is enough.",
    )

    class Meta:
        model = Person
        fields = []
        form = FilterForm


class OrganizationFilter(django_filters.FilterSet):
    q = SearchFilter(
        document=ORGANIZATIONS,
        prefix=True,
        ranked=False,
        label="Name",
        help_text="Its name or short form, such as “CNRP”; the start of a word is enough.",
    )

    class Meta:
        model = Organization
        fields = []
        form = FilterForm
