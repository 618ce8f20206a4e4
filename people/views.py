from functools import cached_property

from django.db.models import Exists, F, OuterRef, Prefetch
from django.http import Http404, HttpResponsePermanentRedirect, JsonResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_safe
from django.views.generic import DetailView
from django_filters.views import FilterView

from articles.filters import QuoteDateFilter
from articles.models import Article, OrganizationMention, Quote, public_organizations, public_people
from newsroom.images import rendition_url
from newsroom.pagination import PagedListMixin
from newsroom.search import search
from people.charts import month_counts, quote_chart, quoted_in_words
from people.filters import OrganizationFilter, PersonFilter
from people.models import Affiliation
from people.search import ORGANIZATIONS, PEOPLE
from people.templatetags.speakers import roles_of

RELATED_ITEMS = 10
NAMES_PER_PAGE = 50
# A directory's pages go as far as 5,000 names; past that, a reader finds a name by typing it.
NAME_PAGES = 100
# A party of thousands lists its first members here; each has a page of their own.
MEMBERS_SHOWN = 100
# Fewer quotes than this are told in a sentence, with no chart and no date filter.
CHARTED_FROM = 3
SUGGESTIONS = 10


def with_public_organization(affiliations):
    """Flag roles whose organization has a public page, so templates link only to pages that exist."""
    public = public_organizations().filter(pk=OuterRef("organization"))
    return affiliations.annotate(organization_is_public=Exists(public))


def moved(request, public, slug, address=lambda kept: kept.get_absolute_url()):
    """A permanent redirect to the record that had this slug before a merge (and is public), with the
    query kept; else the 404 stands."""
    kept = public.filter(former_slugs__slug=slug).first()
    if kept is None:
        raise Http404("Nothing has this address.")
    query = request.GET.urlencode()
    return HttpResponsePermanentRedirect(address(kept) + (f"?{query}" if query else ""))


class FormerSlugsMixin:
    """An old address, of a record merged into another, leads to the one kept."""

    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs)
        except Http404:
            return moved(request, self.public(), kwargs["slug"])


class PersonListView(PagedListMixin, FilterView):
    filterset_class = PersonFilter
    paginate_by = NAMES_PER_PAGE
    max_pages = NAME_PAGES
    template_name = "people/person_list.html"

    def get_queryset(self):
        return public_people().with_quote_counts(Quote.objects.published()).order_by("name", "pk")


class PersonDetailView(FormerSlugsMixin, PagedListMixin, FilterView):
    """A person's page; the list it paginates and filters by date is their published quotes."""

    filterset_class = QuoteDateFilter
    template_name = "people/person_detail.html"

    @cached_property
    def person(self):
        affiliations = with_public_organization(
            Affiliation.objects.select_related("organization").order_by(
                F("start_date").desc(nulls_last=True), "organization__name"
            )
        )
        people = self.public().prefetch_related(Prefetch("affiliations", queryset=affiliations), "aliases")
        return get_object_or_404(people, slug=self.kwargs["slug"])

    def public(self):
        return public_people()

    def get_queryset(self):
        return Quote.objects.for_listing().filter(speaker=self.person)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        person = self.person
        for quote in context["page_obj"]:
            quote.speaker = person  # with the roles already read, for the role on the day each was said
        counts = month_counts(Quote.objects.published().filter(speaker=person))
        charted = sum(counts.values()) >= CHARTED_FROM
        context.update(
            person=person,
            articles=Article.objects.for_listing().mentioning(person)[:RELATED_ITEMS],
            chart=quote_chart(counts, person.name) if charted else None,
            quoted_in_words=quoted_in_words(counts, person.name) if counts and not charted else "",
            # A list of a quote or two needs no filter, unless the address already holds one to clear.
            show_filter=charted or any(self.request.GET.get(name) for name in ("date_after", "date_before")),
            json_ld=self.json_ld(person),
        )
        return context

    def json_ld(self, person):
        data = {
            "@context": "https://schema.org",
            "@type": "Person",
            "name": person.name,
            "url": self.request.build_absolute_uri(person.get_absolute_url()),
        }
        if person.honorific:
            data["honorificPrefix"] = person.honorific
        if person.description:
            data["description"] = person.description
        if person.photo:
            data["image"] = self.request.build_absolute_uri(rendition_url(person.photo, "medium"))
        if aliases := [alias.name for alias in person.aliases.all()]:
            data["alternateName"] = aliases
        if organizations := sorted({role.organization.name for role in person.affiliations.all()}):
            data["affiliation"] = [{"@type": "Organization", "name": name} for name in organizations]
        return data


class OrganizationListView(PagedListMixin, FilterView):
    filterset_class = OrganizationFilter
    paginate_by = NAMES_PER_PAGE
    max_pages = NAME_PAGES
    template_name = "people/organization_list.html"

    def get_queryset(self):
        mentions = OrganizationMention.objects.published()
        return public_organizations().with_article_counts(mentions).order_by("name", "pk")


class OrganizationDetailView(FormerSlugsMixin, DetailView):
    template_name = "people/organization_detail.html"
    context_object_name = "organization"

    def public(self):
        return public_organizations()

    def get_queryset(self):
        public_parent = public_organizations().filter(pk=OuterRef("parent"))
        return self.public().select_related("parent").annotate(parent_is_public=Exists(public_parent))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        organization = self.object
        members = list(
            Affiliation.objects.filter(organization=organization)
            .filter(Exists(public_people().filter(pk=OuterRef("person"))))
            .select_related("person")
            .order_by(F("start_date").asc(nulls_last=True), "person__name", "role")[: MEMBERS_SHOWN + 1]
        )
        context.update(
            members=members[:MEMBERS_SHOWN],
            more_members=len(members) > MEMBERS_SHOWN,
            children=public_organizations().filter(parent=organization),
            articles=Article.objects.for_listing().naming(organization)[:RELATED_ITEMS],
            quotes=Quote.objects.for_listing()
            .from_organization(organization)
            .prefetch_related(roles_of())[:RELATED_ITEMS],
        )
        return context


def suggestions(queryset, document, request, describe):
    """Up to ten names starting with what was typed (two letters of a word at least), as JSON for a
    <datalist>. Punctuation alone is no word: it would list the directory from its first name."""
    typed = request.GET.get("q", "")[:100]
    found = []
    if sum(c.isalnum() for c in typed) >= 2:
        found = search(queryset, document, typed, prefix=True).order_by("-relevance", "name")[:SUGGESTIONS]
    response = JsonResponse({"suggestions": [{"value": row.slug, "label": describe(row)} for row in found]})
    response["Cache-Control"] = "public, max-age=300"
    return response


@require_safe
def person_suggestions(request):
    return suggestions(public_people(), PEOPLE, request, lambda person: person.name)


@require_safe
def organization_suggestions(request):
    return suggestions(
        public_organizations(), ORGANIZATIONS, request, lambda organization: organization.display_name
    )
