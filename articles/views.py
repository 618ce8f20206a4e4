import datetime as dt
from functools import cached_property

from django.conf import settings
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.views.generic import DetailView, MonthArchiveView, YearArchiveView
from django_filters.views import FilterView

from articles.filters import ArticleFilter, QuoteFilter
from articles.models import Article, Quote
from articles.search import ARTICLES, QUOTES
from newsroom.images import rendition_url
from newsroom.pagination import PagedListMixin
from newsroom.search import highlight, words


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


class ArticleDetailView(DetailView):
    """A published article; staff who may view articles also see drafts and scheduled ones, marked as such."""

    template_name = "articles/article_detail.html"

    def get_queryset(self):
        can_preview = self.request.user.has_perm("articles.view_article")
        articles = Article.objects.all() if can_preview else Article.objects.published()
        return articles.with_bylines().prefetch_related(
            Prefetch("quotes", queryset=Quote.objects.select_related("speaker").order_by("position", "pk")),
            "people",
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
        quotes = list(article.quotes.all())
        image_url = self.absolute(rendition_url(article.lead_image, "large")) if article.lead_image else ""
        context.update(
            quotes=quotes,
            featured_quote=next((quote for quote in quotes if quote.featured), None),
            absolute_url=self.absolute(article.get_absolute_url()),
            image_url=image_url,
            json_ld=self.json_ld(article, image_url),
        )
        return context

    def absolute(self, location):
        return self.request.build_absolute_uri(location)

    def json_ld(self, article, image_url):
        publisher = article.source_outlet.name if article.source_outlet else settings.SITE_NAME
        data = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": article.headline,
            "description": article.standfirst,
            "datePublished": timezone.localtime(article.published_at).isoformat(),
            "dateModified": timezone.localtime(article.updated_at or article.published_at).isoformat(),
            "mainEntityOfPage": self.absolute(article.get_absolute_url()),
            "author": [
                {
                    "@type": "Person",
                    "name": byline.author.name,
                    "url": self.absolute(byline.author.get_absolute_url()),
                }
                for byline in article.bylines.all()
            ],
            "publisher": {"@type": "Organization", "name": publisher},
        }
        if image_url:
            data["image"] = [image_url]
        return data


class QuoteListView(SearchResultsMixin, PagedListMixin, FilterView):
    filterset_class = QuoteFilter
    template_name = "articles/quote_list.html"
    document = QUOTES
    highlighted = [("text", False)]

    def get_queryset(self):
        return Quote.objects.for_listing()
