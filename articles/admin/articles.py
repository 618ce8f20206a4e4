from functools import partial

from django.contrib import admin, messages
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.admin.utils import model_ngettext, unquote
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Prefetch
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from reversion import add_to_revision, create_revision, set_comment, set_user
from reversion.admin import VersionAdmin
from reversion.models import Version

from articles.admin.importing import import_article
from articles.admin.inlines import BylineInline, OrganizationMentionInline, PersonMentionInline, QuoteInline
from articles.admin.permissions import can_publish, locked
from articles.admin.revisions import compare_view
from articles.models import Article, Byline
from newsroom.admin import ImagePreviewMixin

# The buttons of an article's change form that save it and change its state, by its current state.
PUBLISH, UNPUBLISH = "_publish", "_unpublish"


def set_status(modeladmin, request, queryset, status, verb):
    articles = queryset.set_status(status)
    LogEntry.objects.log_actions(request.user.pk, articles, CHANGE, change_message=verb.capitalize())
    with create_revision():
        set_user(request.user)
        set_comment(verb.capitalize())
        for article in Article.objects.filter(pk__in=[a.pk for a in articles]):
            add_to_revision(article)
    count = len(articles)
    modeladmin.message_user(request, f"{verb.capitalize()} {count} {model_ngettext(modeladmin.opts, count)}.")


@admin.action(permissions=["publish"], description="Publish selected articles")
def publish_selected(modeladmin, request, queryset):
    set_status(modeladmin, request, queryset, Article.Status.PUBLISHED, "published")


@admin.action(permissions=["publish"], description="Unpublish selected articles (back to draft)")
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


@admin.register(Article)
class ArticleAdmin(ImagePreviewMixin, VersionAdmin):
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
    readonly_fields = ["state", "image_preview", "source_key", "created_at", "modified_at"]
    fieldsets = [
        (None, {"fields": ["headline", "slug", "standfirst", "body"]}),
        ("Publication", {"fields": ["state", "published_at", "updated_at"]}),
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

    class Media:
        css = {"all": ["articles/admin.css"]}

    change_form_template = "admin/articles/article/change_form.html"
    object_history_template = "admin/articles/article/object_history.html"

    def get_urls(self):
        views = [
            path(
                "import/",
                self.admin_site.admin_view(partial(import_article, model_admin=self)),
                name="articles_article_import",
            ),
            path(
                "<path:object_id>/history/compare/",
                self.admin_site.admin_view(partial(compare_view, model_admin=self)),
                name="articles_article_compare",
            ),
        ]
        return [*views, *super().get_urls()]

    # Publishing from the change form: the form is saved with the state change, or not at all.

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if can_publish(request):
            published = obj is not None and obj.status == Article.Status.PUBLISHED
            context["state_button"] = (
                (UNPUBLISH, "Save and unpublish") if published else (PUBLISH, "Save and publish")
            )
        return super().render_change_form(request, context, add, change, form_url, obj)

    def save_model(self, request, obj, form, change):
        if can_publish(request):
            if PUBLISH in request.POST:
                obj.status = Article.Status.PUBLISHED
            elif UNPUBLISH in request.POST:
                obj.status = Article.Status.DRAFT
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        form.instance.mention_speakers()

    def response_add(self, request, obj, post_url_continue=None):
        if self._state_changed(request):
            self._say_state(request, obj)
            return redirect(reverse("admin:articles_article_change", args=[obj.pk]))
        return super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        if self._state_changed(request):
            # Back to the article, to see it in its new state (and its button for the way back).
            self._say_state(request, obj)
            return redirect(request.path)
        return super().response_change(request, obj)

    def _state_changed(self, request):
        return can_publish(request) and bool({PUBLISH, UNPUBLISH} & set(request.POST))

    def _say_state(self, request, article):
        if article.status == Article.Status.DRAFT:
            self.message_user(
                request, f"“{article}” is a draft again: readers no longer see it.", messages.SUCCESS
            )
        elif article.is_public:
            self.message_user(request, f"Published “{article}”.", messages.SUCCESS)
        else:
            self.message_user(
                request,
                f"“{article}” is scheduled: readers see it from {article.published_at:%d %B %Y, %H:%M}.",
                messages.SUCCESS,
            )

    # Revisions: restoring a published article's earlier text is an editor's right.

    def revision_view(self, request, object_id, version_id, extra_context=None):
        version = get_object_or_404(Version, pk=version_id, object_id=unquote(object_id))
        if not can_publish(request) and version.field_dict.get("status") == Article.Status.PUBLISHED:
            raise PermissionDenied("Restoring a version of a published article is an editor's to do.")
        return super().revision_view(request, object_id, version_id, extra_context)

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(quote_total=Count("quotes", distinct=True))
            .prefetch_related(Prefetch("bylines", queryset=Byline.objects.select_related("author")))
        )

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
        if article.pk is None:
            return "Draft"
        if article.status == Article.Status.PUBLISHED and not article.is_public:
            return "Scheduled"
        return article.get_status_display()

    @admin.display(description="by")
    def authors(self, article):
        return ", ".join(str(byline.author) for byline in article.bylines.all())

    @admin.display(description="quotes", ordering="quote_total")
    def quote_count(self, article):
        return article.quote_total
