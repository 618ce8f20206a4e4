"""The admin's "Import an article" page: paste or upload a raw copy, correct what was found, save.

The preview is a form: each quote's speaker can be changed to someone the newsroom knows, a quote
can be dropped or made the pull quote, the outlet chosen or created. Saving reads the copy again
(it travels in the form) and applies the corrections to what was found.
"""

import dataclasses
import datetime as dt
import zoneinfo
from urllib.parse import urlsplit

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.text import slugify

from articles.admin.permissions import locked
from articles.ingest import SeedFormatError, SourceKind, extract, parse_document
from articles.loader import LoaderError
from articles.loader.files import Source
from articles.loader.people import Directory
from articles.loader.run import load_document
from articles.loader.sources import fits
from articles.models import Article, Quote
from people.models import Organization, Person

MAX_UPLOAD_BYTES = 2 * 1024 * 1024
ZONES = sorted(zoneinfo.available_timezones())


def zone_choices():
    """Every zone, the newsroom's first: a datalist the time-zone box searches as one types."""
    return [settings.TIME_ZONE, *(zone for zone in ZONES if zone != settings.TIME_ZONE)]


class CopyForm(forms.Form):
    text = forms.CharField(
        label="Paste the article",
        required=False,
        widget=forms.Textarea(attrs={"rows": 14, "class": "vLargeTextField"}),
        help_text="Headline on the first line, then the standfirst, the date line "
        "(“PUBLISHED : Tuesday, 27 March, 2018, 5:55pm” or “Friday, September 6, 2019”) and the body, "
        "paragraphs separated by blank lines.",
    )
    file = forms.FileField(label="…or upload it", required=False, help_text="A UTF-8 .txt file, up to 2 MB.")
    outlet = forms.ModelChoiceField(
        Organization.objects.filter(kind=Organization.Kind.NEWS_OUTLET),
        required=False,
        widget=AutocompleteSelect(Article._meta.get_field("source_outlet"), admin.site),
        help_text="The outlet that first published it.",
    )
    new_outlet = forms.CharField(
        label="…or a new outlet named",
        required=False,
        max_length=Organization._meta.get_field("name").max_length,
        help_text="Creates the news outlet when the article is saved.",
    )
    source_url = forms.URLField(label="Source address", required=False, assume_scheme="https", max_length=500)
    time_zone = forms.CharField(
        initial=settings.TIME_ZONE,
        widget=forms.TextInput(attrs={"list": "time-zones", "autocomplete": "off", "size": 30}),
        help_text="The zone the copy's printed times are in; type a city to find it.",
    )

    def clean_time_zone(self):
        zone = self.cleaned_data["time_zone"].strip()
        if zone not in zoneinfo.available_timezones():
            raise forms.ValidationError(
                f"“{zone}” is not a time zone; choose one such as “{settings.TIME_ZONE}”."
            )
        return zone

    def clean(self):
        data = super().clean()
        text, upload = data.get("text", ""), data.get("file")
        if bool(text.strip()) == bool(upload):
            raise forms.ValidationError("Paste the article or upload a file, one of the two.")
        if data.get("outlet") and data.get("new_outlet"):
            self.add_error("new_outlet", "Choose an outlet or name a new one, not both.")
        if upload:
            if upload.size > MAX_UPLOAD_BYTES:
                raise forms.ValidationError(
                    {"file": "This file is over 2 MB; an article copy is much smaller."}
                )
            raw, name = upload.read(), upload.name
        else:
            raw, name = text.encode("utf-8"), "the pasted article"
        if "time_zone" not in data:
            return data
        try:
            self.document = parse_document(raw, source=name, tz=zoneinfo.ZoneInfo(data["time_zone"]))
            fits(
                Article,
                "headline",
                self.document.headline,
                self.document,
                self.document.headline_line,
                "the headline",
            )
        except (SeedFormatError, LoaderError) as error:
            raise forms.ValidationError({"file" if upload else "text": str(error)}) from error
        data["text"] = raw.decode("utf-8-sig")
        return data

    def outlet_name(self):
        """What the copy's address says the outlet is, for a new outlet's name."""
        host = urlsplit(self.cleaned_data.get("source_url") or "").hostname or ""
        return host.removeprefix("www.")


