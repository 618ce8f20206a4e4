"""Who a phrase names as the one speaking: a name, a pronoun, a role ("the governor"), someone the text
does not name ("a source"), or nobody (a group or an organization).

Like attribution.py, these read text in which every quotation is one placeholder character.
"""

import re
from dataclasses import dataclass, replace
from enum import StrEnum

from articles.ingest.lexicon import word_set
from articles.ingest.lexicon.calendar import TIME_WORDS
from articles.ingest.lexicon.organizations import DOCUMENT_NOUNS, ORGANIZATION_NOUNS, WRITINGS
from articles.ingest.lexicon.people import PARTICLES as PARTICLES_OF_NAMES
from articles.ingest.lexicon.people import PEOPLE_NOUNS, PRONOUNS, ROLES, SUFFIXES
from articles.ingest.lexicon.politics import PARTIES
from articles.ingest.lexicon.speech import ADVERBS, INTRO, SPEECH_VERBS
from articles.ingest.names import (
    NOT_ROLES,
    Name,
    Word,
    find_name,
    is_name_word,
    looks_like_organization,
    organization_run,
    role_of,
    words,
)
from articles.ingest.typography import APOSTROPHES

# "Judge Miller's statement", "a statement by the ministry": what someone wrote or said.
DOCUMENT = re.compile(rf"\b(?:{'|'.join(sorted(WRITINGS))})\b", re.IGNORECASE)


class SubjectKind(StrEnum):
    NAME = "name"
    PRONOUN = "pronoun"
    ROLE = "role"
    ORGANIZATION = "organization"  # "Pfizer", "the Justice Department", or one named before: "the company"
    UNKNOWN = "unknown"  # a source the text describes without a name: "a spokeswoman", "the report"
    NONE = "none"  # nobody


@dataclass(slots=True)
class Subject:
    """Who the words say is speaking: a name, a pronoun, a role ("the governor"), an organization, a
    source described without a name ("one of the victims", "the report"), or nobody."""

    kind: SubjectKind
    name: Name | None = None
    # The role, or the pronoun; for an organization named before ("the company"), the noun that refers to it.
    role: str = ""
    span: tuple[int, int] = (0, 0)  # the phrase that names the subject, which dates the quote no more
    phrase: str = ""  # an organization's name or a description, as printed


NOBODY = Subject(SubjectKind.NONE)


def segments_of(text: str, offset: int = 0) -> list[list[Word]]:
    """The comma-separated pieces of `text`, as words with offsets."""
    return [words(piece, start) for piece, start in _pieces(text, offset)]


_SEPARATOR = re.compile(r"[,;]|\s[—–]\s")


def _pieces(text: str, offset: int = 0):
    """(piece, offset) for each comma-separated piece of `text`, lazily."""
    start = 0
    for m in _SEPARATOR.finditer(text):
        yield text[start : m.start()], offset + start
        start = m.end()
    yield text[start:], offset + start


def trim(segment: list[Word]) -> list[Word]:
    """Without the adverbs, auxiliaries and times between a subject and its verb."""
    end = len(segment)
    while end and (segment[end - 1].lower in ADVERBS or segment[end - 1].lower in TIME_WORDS):
        end -= 1
    while end and segment[end - 1].text in ("on", "in", "at"):
        end -= 1
    return segment[:end]


def pure_name(segment: list[Word]) -> bool:
    """A phrase of only a name and titles: "Chuck Schumer", "California Attorney General Xavier Becerra"."""
    if not segment or not (is_name_word(segment[0]) or segment[0].lower in ROLES):
        return False
    return all(is_name_word(w, False) or w.lower in ROLES for w in segment)


def _extent(segments: list[list[Word]]) -> tuple[int, int]:
    present = [s for s in segments if s]
    return (present[0][0].start, present[-1][-1].end) if present else (0, 0)


