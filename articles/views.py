import datetime as dt
from dataclasses import dataclass
from functools import cached_property

from django.conf import settings
from django.db.models import Count, Prefetch, Q, prefetch_related_objects
from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.views.generic import DetailView, MonthArchiveView, YearArchiveView
from django_filters.views import FilterView

from articles.filters import ArticleFilter, QuoteFilter
from articles.models import Article, PersonMention, Quote
from articles.search import ARTICLES, QUOTES
from newsroom.images import rendition_url
from newsroom.pagination import PagedListMixin
from newsroom.search import highlight, highlightable, words
from newsroom.templatetags.site import web_url
from people.models import Person
from people.templatetags.speakers import roles_of

# Related articles: the newest this many mentions of each of the article's first few people are the
# candidates, of which those sharing the most people with it are shown, newest first.
RELATED_PEOPLE = 4
RELATED_CANDIDATES = 50
RELATED_SHOWN = 5
# Where a quote's quotation marks are in the copy: the marks open and close it, with its last
# punctuation ("…personally,” he said") inside them.
OPENING_MARKS = "\"“‘«'"
CLOSING_MARKS = "\"”’»'"
INNER_PUNCTUATION = ",.;:!?…"


class SearchResultsMixin:
    """With words searched for, a page's rows carry their matched words marked (`*_highlighted`)."""

    document = None
    highlighted = ()  # (field, as a passage around the match)

    @cached_property
    def searched(self):
        """The words searched for, if the filters are valid and there are any."""
        typed = self.filterset.form.cleaned_data.get("q") if self.filterset.is_valid() else ""
        return typed if words(typed or "") else ""

    def get_context_data(self, **kwargs):
        return super().get_context_data(searched=self.searched, **kwargs)

    def keyed(self, queryset):
        # A search ranks at most SEARCHED matches: their keys, read once, count and page them.
        return highlightable(queryset, self.get_queryset()) if self.searched else None

    def page_rows(self, queryset):
        typed = self.searched
        if not typed:
            return queryset
        for field_name, snippet in self.highlighted:
            queryset = highlight(queryset, self.document, typed, field_name, snippet=snippet)
        return queryset


class ArticleListView(SearchResultsMixin, PagedListMixin, FilterView):
    filterset_class = ArticleFilter
    template_name = "articles/article_list.html"
    document = ARTICLES
    # The headline stays as written: it is the article's name, the link to it, and what a reader looks for.
    highlighted = [("standfirst", False), ("body", True)]

    def get_queryset(self):
        return Article.objects.for_listing()

    def counted_rows(self):
        return self.filterset.counted if self.filterset.is_valid() else None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # The years between the first article and the last, read from the two ends of an index.
        published = Article.objects.published().values_list("public_at", flat=True)
        first, last = published.order_by("public_at").first(), published.order_by("-public_at").first()
        if first:
            context["years"] = range(timezone.localtime(last).year, timezone.localtime(first).year - 1, -1)
        return context


class ArticleArchiveMixin(PagedListMixin):
    # public_at is the publication time of a published article: one index serves the period, the
    # published filter and the order.
    date_field = "public_at"
    uses_datetime_field = True
    ordering = ["-public_at", "-pk"]

    def get_queryset(self):
        # Also finds the previous and next periods, which need no bylines.
        return Article.objects.published().order_by(*self.ordering)

    def get_dated_queryset(self, **lookup):
        return super().get_dated_queryset(**lookup).with_bylines()

    def get_date_list(self, queryset, date_type=None, ordering="ASC"):
        """The year's months up to now, not a count of the archive; an empty period is not found."""
        if not self.get_allow_empty() and not queryset.exists():
            raise Http404("No articles were published then.")
        return self.periods(queryset)

    def periods(self, queryset):
        return []


class ArticleYearArchiveView(ArticleArchiveMixin, YearArchiveView):
    make_object_list = True
    template_name = "articles/article_archive_year.html"

    def periods(self, queryset):
        year, now = int(self.get_year()), timezone.localdate()
        return [dt.date(year, month, 1) for month in range(1, 13) if dt.date(year, month, 1) <= now]


