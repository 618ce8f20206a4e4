"""The newsroom's two editorial groups and what each may do."""

from django.contrib.auth.models import Group, Permission
from django.db.models import Q

EDITORS = "Editors"
REPORTERS = "Reporters"

REPORTER_PERMISSIONS = {
    "articles": [
        "add_article",
        "change_article",
        "view_article",
        "add_quote",
        "change_quote",
        "delete_quote",
        "view_quote",
        "add_byline",
        "change_byline",
        "delete_byline",
        "view_byline",
    ],
    "people": [
        "add_person",
        "change_person",
        "view_person",
        "add_alias",
        "change_alias",
        "delete_alias",
        "view_alias",
        "add_affiliation",
        "change_affiliation",
        "delete_affiliation",
        "view_affiliation",
        "add_organization",
        "change_organization",
        "view_organization",
    ],
}
EDITOR_ONLY_PERMISSIONS = {
    "articles": ["publish_article", "delete_article"],
    "people": ["delete_person", "delete_organization"],
}


def permissions(spec):
    query = Q(pk__in=[])
    for app_label, codenames in spec.items():
        query |= Q(content_type__app_label=app_label, codename__in=codenames)
    return list(Permission.objects.filter(query))


def ensure_editorial_groups(**kwargs):
    """post_migrate: create both groups and (re)grant their permissions, idempotently."""
    reporters, _ = Group.objects.get_or_create(name=REPORTERS)
    editors, _ = Group.objects.get_or_create(name=EDITORS)
    shared = permissions(REPORTER_PERMISSIONS)
    reporters.permissions.set(shared)
    editors.permissions.set(shared + permissions(EDITOR_ONLY_PERMISSIONS))