def subject_of(segment: list[Word], text: str, adjacent: bool, span: tuple[int, int] | None = None):
    """The speaker a comma-free phrase names; with `adjacent`, the phrase must end with them."""
    if adjacent and len(segment) > 2:
        segment = _after_clause(segment)
    if not segment:
        return NOBODY
    span = span or (segment[0].start, segment[-1].end)
    edge = segment[-1] if adjacent else segment[0]
    if edge.lower in PRONOUNS:
        return Subject(SubjectKind.PRONOUN, role=edge.lower, span=(edge.start, edge.end))
    if adjacent and len(segment) == 1 and edge.text in ("it", "It"):
        return Subject(SubjectKind.PRONOUN, role="it", span=(edge.start, edge.end))  # "..., it said"
    if (
        len(segment) == 2
        and segment[0].lower == "the"
        and _EPITHET.fullmatch(segment[1].text)
        and segment[1].lower not in PARTIES
    ):
        # "the Norwegian said", "the 46-year-old added": the person in view, like "he" or "she".
        return Subject(SubjectKind.PRONOUN, span=(segment[0].start, segment[1].end))
    owner = _possessor(segment, text)
    if owner is not None:
        return Subject(owner.kind, owner.name, owner.role, span, owner.phrase)
    proxy = len(segment) > 2 and segment[0].lower in _ARTICLES and segment[1].lower in _PROXIES
    if proxy and segment[2].text in ("for", "to", "of"):
        return _described(segment, span)  # "a spokesman for Sadiq Khan": not Khan speaking
    name = find_name(segment)
    head = _head(segment)
    head_noun = head[-1].lower if head else ""
    if name is not None and head and name.start >= head[-1].end and head_noun in PEOPLE_NOUNS:
        name = None  # "one Republican strategist in Columbus": Columbus is no one speaking
    if name is not None:
        rest = [w for w in segment if w.start >= name.end and w.lower not in SUFFIXES]
        ahead = [w for w in segment if w.end <= name.start]
        if ahead and ahead[-1].text in ("and", "&") and any(w.capitalised for w in ahead[:-1]):
            return NOBODY  # "Smith and Jones said": two speakers, not one
        if not adjacent or not rest or rest[0].text in _NAME_FOLLOWERS:
            return Subject(SubjectKind.NAME, name, name.role, span)
    if head_noun in DOCUMENT_NOUNS and not head[-1].capitalised:
        return _described(segment, span)
    person_noun = head_noun in PEOPLE_NOUNS and (not head[-1].capitalised or len(head) == 1)
    if person_noun or head_noun in ROLES or head_noun in PARTIES:
        if segment[0].lower in _INDEFINITE or head_noun.endswith("s") and head_noun in PEOPLE_NOUNS:
            return _described(segment, span)  # "a friend", "one analyst", "officials": nobody named before
        # "the CNN host", "the Idaho Republican", "the former secretary of state": someone named before.
        if segment[0].lower == "the" and len(segment) <= 7 and not any(w.possessive for w in segment):
            role = " ".join(w.lower for w in segment[1:])
            return Subject(SubjectKind.ROLE, role=role, span=span, phrase=_printed(segment))
        role = role_of(segment[-4:] if adjacent else segment)
        if role:
            return Subject(SubjectKind.ROLE, role=role, span=span, phrase=_printed(segment))
        if head_noun in PEOPLE_NOUNS or head_noun in PARTIES:
            return _described(segment, span)
    owned = _owned_organization(head)
    if owned is not None:
        return Subject(SubjectKind.ORGANIZATION, owned[0], owned[1], span, _printed(head))
    organization = organization_run(segment)
    if organization is not None:
        a, b = organization
        if not adjacent or b == len(segment) or segment[b].text in _NAME_FOLLOWERS:
            return Subject(SubjectKind.ORGANIZATION, span=span, phrase=_printed(segment[a:b]))
    role = role_of(segment[-4:] if adjacent else segment)
    if role:
        return Subject(SubjectKind.ROLE, role=role, span=span, phrase=_printed(segment))
    if head and head_noun in ORGANIZATION_NOUNS and head[0].lower in _REFERRING:
        if not any(w.capitalised for w in head[1:]):  # "the company": one named before
            return Subject(SubjectKind.ORGANIZATION, role=head_noun, span=span, phrase=_printed(head))
        if len(head) > 2 and all(w.capitalised for w in head[1:-1]):  # "the Biden campaign"
            return Subject(SubjectKind.ORGANIZATION, span=span, phrase=_printed(head[1:]))
    if head and head_noun in PEOPLE_NOUNS and not looks_like_organization(head):
        return _described(segment, span)
    return NOBODY