class ArticleMonthArchiveView(ArticleArchiveMixin, MonthArchiveView):
    month_format = "%m"
    template_name = "articles/article_archive_month.html"


@dataclass(frozen=True)
class Said:
    """A quote where the story has it: its words as printed, and whether its quotation marks were
    found around them (and are left to the <q> element to draw)."""

    quote: Quote
    words: str
    marked: bool


def find_quotes(paragraphs, quotes):
    """Each paragraph as a list of pieces, text or Said, with the quotes found in it; and the quotes
    found nowhere (added by hand, or edited since), which the page lists after the story."""
    spans = [[] for _ in paragraphs]
    missing = []
    for quote in quotes:
        place = find_one(paragraphs, spans, quote)
        if place is None:
            missing.append(quote)
        else:
            spans[place[0]].append(place[1:])
    story = []
    for paragraph, found in zip(paragraphs, spans, strict=True):
        pieces, at = [], 0
        for start, end, said in sorted(found, key=lambda span: span[0]):
            pieces += [paragraph[at:start], said] if start > at else [said]
            at = end
        if at < len(paragraph):
            pieces.append(paragraph[at:])
        story.append(pieces)
    return story, missing


def find_one(paragraphs, spans, quote):
    """(paragraph, start, end, Said) of the first place the quote's words are, clear of other quotes."""
    text = quote.text.strip()
    if not text:
        return None
    for number, paragraph in enumerate(paragraphs):
        start = paragraph.find(text)
        while start != -1:
            end = start + len(text)
            if not any(
                start < taken_end and taken_start < end for taken_start, taken_end, _ in spans[number]
            ):
                return (number, *marked(paragraph, start, end, quote))
            start = paragraph.find(text, start + 1)
    return None


def marked(paragraph, start, end, quote):
    """Widen the span to the quotation marks around the words, when they are there."""
    close = end
    while close < len(paragraph) and paragraph[close] in INNER_PUNCTUATION:
        close += 1
    if paragraph.startswith("[,]", close):
        close += 3
    opens = start > 0 and paragraph[start - 1] in OPENING_MARKS
    if opens and close < len(paragraph) and paragraph[close] in CLOSING_MARKS:
        return start - 1, close + 1, Said(quote, paragraph[start:close], marked=True)
    return start, end, Said(quote, paragraph[start:end], marked=False)


def related_articles(article, people):
    """The published articles sharing the most of the article's people, newest first among equals.

    The candidates are the newest RELATED_CANDIDATES mentions of each of its first RELATED_PEOPLE
    people, read from the mention index (person, -public_at, -article); a famous person's archive
    is never read further than that. One query.
    """
    chosen = [person.pk for person in people[:RELATED_PEOPLE]]
    if not chosen:
        return []
    mentions = PersonMention.objects.published().exclude(article=article)
    parts = [
        mentions.filter(
            pk__in=mentions.filter(person_id=pk)
            .order_by("-public_at", "-article_id")
            .values("pk")[:RELATED_CANDIDATES]
        ).values("article_id")
        for pk in chosen
    ]
    candidates = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
    return list(
        Article.objects.published()
        .filter(pk__in=candidates)
        .annotate(shared=Count("person_mentions", filter=Q(person_mentions__person__in=chosen)))
        .order_by("-shared", "-public_at", "-pk")
        .only("headline", "slug", "published_at", "public_at", "lead_image", "lead_image_alt")[:RELATED_SHOWN]
    )


def people_in_order(article, quotes):
    """Those it quotes first, in the order they speak, then the others it mentions."""
    first_said = {}
    for quote in quotes:
        if quote.speaker_id:
            first_said.setdefault(quote.speaker_id, len(first_said))
    return sorted(
        article.people.all(), key=lambda person: (first_said.get(person.pk, len(first_said)), person.name)
    )


