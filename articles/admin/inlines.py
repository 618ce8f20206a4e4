from django import forms
from django.contrib import admin
from django.utils import timezone

from articles.admin.permissions import LockedOncePublished
from articles.forms import OrganizationMentionFormSet, PersonMentionFormSet, QuoteFormSet
from articles.models import Byline, OrganizationMention, PersonMention, Quote


class BylineInline(LockedOncePublished, admin.TabularInline):
    model = Byline
    fields = ["position", "author"]
    autocomplete_fields = ["author"]
    ordering = ["position", "pk"]
    extra = 0

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        journalist = getattr(request.user, "journalist", None)
        if obj is None and journalist is not None:
            # A journalist writing a new article is its first byline until they change it.
            formset.form.base_fields["author"].initial = journalist.pk
        return formset

    def get_extra(self, request, obj=None, **kwargs):
        return 1 if obj is None and getattr(request.user, "journalist", None) is not None else 0


class DatedQuoteFormSet(QuoteFormSet):
    """A new quote's date said starts as the article's publication day (today for a new article)."""

    def get_form_kwargs(self, index):
        kwargs = super().get_form_kwargs(index)
        published = self.instance.published_at if self.instance.pk else None
        kwargs.setdefault("initial", {})["said_on"] = timezone.localdate(published or timezone.now())
        return kwargs


class QuoteInline(LockedOncePublished, admin.StackedInline):
    """Stacked, a few lines a quote: it fits the change form's column at 1024 px and wider, every
    field's error beside the field."""

    model = Quote
    formset = DatedQuoteFormSet
    fields = [
        "text",
        ("source_kind", "said_on"),
        ("speaker", "organization"),
        "source_description",
        ("context", "featured", "position"),
    ]
    autocomplete_fields = ["speaker", "organization"]
    ordering = ["position", "pk"]
    extra = 0
    classes = ["quotes-inline"]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "text":
            kwargs["widget"] = forms.Textarea(attrs={"rows": 3, "class": "vLargeTextField"})
        if db_field.name in ("context", "source_description"):
            kwargs["widget"] = forms.TextInput(attrs={"size": 40})
        return super().formfield_for_dbfield(db_field, request, **kwargs)


class PersonMentionInline(LockedOncePublished, admin.TabularInline):
    model = PersonMention
    formset = PersonMentionFormSet
    fields = ["person"]
    autocomplete_fields = ["person"]
    extra = 0
    verbose_name = "person mentioned"
    verbose_name_plural = "people mentioned (everyone quoted is added on saving)"


class OrganizationMentionInline(LockedOncePublished, admin.TabularInline):
    model = OrganizationMention
    formset = OrganizationMentionFormSet
    fields = ["organization"]
    autocomplete_fields = ["organization"]
    extra = 0
    verbose_name = "organization mentioned"
    verbose_name_plural = "organizations mentioned"