def _owned_organization(head: list[Word]) -> tuple[Name, str] | None:
    """ "Mr. Kessler's campaign", "the senator's office": the owner's name and what they own."""
    for i, w in enumerate(head[:-1]):
        if w.possessive and head[-1].lower in ORGANIZATION_NOUNS and i + 2 == len(head):
            name = find_name([*head[:i], Word(w.bare, w.start, w.start + len(w.bare))])
            return (name, head[-1].lower) if name is not None else None
    return None


def _head(segment: list[Word]) -> list[Word]:
    """The words up to the first preposition: "a spokeswoman" of "a spokeswoman for the ministry"."""
    head = []
    for w in segment:
        if w.text in _PREPOSITIONS_AFTER_HEAD:
            break
        head.append(w)
    return head


def _after_clause(segment: list[Word]) -> list[Word]:
    """Without the clause before the subject: "said a friend" of "... said a friend told him"."""
    for i in range(len(segment) - 1, 0, -1):
        word = segment[i - 1]
        if word.text in ("that", "who") or SPEECH_VERBS.get(word.text) is not None and not word.capitalised:
            return segment[i:]
    return segment


def _printed(segment: list[Word]) -> str:
    """The words as printed, a determiner that opens a sentence in lower case: "a spokesman for the mayor"."""
    first = segment[0].text
    if first in ("A", "An", "The", "One", "Another", "Some", "Several", "Two", "Three"):
        first = first.lower()
    return " ".join([first, *(w.text for w in segment[1:])])


def _described(segment: list[Word], span: tuple[int, int]) -> Subject:
    return Subject(SubjectKind.UNKNOWN, span=span, phrase=_printed(segment))


_REFERRING = word_set("the its their his her this that")
_INDEFINITE = word_set("a an one another some several two three many")
_ARTICLES = word_set("a an the one")
_PROXIES = word_set(
    "spokesman spokeswoman spokesperson lawyer lawyers attorney attorneys aide aides adviser advisor "
    "representative agent counsel friend relative"
)
_EPITHET = re.compile(r"\d+-year-old|[A-Z][a-z]+(?:ian|an|ese|ish|i|man|woman)")
_NAME_FOLLOWERS = frozenset(("of", "from", "at", "with", "in", "for"))
_PREPOSITIONS_AFTER_HEAD = word_set("of from at with in for within on who whose by sent released filed")


def _possessor(segment: list[Word], text: str) -> Subject | None:
    """ "Judge Miller's statement", "Part of the judge's statement": the one whose statement it is."""
    for i, w in enumerate(segment):
        if w.possessive and any(DOCUMENT.fullmatch(x.lower) for x in segment[i + 1 : i + 3]):
            owner = segment[:i] + [Word(w.bare, w.start, w.start + len(w.bare))]
            cut = max((j for j, x in enumerate(owner) if x.text == "of"), default=-1)
            return subject_of(owner[cut + 1 :], text, adjacent=False)
    return None


def _appositive(segments: list[list[Word]], text: str) -> Subject:
    """ "The Senate Minority Leader, Chuck Schumer, said", "Sam Rainsy, former leader of the CNRP, said"."""
    candidates = [s for s in segments if s and s[0].lower not in INTRO]
    span = _extent(candidates)
    for segment in candidates:
        if (
            pure_name(segment)
            and (subject := subject_of(segment, text, False, span)).kind == SubjectKind.NAME
        ):
            return subject
    for segment in candidates:
        if (subject := subject_of(segment, text, False, span)).kind == SubjectKind.NAME:
            return subject
    return subject_of(candidates[0], text, False, span) if candidates else NOBODY


