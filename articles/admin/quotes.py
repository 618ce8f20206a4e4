from django.contrib import admin
from reversion.admin import VersionAdmin

from articles.admin.permissions import can_publish, locked
from articles.models import Article, Quote


@admin.register(Quote)
class QuoteAdmin(VersionAdmin):
    list_display = ["excerpt", "source", "article", "said_on", "featured"]
    list_filter = ["source_kind", "featured", "said_on", "article__status"]
    list_select_related = ["speaker", "organization", "article"]
    search_fields = [
        "text",
        "speaker__name",
        "speaker__aliases__name",
        "organization__name",
        "organization__short_name",
        "source_description",
    ]
    date_hierarchy = "said_on"
    autocomplete_fields = ["speaker", "organization", "article"]
    fields = [
        "text",
        "source_kind",
        "speaker",
        "organization",
        "source_description",
        "article",
        "said_on",
        "context",
        "position",
        "featured",
    ]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "article" and not can_publish(request):
            kwargs["queryset"] = Article.objects.drafts()
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and not locked(request, obj and obj.article)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and not locked(request, obj and obj.article)

    @admin.display(description="source")
    def source(self, quote):
        kind = (
            ""
            if quote.source_kind == Quote.Source.PERSON
            else f" ({quote.get_source_kind_display().lower()})"
        )
        return f"{quote.source_name}{kind}"

    @admin.display(description="quote", ordering="text")
    def excerpt(self, quote):
        return quote.text if len(quote.text) <= 100 else quote.text[:97].rstrip() + "…"
