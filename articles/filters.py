import django_filters

from articles.models import Article, Quote
from newsroom.filters import DateRange, FilterForm, WordsFilter, choice_by_slug

NOBODY = "No person with that name appears in published articles."
NOWHERE = "No organization with that name appears in published articles."


def public_people(request):
    return Article.objects.published().people_appearing()


def public_organizations(request):
    return Article.objects.published().organizations_appearing()


def said_between():
    return DateRange(field_name="said_on", label="Said", labels=["on or after", "on or before"])


class ArticleFilter(django_filters.FilterSet):
    q = WordsFilter(
        fields=["headline", "standfirst", "body"],
        label="Words",
        help_text="Every word must appear in the headline, summary or text.",
    )
    person = choice_by_slug(
        public_people,
        field_name="person_mentions__person",
        label="Person",
        empty_label="Anyone",
        missing=NOBODY,
        help_text="Articles that mention or quote them.",
    )
    organization = choice_by_slug(
        public_organizations,
        field_name="organization_mentions__organization",
        label="Organization",
        empty_label="Any organization",
        missing=NOWHERE,
        help_text="Articles that mention it.",
    )
    date = DateRange(field_name="published_at", label="Published", labels=["on or after", "on or before"])

    class Meta:
        model = Article
        fields = []
        form = FilterForm

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        # Newest first, read from the chosen person's or organization's own index of mentions.
        for name, mentions in (("person", "person_mentions"), ("organization", "organization_mentions")):
            if self.form.cleaned_data.get(name):
                return queryset.order_by(f"-{mentions}__public_at", f"-{mentions}__article_id")
        return queryset


class QuoteFilter(django_filters.FilterSet):
    q = WordsFilter(
        fields=["text", "speaker__name"],
        label="Words",
        help_text="Every word must appear in the quote or the speaker's name.",
    )
    person = choice_by_slug(
        public_people,
        field_name="speaker",
        label="Person",
        empty_label="Anyone",
        missing=NOBODY,
        help_text="Quotes said by them.",
    )
    organization = choice_by_slug(
        public_organizations,
        field_name="speaker__affiliations__organization",
        distinct=True,
        label="Organization",
        empty_label="Any organization",
        missing=NOWHERE,
        help_text="Quotes by anyone who has held a role in it, at any time.",
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