class ArticleDetailView(DetailView):
    """A published article; staff who may view articles also see drafts and scheduled ones, marked as such."""

    template_name = "articles/article_detail.html"

    def get_queryset(self):
        can_preview = self.request.user.has_perm("articles.view_article")
        articles = Article.objects.all() if can_preview else Article.objects.published()
        return articles.with_bylines().prefetch_related(
            Prefetch(
                "quotes",
                queryset=Quote.objects.select_related("speaker", "organization").order_by("position", "pk"),
            ),
            Prefetch("people", queryset=Person.objects.prefetch_related(roles_of("affiliations"))),
            "organizations",
        )

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        if self.object.get_absolute_url() != request.path:
            # The slug is unique; a wrong or outdated date in the address is not a different article.
            return redirect(self.object, permanent=self.object.is_public)
        response = self.render_to_response(self.get_context_data(object=self.object))
        if not self.object.is_public:
            add_never_cache_headers(response)
            response["X-Robots-Tag"] = "noindex"
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        article = self.object
        quotes = self.with_speakers_roles(article, list(article.quotes.all()))
        paragraphs = article.paragraphs()
        story, elsewhere = find_quotes(paragraphs, quotes)
        featured = next((quote for quote in quotes if quote.featured), None)
        people = people_in_order(article, quotes)
        image_url = self.absolute(rendition_url(article.lead_image, "large")) if article.lead_image else ""
        context.update(
            story=story,
            # A pull quote goes in after the opening paragraphs, as in print, not above the story.
            pull_quote_after=min(2 if len(paragraphs) > 3 else 1, len(paragraphs)),
            featured_quote=featured,
            quotes_elsewhere=elsewhere,
            people=people,
            related=related_articles(article, people) if article.is_public else [],
            updated=self.updated(article),
            published_on=timezone.localdate(article.published_at) if article.published_at else None,
            # Where the quoted words were first published: the original, else this page.
            cite=web_url(article.source_url) or self.absolute(article.get_absolute_url()),
            absolute_url=self.absolute(article.get_absolute_url()),
            image_url=image_url,
            json_ld=self.json_ld(article, image_url),
        )
        return context

    @staticmethod
    def with_speakers_roles(article, quotes):
        """The quotes' speakers as the people of the article, whose roles were read with them."""
        people = {person.pk: person for person in article.people.all()}
        strangers = [quote.speaker for quote in quotes if quote.speaker_id and quote.speaker_id not in people]
        if strangers:  # everyone quoted is mentioned, so this reads nothing, unless the links are off
            prefetch_related_objects(strangers, roles_of("affiliations"))
        for quote in quotes:
            if quote.speaker_id:
                quote.speaker = people.get(quote.speaker_id, quote.speaker)
        return quotes

    @staticmethod
    def updated(article):
        """The update time when it says something the publication time does not (to the minute shown)."""
        if not article.updated_at or not article.published_at:
            return None
        shown = timezone.localtime(article.updated_at).replace(second=0, microsecond=0)
        if shown <= timezone.localtime(article.published_at).replace(second=0, microsecond=0):
            return None
        return article.updated_at

    def absolute(self, location):
        return self.request.build_absolute_uri(location)

    def author(self, person):
        author = {"@type": "Person", "name": person.name}
        if not person.needs_review:  # one an import created has no page until reviewed
            author["url"] = self.absolute(person.get_absolute_url())
        return author

    def json_ld(self, article, image_url):
        publisher = article.source_outlet.name if article.source_outlet else settings.SITE_NAME
        data = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": article.headline,
            "description": article.standfirst,
            "mainEntityOfPage": self.absolute(article.get_absolute_url()),
            "author": [self.author(byline.author) for byline in article.bylines.all()],
            "publisher": {"@type": "Organization", "name": publisher},
        }
        if article.is_public:  # a preview is not published yet, whatever time its form holds
            data["datePublished"] = timezone.localtime(article.published_at).isoformat()
            data["dateModified"] = timezone.localtime(article.updated_at or article.published_at).isoformat()
        if image_url:
            data["image"] = [image_url]
        return data


class QuoteListView(SearchResultsMixin, PagedListMixin, FilterView):
    filterset_class = QuoteFilter
    template_name = "articles/quote_list.html"
    document = QUOTES
    highlighted = [("text", False)]

    def get_queryset(self):
        return Quote.objects.for_listing().prefetch_related(roles_of())