class QuoteChoiceForm(forms.Form):
    keep = forms.BooleanField(required=False, initial=True, label="Keep")
    source_kind = forms.ChoiceField(choices=Quote.Source.choices, label="Source")
    speaker = forms.ModelChoiceField(
        Person.objects.all(),
        required=False,
        widget=AutocompleteSelect(Quote._meta.get_field("speaker"), admin.site),
        help_text="Someone the newsroom knows; left empty, a new person by the name found.",
    )
    organization = forms.ModelChoiceField(
        Organization.objects.all(),
        required=False,
        widget=AutocompleteSelect(Quote._meta.get_field("organization"), admin.site),
        help_text="The organization that said it, or the one an unnamed source speaks for.",
    )
    description = forms.CharField(
        required=False,
        max_length=Quote._meta.get_field("source_description").max_length,
        label="Unnamed source",
        help_text="As the copy describes them: “a spokeswoman for the ministry”.",
    )
    featured = forms.BooleanField(required=False, label="Pull quote")

    def __init__(self, *args, found_kind=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.found_kind = found_kind  # what the reader found; a blank choice keeps its source

    def clean(self):
        data = super().clean()
        kind, changed = data.get("source_kind"), data.get("source_kind") != self.found_kind
        if not data.get("keep") or kind is None:
            return data
        if kind == Quote.Source.PERSON and changed and data.get("speaker") is None:
            self.add_error("speaker", "Choose the person who said it.")
        if kind == Quote.Source.ORGANIZATION and changed and data.get("organization") is None:
            self.add_error("organization", "Choose the organization that said it.")
        if kind == Quote.Source.UNNAMED and changed and not data.get("description", "").strip():
            self.add_error("description", "Describe the source as the copy does.")
        return data


class QuoteChoices(forms.formset_factory(QuoteChoiceForm, extra=0)):
    def __init__(self, *args, found_kinds=(), **kwargs):
        self.found_kinds = list(found_kinds)
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index):
        kinds = self.found_kinds
        return {**super().get_form_kwargs(index), "found_kind": kinds[index] if index < len(kinds) else None}

    def clean(self):
        super().clean()
        featured = [
            form for form in self.forms if form.cleaned_data.get("featured") and form.cleaned_data.get("keep")
        ]
        if len(featured) > 1:
            raise forms.ValidationError("Choose one pull quote at most.")


def find_existing(key, document):
    """The article this copy is of: imported from it before, or with the same headline on the same
    day, or the same text within a week (a copy pasted again without its address)."""
    found = Article.objects.filter(source_key=key).first()
    if found is not None:
        return found
    moment = document.published_at
    week = Article.objects.filter(
        published_at__gte=moment - dt.timedelta(days=7), published_at__lte=moment + dt.timedelta(days=7)
    )
    same_day = week.filter(
        published_at__gte=moment - dt.timedelta(hours=12), published_at__lte=moment + dt.timedelta(hours=12)
    )
    body = "\n\n".join(document.paragraphs)
    return same_day.filter(headline=document.headline).first() or week.filter(body=body).first()


def corrected(extraction, choices):
    """The extraction as the editor left it: dropped quotes gone, sources and the pull quote as chosen."""
    quotes = []
    for quote, choice in zip(extraction.quotes, choices, strict=True):
        if not choice["keep"]:
            continue
        quote = _with_source(quote, choice)
        quotes.append(dataclasses.replace(quote, featured=choice["featured"], position=len(quotes)))
    return dataclasses.replace(extraction, quotes=tuple(quotes))


def _with_source(quote, choice):
    """The quote with the source the editor chose; what they left blank stays as the reader found it."""
    kind, person, organization = SourceKind(choice["source_kind"]), choice["speaker"], choice["organization"]
    if kind == SourceKind.PERSON:
        if person is None:
            return quote
        named = {"speaker": person.name, "speaker_key": person.slug}
        return dataclasses.replace(
            quote, **named, kind=kind, organization=None, organization_key=None, description=""
        )
    if kind == SourceKind.ORGANIZATION:
        if organization is None:
            return quote
        named = {"organization": organization.name, "organization_key": organization.slug}
        return dataclasses.replace(
            quote, kind=kind, speaker=organization.name, speaker_key=None, description="", **named
        )
    description = choice["description"].strip() or quote.description or quote.speaker
    if organization is not None:
        named = {"organization": organization.name, "organization_key": organization.slug}
    elif quote.kind == SourceKind.UNNAMED:
        named = {"organization": quote.organization, "organization_key": quote.organization_key}
    else:
        named = {"organization": None, "organization_key": None}
    return dataclasses.replace(
        quote, kind=kind, speaker=description, speaker_key=None, description=description, **named
    )


