import django_filters
from django.urls import reverse_lazy

from articles.models import Article, Quote, public_organizations, public_people
from articles.search import ARTICLES, QUOTES
from newsroom.filters import DateRange, FilterForm, SearchFilter, SlugOrNameFilter, choice_by_slug
from newsroom.search import words

# Searches rank the best matches among this many of the newest articles or quotes with the words.
SEARCHED = 1000


class MentionFilter(SlugOrNameFilter):
    """Articles that mention the person or organization, newest first, read from the index of their
    mentions; a date range chosen beside it is read from the same index (see ArticleDateRange)."""

    def __init__(self, *, mentions, **kwargs):
        self.mentions = mentions
        super().__init__(**kwargs)

    def filter(self, queryset, value):
        if not value:
            return queryset
        # In one filter() call, so the conditions meet in one join of the mentions.
        conditions = {f"{self.mentions}__{name}": v for name, v in self._conditions(value).items()}
        return queryset.filter(**conditions).order_by(
            f"-{self.mentions}__public_at", f"-{self.mentions}__article_id"
        )

    def links(self, value):
        """The chosen one's published links, one for each article the filter keeps: the same
        published rule, on the links' copy of public_at, read from their index alone."""
        model = Article._meta.get_field(self.mentions).related_model
        return model.objects.published().filter(**self._conditions(value))

    def _conditions(self, value):
        """On the mention links: who, and the date range chosen beside it."""
        conditions = {self.field_name.removeprefix(f"{self.mentions}__"): value}
        dates = self.parent.form.cleaned_data.get("date")
        if dates and dates.start:
            conditions["public_at__gte"] = dates.start
        if dates and dates.stop:
            conditions["public_at__lte"] = dates.stop
        return conditions


class ArticleDateRange(DateRange):
    """Publication dates, on the article itself unless a person or organization is chosen."""

    def filter(self, queryset, value):
        cleaned = self.parent.form.cleaned_data
        if cleaned.get("person") or cleaned.get("organization"):
            return queryset
        return super().filter(queryset, value)


class MembersFilter(SlugOrNameFilter):
    """Quotes by the organization, its unnamed sources and its members (QuoteQuerySet.from_organization)."""

    def filter(self, queryset, value):
        return queryset.from_organization(value) if value else queryset


def person_choice(field_name, help_text, **kwargs):
    return choice_by_slug(
        lambda request: public_people(),
        field_name=field_name,
        label="Person",
        names=("name", "aliases__name"),
        suggest=reverse_lazy("people:person-suggestions"),
        missing="No person with that name appears in published articles.",
        help_text=help_text,
        **kwargs,
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
    person = person_choice(
        "person_mentions__person",
        "Articles that mention or quote them.",
        filter_class=MentionFilter,
        mentions="person_mentions",
    )
    organization = organization_choice(
        "organization_mentions__organization",
        "Articles that mention it.",
        filter_class=MentionFilter,
        mentions="organization_mentions",
    )
    date = ArticleDateRange(field_name="public_at", label="Published", labels=["on or after", "on or before"])

    class Meta:
        model = Article
        fields = []
        form = FilterForm

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        if words(self.form.cleaned_data.get("q") or ""):
            return queryset.order_by("-relevance", "-pk")  # best matches first, whatever else is chosen
        return queryset

    @property
    def counted(self):
        """Rows as many as the filtered articles, cheaper to count: the links of the one person or
        organization chosen, when nothing else narrows the list."""
        data = self.form.cleaned_data
        chosen = [
            (f, data[name])
            for name, f in self.filters.items()
            if isinstance(f, MentionFilter) and data.get(name)
        ]
        if len(chosen) == 1 and not words(data.get("q") or ""):
            mention_filter, value = chosen[0]
            return mention_filter.links(value)
        return None


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
        "Quotes by it, and by anyone who has held a role in it, at any time.",
        filter_class=MembersFilter,
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
