import django_filters
from django.urls import reverse_lazy

from articles.models import Article, Quote, public_organizations, public_people
from articles.search import ARTICLES, QUOTES
from newsroom.filters import DateRange, FilterForm, SearchFilter, choice_by_slug

# Searches rank the best matches among this many of the newest articles or quotes with the words.
SEARCHED = 1000


def person_choice(field_name, help_text):
    return choice_by_slug(
        lambda request: public_people(),
        field_name=field_name,
        label="Person",
        names=("name", "aliases__name"),
        suggest=reverse_lazy("people:person-suggestions"),
        missing="No person with that name appears in published articles.",
        help_text=help_text,
    )


def organization_choice(field_name, help_text, **kwargs):
    return choice_by_slug(
        lambda request: public_organizations(),
        field_name=field_name,
        label="Organization",
        names=("name", "short_name"),
        suggest=reverse_lazy("people:organization-suggestions"),
        missing="No organization with that name appears in published articles.",
        help_text=help_text,
        **kwargs,
    )


def said_between():
    return DateRange(field_name="said_on", label="Said", labels=["on or after", "on or before"])


class ArticleFilter(django_filters.FilterSet):
    q = SearchFilter(
        document=ARTICLES,
        newest=SEARCHED,
        label="Words",
        help_text="Every word must appear in the headline, summary or text.",
    )
    person = person_choice("person_mentions__person", "Articles that mention or quote them.")
    organization = organization_choice("organization_mentions__organization", "Articles that mention it.")
    date = DateRange(field_name="published_at", label="Published", labels=["on or after", "on or before"])

    class Meta:
        model = Article
        fields = []
        form = FilterForm

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        if self.form.cleaned_data.get("q"):
            return queryset  # best matches first
        # Newest first, read from the chosen person's or organization's own index of mentions.
        for name, mentions in (("person", "person_mentions"), ("organization", "organization_mentions")):
            if self.form.cleaned_data.get(name):
                return queryset.order_by(f"-{mentions}__public_at", f"-{mentions}__article_id")
        return queryset


class QuoteFilter(django_filters.FilterSet):
    q = SearchFilter(
        document=QUOTES,
        newest=SEARCHED,
        label="Words",
        help_text="Every word must appear in the quote or the speaker's name.",
    )
    person = person_choice("speaker", "Quotes said by them.")
    organization = organization_choice(
        "speaker__affiliations__organization",
        "Quotes by anyone who has held a role in it, at any time.",
        distinct=True,
    )
    date = said_between()

    class Meta:
        model = Quote
        fields = []
        form = FilterForm


class QuoteDateFilter(django_filters.FilterSet):
    """The quotes on one person's page, narrowed by the date they were said."""

    date = said_between()

    class Meta:
        model = Quote
        fields = []
        form = FilterForm