class Import:
    """One import as the page sees it: the copy, what was found in it, and the article it may update."""

    def __init__(self, form, request):
        self.form = form
        self.document = form.document
        self.directory = Directory()
        self.extraction = extract(self.document, self.directory.people, self.directory.organizations)
        data = form.cleaned_data
        key = data["source_url"] or f"{self.document.published_at:%Y-%m-%d}-{slugify(self.document.headline)}"
        self.key = f"admin:{key}"[:255]
        self.existing = find_existing(self.key, self.document)
        if self.existing is not None and self.existing.source_key:
            self.key = self.existing.source_key
        self.edited = self.existing is not None and (
            self.existing.imported_at is None or self.existing.modified_at > self.existing.imported_at
        )

    def source(self, outlet=None):
        data = self.form.cleaned_data
        outlet = outlet or data["outlet"]
        return Source(
            path=None,
            display=self.document.source,
            key=self.key,
            outlet=outlet.slug if outlet else None,
            source_url=data["source_url"],
            time_zone=zoneinfo.ZoneInfo(data["time_zone"]),
            status=Article.Status.DRAFT,
        )

    def initial_choices(self):
        quotes, directory = self.extraction.quotes, self.directory
        person_ids = {
            directory.speaker_id(q.speaker_key, q.speaker) for q in quotes if q.kind == SourceKind.PERSON
        }
        organization_ids = {
            directory.organization_id(q.organization_key, q.organization) for q in quotes if q.organization
        }
        people = Person.objects.in_bulk(person_ids - {None})
        organizations = Organization.objects.in_bulk(organization_ids - {None})
        return [
            {
                "keep": True,
                "source_kind": q.kind.value,
                "speaker": people.get(directory.speaker_id(q.speaker_key, q.speaker))
                if q.kind == SourceKind.PERSON
                else None,
                "organization": organizations.get(
                    directory.organization_id(q.organization_key, q.organization)
                )
                if q.organization
                else None,
                "description": q.description if q.kind == SourceKind.UNNAMED else "",
                "featured": q.featured,
            }
            for q in quotes
        ]

    def found_kinds(self):
        return [q.kind.value for q in self.extraction.quotes]

    @transaction.atomic
    def save(self, choices, user):
        outlet = None
        if name := self.form.cleaned_data["new_outlet"].strip():
            outlet = Organization.objects.create(
                name=name, slug=_free_slug(name), kind=Organization.Kind.NEWS_OUTLET
            )
        if self.existing is not None and not self.existing.source_key:
            Article.objects.filter(pk=self.existing.pk).update(source_key=self.key)
        extraction = corrected(self.extraction, choices)
        load_document(self.source(outlet), self.document, extraction=extraction, force=True, user=user)
        return Article.objects.get(source_key=self.key)


def _free_slug(name):
    base = slugify(name)[:190] or "outlet"
    slug, n = base, 2
    while Organization.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def import_article(request, model_admin):
    if not model_admin.has_add_permission(request):
        raise PermissionDenied
    form = CopyForm(request.POST or None, request.FILES or None)
    choices = None
    found = None
    if request.method == "POST" and form.is_valid():
        found = Import(form, request)
        if found.existing is not None and locked(request, found.existing):
            # Importing a copy again rewrites its article: not a way round the published-article lock.
            form.add_error(None, f"This copy updates “{found.existing}”, which you may not change.")
            found = None
        elif "save" in request.POST:
            choices = QuoteChoices(request.POST, prefix="quotes", found_kinds=found.found_kinds())
            if choices.is_valid() and len(choices.forms) == len(found.extraction.quotes):
                article = found.save([c.cleaned_data for c in choices.forms], request.user)
                messages.success(
                    request, f"Imported “{article.headline}” as {article.get_status_display().lower()}."
                )
                return redirect(reverse("admin:articles_article_change", args=[article.pk]))
            if choices.is_valid():
                messages.warning(request, "The copy changed since its preview: check what was found again.")
                choices = None
        if found is not None and choices is None and not form.errors:
            choices = QuoteChoices(
                initial=found.initial_choices(), prefix="quotes", found_kinds=found.found_kinds()
            )
            # The text travels in the form from here on: saving needs no upload again.
            form = CopyForm(initial={**form.cleaned_data, "file": None})
            form.document = found.document
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "title": "Import an article",
        "form": form,
        "found": found,
        "quotes": list(zip(found.extraction.quotes, choices.forms, strict=True)) if found and choices else [],
        "choices": choices,
        "zones": zone_choices(),
        "left_out": found.document.left_out if found else (),
        "unsure": found.extraction.unattributed if found else (),
        "media": model_admin.media + form.media + (choices.media if choices else forms.Media()),
    }
    return TemplateResponse(request, "admin/articles/article/import.html", context)
