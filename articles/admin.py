from functools import partial

from django.contrib import admin
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.admin.utils import model_ngettext
from django.db import models
from django.db.models import Count, Prefetch
from django.forms import Textarea
from django.urls import path

from articles.forms import OrganizationMentionFormSet, PersonMentionFormSet, QuoteFormSet
from articles.importing import import_article
from articles.models import Article, Byline, OrganizationMention, PersonMention, Quote
from newsroom.admin import ImagePreviewMixin

PUBLISH_PERMISSION = "articles.publish_article"


def can_publish(request):
    return request.user.has_perm(PUBLISH_PERMISSION)


def locked(request, article):
    """Once published, an article and its quotes and bylines are the editors' to change."""
    return article is not None and article.status == Article.Status.PUBLISHED and not can_publish(request)


def set_status(modeladmin, request, queryset, status, verb):
    articles = queryset.set_status(status)
    LogEntry.objects.log_actions(request.user.pk, articles, CHANGE, change_message=verb.capitalize())
    count = len(articles)
    modeladmin.message_user(request, f"{verb.capitalize()} {count} {model_ngettext(modeladmin.opts, count)}.")


@admin.action(
    permissions=["publish"],
    description="Publish this article",
    description_plural="Publish selected articles",
    location=[admin.ActionLocation.CHANGE_LIST, admin.ActionLocation.CHANGE_FORM],
)
def publish_selected(modeladmin, request, queryset):
    set_status(modeladmin, request, queryset, Article.Status.PUBLISHED, "published")


@admin.action(
    permissions=["publish"],
    description="Unpublish this article (back to draft)",
    description_plural="Unpublish selected articles (back to draft)",
    location=[admin.ActionLocation.CHANGE_LIST, admin.ActionLocation.CHANGE_FORM],
)
def unpublish_selected(modeladmin, request, queryset):
    set_status(modeladmin, request, queryset, Article.Status.DRAFT, "unpublished")


class StateFilter(admin.SimpleListFilter):
    title = "status"
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [("draft", "Draft"), ("scheduled", "Scheduled"), ("public", "Published and public")]

    def queryset(self, request, queryset):
        match self.value():
            case "draft":
                return queryset.drafts()
            case "scheduled":
                return queryset.scheduled()
            case "public":
                return queryset.published()
        return queryset


class LockedOncePublished:
    """Inline permissions follow the article: a reporter may only view those of a published one."""

    def has_add_permission(self, request, obj):
        return super().has_add_permission(request, obj) and not locked(request, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and not locked(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and not locked(request, obj)


class BylineInline(LockedOncePublished, admin.TabularInline):
    model = Byline
    fields = ["position", "author"]
    autocomplete_fields = ["author"]
    ordering = ["position", "pk"]
    extra = 0


class QuoteInline(LockedOncePublished, admin.TabularInline):
    model = Quote
    formset = QuoteFormSet
    fields = ["position", "text", "speaker", "said_on", "context", "featured"]
    autocomplete_fields = ["speaker"]
    ordering = ["position", "pk"]
    formfield_overrides = {models.TextField: {"widget": Textarea(attrs={"rows": 3, "cols": 60})}}
    extra = 0


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


@admin.register(Article)
class ArticleAdmin(ImagePreviewMixin, admin.ModelAdmin):
    image_field, alt_field = "lead_image", "lead_image_alt"
    list_display = [
        "headline",
        "state",
        "published_at",
        "authors",
        "source_outlet",
        "quote_count",
        "thumbnail",
    ]
    list_filter = [
        StateFilter,
        "published_at",
        ("bylines__author", admin.RelatedOnlyFieldListFilter),
        ("organizations", admin.RelatedOnlyFieldListFilter),
        ("source_outlet", admin.RelatedOnlyFieldListFilter),
    ]
    list_select_related = ["source_outlet"]
    search_fields = ["headline", "slug", "standfirst", "people__name"]
    date_hierarchy = "published_at"
    # Explicit, because a model's default ordering does not apply to the counting (GROUP BY) query.
    ordering = ["-published_at", "-pk"]
    prepopulated_fields = {"slug": ["headline"]}
    autocomplete_fields = ["source_outlet"]
    readonly_fields = ["image_preview", "source_key", "created_at", "modified_at"]
    fieldsets = [
        (None, {"fields": ["headline", "slug", "standfirst", "body"]}),
        ("Publication", {"fields": ["status", "published_at", "updated_at"]}),
        (
            "Lead image",
            {
                "fields": [
                    "lead_image",
                    "image_preview",
                    "lead_image_caption",
                    "lead_image_credit",
                    "lead_image_alt",
                ]
            },
        ),
        ("Source", {"fields": ["source_outlet", "source_url", "source_key"]}),
        ("History", {"fields": ["created_at", "modified_at"], "classes": ["collapse"]}),
    ]
    inlines = [BylineInline, QuoteInline, PersonMentionInline, OrganizationMentionInline]
    actions = [publish_selected, unpublish_selected]
    change_list_template = "admin/articles/article/change_list.html"

    def get_urls(self):
        view = self.admin_site.admin_view(partial(import_article, model_admin=self))
        return [path("import/", view, name="articles_article_import"), *super().get_urls()]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        form.instance.mention_speakers()

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(quote_total=Count("quotes", distinct=True))
            .prefetch_related(Prefetch("bylines", queryset=Byline.objects.select_related("author")))
        )

    def get_readonly_fields(self, request, obj=None):
        readonly = super().get_readonly_fields(request, obj)
        return readonly if can_publish(request) else [*readonly, "status"]

    def get_search_results(self, request, queryset, search_term):
        queryset, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        if request.resolver_match.url_name == "autocomplete" and not can_publish(request):
            # A reporter attaching a quote can only choose an article they may still change.
            queryset = queryset.drafts()
        return queryset, may_have_duplicates

    def has_publish_permission(self, request):
        return can_publish(request)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and not locked(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and not locked(request, obj)

    @admin.display(description="status", ordering="status")
    def state(self, article):
        if article.status == Article.Status.PUBLISHED and not article.is_public:
            return "Scheduled"
        return article.get_status_display()

    @admin.display(description="by")
    def authors(self, article):
        return ", ".join(str(byline.author) for byline in article.bylines.all())

    @admin.display(description="quotes", ordering="quote_total")
    def quote_count(self, article):
        return article.quote_total


@admin.register(Quote)
class QuoteAdmin(admin.ModelAdmin):
    list_display = ["excerpt", "speaker", "article", "said_on", "featured"]
    list_filter = ["featured", "said_on", "article__status"]
    list_select_related = ["speaker", "article"]
    search_fields = ["text", "speaker__name", "speaker__aliases__name"]
    date_hierarchy = "said_on"
    autocomplete_fields = ["speaker", "article"]
    fields = ["text", "speaker", "article", "said_on", "context", "position", "featured"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "article" and not can_publish(request):
            kwargs["queryset"] = Article.objects.drafts()
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and not locked(request, obj and obj.article)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and not locked(request, obj and obj.article)

    @admin.display(description="quote", ordering="text")
    def excerpt(self, quote):
        return quote.text if len(quote.text) <= 100 else quote.text[:97].rstrip() + "…"
