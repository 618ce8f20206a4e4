"""Who said it: a person with the role they held when they said it, an organization, or an unnamed
source as the copy describes them, each linked to the page it has.

The one place reader pages render "who said this" (quote lists, the pull quote, quotes marked in a
story). Roles are chosen in Python from the speaker's affiliations, which the views prefetch with
their organizations for a whole page at once.
"""

import datetime as dt
import re
from dataclasses import dataclass

from django import template
from django.db.models import Prefetch
from django.template.defaultfilters import capfirst, linebreaksbr
from django.utils import timezone
from django.utils.html import format_html, format_html_join

from people.models import Affiliation

register = template.Library()

# A word written as a title ("Leader", "Prime Minister") is lower-cased after "Former"; "CEO" is not.
TITLE_WORD = re.compile(r"\b([A-Z])([a-z]+)\b")
FIRST_LETTER = re.compile(r"[^\W\d_]")
SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")


@dataclass(frozen=True)
class Role:
    affiliation: object
    former: bool

    def describe(self, short=True, after_name=False):
        """ "Prime Minister, Royal Government of Cambodia"; "Former leader, CNRP" (after a name:
        "Sam Rainsy, former leader, CNRP")."""
        organization = self.affiliation.organization
        name = (organization.short_name or organization.name) if short else organization.name
        role = self.affiliation.role
        if self.former:
            role = TITLE_WORD.sub(lambda m: m.group(1).lower() + m.group(2), role)
            role = f"{'former' if after_name else 'Former'} {role}"
        return f"{role}, {name}"

    def __str__(self):
        return self.describe()


def roles_of(lookup="speaker__affiliations"):
    """What a view prefetches for the roles of a page's speakers: one query for the whole page."""
    return Prefetch(lookup, queryset=Affiliation.objects.select_related("organization"))


def role_on(person, day):
    """The role the person held on the day (the latest begun of those held), else the last they left."""
    if person is None or day is None:
        return None
    if isinstance(day, dt.datetime):
        day = timezone.localdate(day)
    held, left = [], []
    for affiliation in person.affiliations.all():
        if affiliation.start_date and affiliation.start_date > day:
            continue
        if affiliation.end_date and affiliation.end_date < day:
            left.append(affiliation)
        else:
            held.append(affiliation)
    if held:
        held.sort(key=lambda a: (a.start_date or dt.date.min, a.pk), reverse=True)
        return Role(held[0], former=False)
    if left:
        left.sort(key=lambda a: (a.end_date, a.pk), reverse=True)
        return Role(left[0], former=True)
    return None


def current_role(person):
    return role_on(person, timezone.localdate())


@register.filter
def role_at(person, day):
    """{{ person|role_at:article.published_at }}: their role then, short form, or ""."""
    role = role_on(person, day)
    return role.describe() if role else ""


@register.filter
def who_they_are(person):
    """The line under a person's name: the editors' description, else their current or latest role."""
    if person.description:
        return person.description
    role = current_role(person)
    return role.describe(short=False) if role else ""


def linked(record, name, css):
    """The name linked to the record's page; an import's creation awaiting review has no page yet."""
    if record.needs_review:
        return format_html('<span class="{}">{}</span>', css, name)
    return format_html('<a class="{}" href="{}">{}</a>', css, record.get_absolute_url(), name)


def speaker_html(quote, capitalized=True):
    if quote.source_kind == quote.Source.ORGANIZATION:
        return linked(quote.organization, quote.organization.display_name, "quote__speaker")
    if quote.source_kind == quote.Source.UNNAMED:
        description = capfirst(quote.source_description) if capitalized else quote.source_description
        described = format_html('<span class="quote__speaker">{}</span>', description)
        if quote.organization is None:
            return described
        return format_html(
            '{}<span class="quote__role">, {}</span>',
            described,
            linked(quote.organization, quote.organization.display_name, "quote__organization"),
        )
    speaker = quote.speaker
    name = linked(speaker, speaker.name, "quote__speaker")
    role = role_on(speaker, quote.said_on)
    if role:
        return format_html('{}<span class="quote__role">, {}</span>', name, role.describe(after_name=True))
    return name


@register.simple_tag
def speaker(quote):
    """Whom the words are from, linked to their page: a person with their role on the day the words
    were said, an organization, or an unnamed source as described, with the organization named."""
    return speaker_html(quote)


@register.simple_tag
def said_in_story(piece, cite=""):
    """A quote where the story has it: a <q> the reader can point at, focus or tap, followed by whom
    it is from, which the stylesheet shows beside it then (and screen readers always read)."""
    quote = piece.quote
    return format_html(
        '<q class="said{}" id="quote-{}" tabindex="0"{}>{}</q>'
        '<span class="said-by"><span class="said-by__aside">(</span>{}'
        '<span class="said-by__aside">)</span></span>',
        "" if piece.marked else " said--unmarked",
        quote.pk,
        format_html(' cite="{}"', cite) if cite else "",
        piece.words,
        speaker_html(quote, capitalized=False),  # inside a sentence: "(a spokeswoman for the ministry)"
    )


@register.simple_tag
def story_paragraph(pieces, cite=""):
    """A paragraph of the story: its text escaped, its quotes marked up where they are."""
    return format_html_join(
        "",
        "{}",
        (
            (linebreaksbr(piece, autoescape=True) if isinstance(piece, str) else said_in_story(piece, cite),)
            for piece in pieces
        ),
    )


def opens_mid_sentence(text):
    first = FIRST_LETTER.search(text or "")
    return bool(first) and first.group().islower()


def ends_mid_sentence(text):
    text = (text or "").rstrip()
    return bool(text) and not SENTENCE_END.search(text)


@register.filter
def fragment_start(text):
    """ "…" before words that begin in the middle of a sentence, so a fragment reads as one."""
    return "…" if opens_mid_sentence(text) else ""


@register.filter
def fragment_end(text):
    return "…" if ends_mid_sentence(text) else ""
