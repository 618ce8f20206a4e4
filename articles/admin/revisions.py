"""Two revisions of an article side by side: its fields, its text paragraph by paragraph, its quotes."""

import difflib

from django.contrib.admin.utils import unquote
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.html import escape
from django.utils.safestring import mark_safe
from reversion.models import Version

from articles.models import Article, Quote
from people.models import Organization, Person

FIELDS = ["headline", "slug", "standfirst", "status", "published_at", "updated_at", "source_url"]
QUOTE_FIELDS = ["text", "source", "said_on", "context", "featured"]


def marked_diff(old, new):
    """(old, new) as HTML: the words only one side has in <del> and <ins>, the rest escaped."""
    old_words, new_words = old.split(" "), new.split(" ")
    left, right = [], []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(
        None, old_words, new_words, autojunk=False
    ).get_opcodes():
        before, after = escape(" ".join(old_words[i1:i2])), escape(" ".join(new_words[j1:j2]))
        if tag == "equal":
            left.append(before)
            right.append(after)
            continue
        if before:
            left.append(f"<del>{before}</del>")
        if after:
            right.append(f"<ins>{after}</ins>")
    return mark_safe(" ".join(left)), mark_safe(" ".join(right))


def paragraph_rows(old_body, new_body):
    """Rows of (old, new, changed): paragraphs aligned, each changed pair marked word by word."""
    split = lambda body: [p.strip() for p in (body or "").replace("\r\n", "\n").split("\n\n") if p.strip()]  # noqa: E731
    old, new = split(old_body), split(new_body)
    rows = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag == "equal":
            rows.extend((escape(p), escape(p), False) for p in old[i1:i2])
            continue
        for k in range(max(i2 - i1, j2 - j1)):
            before = old[i1 + k] if i1 + k < i2 else ""
            after = new[j1 + k] if j1 + k < j2 else ""
            rows.append((*marked_diff(before, after), True))
    return rows


def revision_of(article, revision_id):
    version = get_object_or_404(Version.objects.get_for_object(article), revision_id=revision_id)
    quotes = Version.objects.filter(
        revision_id=revision_id, content_type=ContentType.objects.get_for_model(Quote)
    )
    return version, {quote.object_id: quote.field_dict for quote in quotes}


def quote_rows(old, new):
    """Quotes in either revision: (old fields or None, new fields or None, what changed)."""
    quotes = (*old.values(), *new.values())
    people = dict(
        Person.objects.filter(pk__in={q.get("speaker_id") for q in quotes} - {None}).values_list("pk", "name")
    )
    organizations = dict(
        Organization.objects.filter(pk__in={q.get("organization_id") for q in quotes} - {None}).values_list(
            "pk", "name"
        )
    )

    def source(q):
        # Revisions from before quotes had a source kind hold a speaker only.
        kind = q.get("source_kind", Quote.Source.PERSON)
        if kind == Quote.Source.PERSON:
            return people.get(q.get("speaker_id"), "—")
        if kind == Quote.Source.ORGANIZATION:
            return organizations.get(q.get("organization_id"), "—")
        named = organizations.get(q.get("organization_id"))
        return f"{q.get('source_description', '')}" + (f" ({named})" if named else "")

    rows = []
    for key in sorted(old.keys() | new.keys(), key=lambda k: (new.get(k) or old[k]).get("position", 0)):
        before, after = old.get(key), new.get(key)
        shown = [{**q, "source": source(q)} if q is not None else None for q in (before, after)]
        changed = [f for f in QUOTE_FIELDS if before and after and shown[0][f] != shown[1][f]]
        rows.append((*shown, "added" if before is None else "removed" if after is None else changed))
    return rows


def compare_view(request, object_id, model_admin):
    article = get_object_or_404(Article, pk=unquote(object_id))
    if not model_admin.has_view_or_change_permission(request, article):
        raise PermissionDenied
    revisions = list(
        Version.objects.get_for_object(article)
        .order_by("revision__date_created")
        .values_list("revision_id", flat=True)
    )
    chosen = sorted(
        (int(r) for r in request.GET.getlist("revision") if r.isdigit() and int(r) in revisions),
        key=revisions.index,
    )
    if len(chosen) != 2:
        chosen = revisions[-2:]
    if len(chosen) < 2:
        chosen = revisions[-1:] * 2
    (old, old_quotes), (new, new_quotes) = (revision_of(article, r) for r in chosen)
    fields = []
    for name in FIELDS:
        before, after = old.field_dict.get(name), new.field_dict.get(name)
        fields.append((Article._meta.get_field(name).verbose_name, before, after, before != after))
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": Article._meta,
        "original": article,
        "title": f"Compare two versions of “{article}”",
        "old": old,
        "new": new,
        "fields": fields,
        "paragraphs": paragraph_rows(old.field_dict.get("body"), new.field_dict.get("body")),
        "quotes": quote_rows(old_quotes, new_quotes),
    }
    return TemplateResponse(request, "admin/articles/article/compare.html", context)
