from django.contrib import admin, messages
from django.contrib.admin.utils import model_ngettext
from django.db.models import Count
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html
from reversion import create_revision, set_comment, set_user
from reversion.admin import VersionAdmin

from newsroom.admin import ImagePreviewMixin
from newsroom.cache import pages_changed
from newsroom.forms import DistinctFormSet
from people.merging import merge_organizations, merge_people
from people.models import Affiliation, Alias, Organization, Person


@admin.action(description="Mark as reviewed")
def mark_reviewed(modeladmin, request, queryset):
    count = queryset.filter(needs_review=True).update(needs_review=False)
    pages_changed()  # people awaiting review had no public page; now they do
    modeladmin.message_user(request, f"Marked {count} {model_ngettext(modeladmin.opts, count)} as reviewed.")


def merge_action(merge, what):
    """An action that asks which of the selected records to keep, then merges the others into it."""

    @admin.action(permissions=["delete"], description=f"Merge the selected {what} into one")
    def merge_selected(modeladmin, request, queryset):
        chosen = list(queryset.order_by("name"))
        if len(chosen) < 2:
            modeladmin.message_user(request, f"Choose two or more {what} to merge.", messages.WARNING)
            return None
        kept_pk = request.POST.get("kept")
        kept = next((record for record in chosen if str(record.pk) == kept_pk), None)
        if request.POST.get("post") == "yes" and kept is not None:
            others = [record for record in chosen if record.pk != kept.pk]
            with create_revision():
                set_user(request.user)
                set_comment(f"Merged {', '.join(map(str, others))} into {kept}")
                merged = merge(kept, others)
            modeladmin.message_user(
                request,
                f"Merged {merged} into “{kept}”; their old addresses now lead to it.",
                messages.SUCCESS,
            )
            return None
        context = {
            **modeladmin.admin_site.each_context(request),
            "title": f"Merge {what}",
            "opts": modeladmin.opts,
            "chosen": chosen,
            "action": "merge_selected",
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
            "what": what,
        }
        return TemplateResponse(request, "admin/people/merge.html", context)

    return merge_selected


class AliasFormSet(DistinctFormSet):
    distinct_field = "name"
    # The database compares aliases case-insensitively.
    comparable = staticmethod(str.lower)


class AliasInline(admin.TabularInline):
    model = Alias
    formset = AliasFormSet
    extra = 0


class PersonAffiliationInline(admin.TabularInline):
    model = Affiliation
    fields = ["organization", "role", "start_date", "end_date"]
    autocomplete_fields = ["organization"]
    extra = 0
    verbose_name = "role"
    verbose_name_plural = "roles"


class OrganizationAffiliationInline(admin.TabularInline):
    model = Affiliation
    fields = ["person", "role", "start_date", "end_date"]
    autocomplete_fields = ["person"]
    extra = 0
    verbose_name = "member"
    verbose_name_plural = "members"


@admin.register(Person)
class PersonAdmin(ImagePreviewMixin, VersionAdmin):
    image_field, alt_field = "photo", "photo_alt"
    list_display = [
        "thumbnail",
        "name",
        "description",
        "quote_count",
        "needs_review",
        "is_journalist",
        "created_at",
    ]
    list_display_links = ["thumbnail", "name"]
    list_filter = [
        "needs_review",
        "is_journalist",
        ("affiliations__organization", admin.RelatedOnlyFieldListFilter),
        "nationality",
    ]
    search_fields = ["name", "aliases__name", "slug", "description"]
    date_hierarchy = "created_at"
    # Explicit, because a model's default ordering does not apply to the counting (GROUP BY) query.
    ordering = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["image_preview", "created_at"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "honorific", "description", "nationality", "needs_review"]}),
        ("Journalist", {"fields": ["is_journalist", "account"]}),
        ("Photo", {"fields": ["photo", "image_preview", "photo_alt"]}),
        ("Biography", {"fields": ["biography"]}),
        ("History", {"fields": ["created_at"], "classes": ["collapse"]}),
    ]
    inlines = [AliasInline, PersonAffiliationInline]
    actions = [mark_reviewed, merge_action(merge_people, "people")]
    autocomplete_fields = ["account"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(quote_total=Count("quotes", distinct=True))

    def get_search_results(self, request, queryset, search_term):
        queryset, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        if request.GET.get("field_name") == "author" and request.GET.get("model_name") == "byline":
            # Choosing a byline: the newsroom's journalists first.
            queryset = queryset.order_by("-is_journalist", "name", "pk")
        return queryset, may_have_duplicates

    @admin.display(description="quotes", ordering="quote_total")
    def quote_count(self, person):
        if not person.quote_total:
            return 0
        url = reverse("admin:articles_quote_changelist")
        return format_html('<a href="{}?speaker__id__exact={}">{}</a>', url, person.pk, person.quote_total)


@admin.register(Organization)
class OrganizationAdmin(VersionAdmin):
    list_display = [
        "name",
        "short_name",
        "kind",
        "country",
        "founded_on",
        "dissolved_on",
        "member_count",
        "needs_review",
    ]
    list_filter = ["kind", "needs_review", "country"]
    search_fields = ["name", "short_name", "slug"]
    date_hierarchy = "founded_on"
    ordering = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["parent"]
    fields = [
        "name",
        "slug",
        "short_name",
        "kind",
        "parent",
        "country",
        ("founded_on", "dissolved_on"),
        "description",
        "website",
        "needs_review",
    ]
    inlines = [OrganizationAffiliationInline]
    actions = [mark_reviewed, merge_action(merge_organizations, "organizations")]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(member_total=Count("affiliations", distinct=True))

    @admin.display(description="members", ordering="member_total")
    def member_count(self, organization):
        return organization.member_total


@admin.register(Alias)
class AliasAdmin(VersionAdmin):
    list_display = ["name", "person"]
    search_fields = ["name", "person__name"]
    autocomplete_fields = ["person"]
    list_select_related = ["person"]


@admin.register(Affiliation)
class AffiliationAdmin(VersionAdmin):
    list_display = ["person", "role", "organization", "start_date", "end_date"]
    list_filter = [("organization", admin.RelatedOnlyFieldListFilter), "start_date", "end_date"]
    search_fields = ["person__name", "organization__name", "organization__short_name", "role"]
    date_hierarchy = "start_date"
    autocomplete_fields = ["person", "organization"]
    list_select_related = ["person", "organization"]