def subject_before(text: str, offset: int = 0) -> Subject:
    """The subject right before a verb, `text` being the clause up to the verb: "On Monday, Sam Rainsy"."""
    segments = [trim(s) for s in segments_of(text, offset)]
    while len(segments) > 1 and not segments[-1]:
        segments.pop()
    if not text.rstrip().endswith(",") or len(segments) == 1:
        last = segments[-1]
        for i, w in enumerate(last):
            if w.text in ("who", "which", "whose"):
                last = last[:i]
                break
        if not last and len(segments) > 1 and segments[-1] and segments[-1][0].text == "who":
            # "... a hat designed by Hervé Pierre, who later said": the one the clause is about.
            return _antecedent(segments[-2], text)
        return subject_of(last, text, adjacent=True)
    return _appositive(segments, text)


def _antecedent(segment: list[Word], text: str) -> Subject:
    """The name that ends a phrase, which a following "who" refers to."""
    start = len(segment)
    while start > len(segment) - 6 and (
        is_name_word(segment[start - 1], False) or segment[start - 1].lower in PARTICLES_OF_NAMES
    ):
        start -= 1
    trailing = segment[start:]
    if not trailing or not pure_name(trailing):
        return NOBODY
    subject = subject_of(trailing, text, adjacent=False)
    return subject if subject.kind == SubjectKind.NAME else NOBODY


def subject_after(text: str, offset: int = 0) -> Subject:
    """The speaker named after an inverted verb: "said his father, Abdullah Kurdi, following the ceremony"."""
    segments = [s for s in segments_of(text, offset) if s]
    if not segments:
        return NOBODY
    owner = _possessor(segments[0], text)
    if owner is not None:
        return owner
    for i, segment in enumerate(segments):
        if pure_name(segment) and (subject := subject_of(segment, text, False)).kind == SubjectKind.NAME:
            return replace(subject, span=_extent(segments[: i + 1]))
    for i, segment in enumerate(segments):
        if segment[0].lower in INTRO:
            continue
        subject = subject_of(segment, text, False)
        if subject.kind != SubjectKind.NONE:
            return replace(subject, span=_extent(segments[: i + 1]))
    return NOBODY


def sentence_subject(text: str, offset: int = 0) -> Subject:
    """The subject a clause opens with, for "..., saying" and "X described the plan: ..."."""
    pieces = _pieces(text, offset)
    for piece, start in pieces:
        first = _FIRST_WORD.match(piece)
        if first is None:
            continue
        lowered = first[1].lower()
        if lowered in PRONOUNS:
            return Subject(
                SubjectKind.PRONOUN, role=lowered, span=(start + first.start(1), start + first.end(1))
            )
        if lowered in INTRO or lowered.endswith(("ing", "ly")) and first[1][0].isupper():
            continue
        leading = []
        for m in _LEADING_WORD.finditer(piece):
            w = Word(m[1], start + m.start(1), start + m.end(1))
            after_owner = bool(leading) and leading[-1].possessive  # "the mayor's office"
            if not w.capitalised and w.lower not in ROLES and w.lower not in NOT_ROLES and not w.possessive:
                if after_owner:
                    leading.append(w)
                break
            leading.append(w)
        if not leading or all(w.lower in NOT_ROLES for w in leading):
            return NOBODY
        subject = subject_of(leading, text, adjacent=False)
        if subject.kind != SubjectKind.NAME and len(_WORDS_IN.findall(piece)) <= 8:
            following = next(pieces, None)
            following = words(*following) if following else None
            if following and pure_name(following):
                # "Another voice actor, Lauren Landa, would list ...".
                named = subject_of(following, text, adjacent=False)
                if named.kind == SubjectKind.NAME:
                    return named
        return subject
    return NOBODY


_WORDS_IN = re.compile(r"[^\W\d_]+")
_LEADING_WORD = re.compile(
    rf"""
    \s*(
        (?:[A-Z]\.){{2,}}                                     # "U.S."
      | [^\W_](?:[\w{APOSTROPHES}-]*[^\W_])?[{APOSTROPHES}]?\.?  # "Smith", "Jones’", "Sen."
    )
    """,
    re.VERBOSE,
)
_FIRST_WORD = re.compile(rf"\s*([^\W\d_][\w{APOSTROPHES}-]*)")
