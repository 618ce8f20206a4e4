"""Who said it, read from the words around a quotation ("he said", "according to X", "X told reporters").

These functions see text in which every quotation is replaced by one placeholder character, so a name
inside quoted words can never be taken for a speaker. They return what the text says (a name, a
pronoun, a role); the article-level memory in speakers.py turns that into a person.
"""

import re
from dataclasses import dataclass
from enum import StrEnum

from articles.ingest.lexicon import (
    ADVERBS,
    CLAUSE_WORDS,
    CONJUNCTIONS,
    HUMAN_NOUNS,
    INTRO,
    PRONOUNS,
    ROLES,
    SPEECH_VERBS,
    SUFFIXES,
    TIME_WORDS,
    VerbForm,
    word_set,
)
from articles.ingest.lexicon import (
    PARTICLES as PARTICLES_OF_NAMES,
)
from articles.ingest.names import (
    NOT_ROLES,
    Name,
    Word,
    find_name,
    is_name_word,
    looks_like_organization,
    role_of,
    words,
)
from articles.ingest.typography import APOSTROPHES

_DOCUMENTS = "statement|tweet|post|letter|message|note|email|speech|remarks|comments|decree|ruling|order|blog"
_DOCUMENT = re.compile(rf"\b(?:{_DOCUMENTS})\b", re.IGNORECASE)
_PARENTHETICAL = re.compile(r"[,—–-]?\s*\bas\s+(?:reported|quoted|cited|told)\s+(?:by|to|in)\b[^,—–]*[,—–]?")
# "went on to say", "would later add": what stands between a subject and a verb in its base form.
_CHAIN = re.compile(
    r"(?:\s+(?:went|goes|go|going|continued|wanted|decided|would|will|did|could|later|also|on|to))+\s*$"
)
# ", and the mayor's office issued a statement calling it ...": a new clause with a subject of its own.
_NEW_CLAUSE = re.compile(r",\s+(?:and|but|while|whereas)\s+(?=\S+\s+\S+)")
_BY = re.compile(r"\s+by\s+(?P<np>[^,;:\ue000\ue001]+?)(?=\s+(?:as|of|that)\b|$)")
_QUOTED_AS = re.compile(r"\b(?:quoted|cited)\s+(?P<np>[^,;:\ue000\ue001]{1,60}?)\s+as\s+$")
# "“...” — Go Myong-hyun, research fellow at the Asan Institute": a name after a dash, in the body.
_DASH = re.compile(r"^\s*[—–]|^\s*--?\s")
_ACCORDING = re.compile(r"\baccording\s+to\s+(?P<np>[^,;:\ue000\ue001]+)", re.IGNORECASE)


class SubjectKind(StrEnum):
    NAME = "name"
    PRONOUN = "pronoun"
    ROLE = "role"
    UNKNOWN = "unknown"  # a person the text does not name
    NONE = "none"  # a group or an organization, or nobody


@dataclass(slots=True)
class Subject:
    """Who the words say is speaking: a name, a pronoun, a role ("the governor"), a nameless person
    ("one of the victims", "a source"), or "none" for a group or an organization."""

    kind: SubjectKind
    name: Name | None = None
    role: str = ""  # the role, or the pronoun
    span: tuple[int, int] = (0, 0)  # the phrase that names the subject, which dates the quote no more


NOBODY = Subject(SubjectKind.NONE)


@dataclass(slots=True)
class Attribution:
    subject: Subject
    verb: int  # offset of the speech verb (or of "according to"), where dates and context are sought


_VERB_FORMS = {*SPEECH_VERBS, *(form.capitalize() for form in SPEECH_VERBS), "pointed", "points"}
_LETTERS = re.compile(rf"(?<![\w{APOSTROPHES}-])[A-Za-z]+")  # "said", not the "s" of "Smith's"
_JOINERS = frozenset(APOSTROPHES + "-")
_WORD_BEFORE = re.compile(rf"([\w{APOSTROPHES}-]+)[^\w{APOSTROPHES}-]*$")  # "would" of "would, he said,"


def _verbs(text: str, offset: int = 0) -> list[tuple[Word, VerbForm]]:
    """(word, kind) of each speech verb in `text`: "finite", "gerund", "base" (after "to", "would") or
    "passive" (after "was")."""
    found = []
    for m in _LETTERS.finditer(text):
        if m.group() not in _VERB_FORMS or text[m.end() : m.end() + 1] in _JOINERS:
            continue
        word = Word(m.group(), m.start() + offset, m.end() + offset)
        previous = _WORD_BEFORE.search(text, max(0, m.start() - 16), m.start())
        before = previous[1] if previous else None
        if word.text in ("pointed", "points"):
            if not text.startswith(" out", m.end()):
                continue
            kind = VerbForm.FINITE
        elif (kind := SPEECH_VERBS.get(word.text)) is None:
            if before is not None or not word.capitalised:
                continue
            kind = SPEECH_VERBS.get(word.text.lower())  # "Remarked Center for Biological Diversity scientist"
        if kind == VerbForm.BASE and before not in ("to", "would", "will", "did", "could"):
            continue
        if before is not None and before.lower() in ("was", "were", "been", "being"):
            kind = VerbForm.PASSIVE
        found.append((word, kind))
    return found


def _segments(text: str, offset: int = 0) -> list[list[Word]]:
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


def _trim(segment: list[Word]) -> list[Word]:
    """Without the adverbs, auxiliaries and times between a subject and its verb."""
    end = len(segment)
    while end and (segment[end - 1].lower in ADVERBS or segment[end - 1].lower in TIME_WORDS):
        end -= 1
    while end and segment[end - 1].text in ("on", "in", "at"):
        end -= 1
    return segment[:end]


def _pure_name(segment: list[Word]) -> bool:
    """A phrase of only a name and titles: "Chuck Schumer", "California Attorney General Xavier Becerra"."""
    if not segment or not (is_name_word(segment[0]) or segment[0].lower in ROLES):
        return False
    return all(is_name_word(w, False) or w.lower in ROLES for w in segment)


def _extent(segments: list[list[Word]]) -> tuple[int, int]:
    present = [s for s in segments if s]
    return (present[0][0].start, present[-1][-1].end) if present else (0, 0)


def _subject_of(segment: list[Word], text: str, adjacent: bool, span: tuple[int, int] | None = None):
    """The speaker a comma-free phrase names; with `adjacent`, the phrase must end with them."""
    if not segment:
        return NOBODY
    span = span or (segment[0].start, segment[-1].end)
    edge = segment[-1] if adjacent else segment[0]
    if edge.lower in PRONOUNS:
        return Subject(SubjectKind.PRONOUN, role=edge.lower, span=(edge.start, edge.end))
    if len(segment) == 2 and segment[0].lower == "the" and _EPITHET.fullmatch(segment[1].text):
        # "the Norwegian said", "the 46-year-old added": the person in view, like "he" or "she".
        return Subject(SubjectKind.PRONOUN, span=(segment[0].start, segment[1].end))
    owner = _possessor(segment, text)
    if owner is not None:
        return Subject(owner.kind, owner.name, owner.role, span)
    proxy = len(segment) > 2 and segment[0].lower in _ARTICLES and segment[1].lower in _PROXIES
    if proxy and segment[2].text in ("for", "to", "of"):
        return Subject(SubjectKind.UNKNOWN, span=span)  # "a spokesman for Sadiq Khan": not Khan speaking
    name = find_name(segment)
    if name is not None:
        rest = [w for w in segment if w.start >= name.end and w.lower not in SUFFIXES]
        ahead = [w for w in segment if w.end <= name.start]
        if ahead and ahead[-1].text in ("and", "&") and any(w.capitalised for w in ahead[:-1]):
            return NOBODY  # "Smith and Jones said": two speakers, not one
        if not adjacent or not rest or rest[0].text in _NAME_FOLLOWERS:
            return Subject(SubjectKind.NAME, name, name.role, span)
    role = role_of(segment[-4:] if adjacent else segment)
    if role:
        return Subject(SubjectKind.ROLE, role=role, span=span)
    head = []
    for w in segment:
        if w.text in _PREPOSITIONS_AFTER_HEAD:
            break
        head.append(w)
    if head and head[-1].lower in HUMAN_NOUNS and not looks_like_organization(head):
        return Subject(SubjectKind.UNKNOWN, span=span)
    return NOBODY


_ARTICLES = word_set("a an the one")
_PROXIES = word_set(
    "spokesman spokeswoman spokesperson lawyer lawyers attorney attorneys aide aides adviser advisor "
    "representative agent counsel friend relative"
)
_EPITHET = re.compile(r"\d+-year-old|[A-Z][a-z]+(?:ian|an|ese|ish|i|man|woman)")
_NAME_FOLLOWERS = frozenset(("of", "from", "at", "with", "in", "for"))
_PREPOSITIONS_AFTER_HEAD = word_set("of from at with in for within on who whose")


def _possessor(segment: list[Word], text: str) -> Subject | None:
    """ "Judge Miller's statement", "Part of the judge's statement": the one whose statement it is."""
    for i, w in enumerate(segment):
        if w.possessive and any(_DOCUMENT.fullmatch(x.lower) for x in segment[i + 1 : i + 3]):
            owner = segment[:i] + [Word(w.bare, w.start, w.start + len(w.bare))]
            cut = max((j for j, x in enumerate(owner) if x.text == "of"), default=-1)
            return _subject_of(owner[cut + 1 :], text, adjacent=False)
    return None


def _appositive(segments: list[list[Word]], text: str) -> Subject:
    """ "The Senate Minority Leader, Chuck Schumer, said", "Sam Rainsy, former leader of the CNRP, said"."""
    candidates = [s for s in segments if s and s[0].lower not in INTRO]
    span = _extent(candidates)
    for segment in candidates:
        if (
            _pure_name(segment)
            and (subject := _subject_of(segment, text, False, span)).kind == SubjectKind.NAME
        ):
            return subject
    for segment in candidates:
        if (subject := _subject_of(segment, text, False, span)).kind == SubjectKind.NAME:
            return subject
    return _subject_of(candidates[0], text, False, span) if candidates else NOBODY


def subject_before(text: str, offset: int = 0) -> Subject:
    """The subject right before a verb, `text` being the clause up to the verb: "On Monday, Sam Rainsy"."""
    segments = [_trim(s) for s in _segments(text, offset)]
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
        return _subject_of(last, text, adjacent=True)
    return _appositive(segments, text)


def _antecedent(segment: list[Word], text: str) -> Subject:
    """The name that ends a phrase, which a following "who" refers to."""
    start = len(segment)
    while start > len(segment) - 6 and (
        is_name_word(segment[start - 1], False) or segment[start - 1].lower in PARTICLES_OF_NAMES
    ):
        start -= 1
    trailing = segment[start:]
    if not trailing or not _pure_name(trailing):
        return NOBODY
    subject = _subject_of(trailing, text, adjacent=False)
    return subject if subject.kind == SubjectKind.NAME else NOBODY


def subject_after(text: str, offset: int = 0) -> Subject:
    """The speaker named after an inverted verb: "said his father, Abdullah Kurdi, following the ceremony"."""
    segments = [s for s in _segments(text, offset) if s]
    if not segments:
        return NOBODY
    owner = _possessor(segments[0], text)
    if owner is not None:
        return owner
    for i, segment in enumerate(segments):
        if _pure_name(segment) and (subject := _subject_of(segment, text, False)).kind == SubjectKind.NAME:
            return Subject(subject.kind, subject.name, subject.role, _extent(segments[: i + 1]))
    for i, segment in enumerate(segments):
        if segment[0].lower in INTRO:
            continue
        subject = _subject_of(segment, text, False)
        if subject.kind != SubjectKind.NONE:
            return Subject(subject.kind, subject.name, subject.role, _extent(segments[: i + 1]))
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
            if not w.capitalised and w.lower not in ROLES and w.lower not in NOT_ROLES and not w.possessive:
                break
            leading.append(w)
        if not leading or all(w.lower in NOT_ROLES for w in leading):
            return NOBODY
        subject = _subject_of(leading, text, adjacent=False)
        if subject.kind != SubjectKind.NAME and len(_WORDS_IN.findall(piece)) <= 8:
            following = next(pieces, None)
            following = words(*following) if following else None
            if following and _pure_name(following):
                # "Another voice actor, Lauren Landa, would list ...".
                named = _subject_of(following, text, adjacent=False)
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


def after_quotation(text: str) -> Attribution | None:
    """An attribution that follows the quotation in its clause: "..., he said", "..., said Smith"."""
    if _DASH.match(text) and (credit := _dash_credit(text)) is not None:
        return credit
    clause = text.lstrip(" ,—–-")
    lead = len(text) - len(clause)
    clause_words = words(clause, lead)
    if not clause_words:
        return None
    according = _ACCORDING.search(text)
    verbs = [] if clause_words[0].lower in CONJUNCTIONS else _verbs(clause, lead)
    if verbs and verbs[0][0].start - lead <= 100 and verbs[0][1] not in (VerbForm.PASSIVE, VerbForm.GERUND):
        word = verbs[0][0]
        before = text[lead : word.start]
        before_words = words(before)
        if all(w.lower in ADVERBS for w in before_words):
            return Attribution(subject_after(text[word.end :], word.end), word.start)
        # "... in an "appalling tragedy" while Interior Minister X wrote": X attributes something else.
        if len(before_words) <= 12 and not any(w.text in CLAUSE_WORDS for w in before_words):
            return Attribution(subject_before(before, lead), word.start)
    if according:
        return _according(according)
    return None


def _dash_credit(text: str) -> Attribution | None:
    """ "— Jane Smith" or "— Jane Smith, a professor at X": a name alone after the dash, perhaps a role."""
    segments = _segments(text)
    first = next((s for s in segments if s), None)
    if first is None or not _pure_name(first) or _verbs(text):
        return None
    subject = _subject_of(first, text, adjacent=False)
    return Attribution(subject, first[0].start) if subject.kind == SubjectKind.NAME else None


def before_quotation(sentence: str, clause_start: int) -> Attribution | None:
    """An attribution before the quotation: "X said:", "according to X,", "X praised Y on Twitter:".

    `sentence` runs from the start of the sentence (or of the clause after a semicolon) to the
    quotation; the attribution is sought from `clause_start` on (after any earlier quotation).
    """
    cleaned = _PARENTHETICAL.sub(lambda m: " " * len(m.group()), sentence)
    text = cleaned[clause_start:]
    according = ([None] + list(_ACCORDING.finditer(text)))[-1]
    verbs = _verbs(text, clause_start)
    if according and (not verbs or verbs[-1][0].start < according.start() + clause_start):
        return _according(according, clause_start)
    if verbs:
        word, kind = verbs[-1]
        before = cleaned[clause_start : word.start].rstrip()
        if kind == VerbForm.PASSIVE:
            by = _BY.match(cleaned, word.end)
            subject = subject_after(by["np"], by.start("np")) if by else NOBODY
            return Attribution(subject, word.start)
        if not before or word.capitalised:
            return Attribution(subject_after(cleaned[word.end :], word.end), word.start)
        if kind == VerbForm.GERUND and (quoted := _QUOTED_AS.search(cleaned, 0, word.start)):
            # "The agency quoted Kim as saying ...": the one quoted is the speaker.
            return Attribution(subject_after(quoted["np"], quoted.start("np")), word.start)
        if kind == VerbForm.GERUND or re.search(r"\b(?:and|but)$", before):
            if kind == VerbForm.GERUND and not before.endswith(","):
                last_comma = cleaned.rfind(",", 0, word.start) + 1
                near = _subject_of(_trim(words(cleaned[last_comma : word.start], last_comma)), cleaned, True)
                if near.kind in (SubjectKind.NAME, SubjectKind.PRONOUN):
                    return Attribution(near, word.start)
            if len(verbs) > 1 and verbs[-2][1] == VerbForm.FINITE:
                # ", said midfielder Paul Pogba, adding: ...": the one who said it adds to it.
                earlier = verbs[-2][0]
                between = cleaned[clause_start : earlier.start]
                subject = (
                    subject_after(cleaned[earlier.end : word.start], earlier.end)
                    if not between.strip(" ,")
                    else subject_before(between, clause_start)
                )
                if subject.kind in (SubjectKind.NAME, SubjectKind.PRONOUN):
                    return Attribution(subject, word.start)
            clause = _NEW_CLAUSE.split(cleaned[: word.start])[-1]
            return Attribution(sentence_subject(clause, word.start - len(clause)), word.start)
        subject_text = cleaned[clause_start : word.start]
        if kind == VerbForm.BASE:
            subject_text = _CHAIN.sub("", subject_text)
        return Attribution(subject_before(subject_text, clause_start), word.start)
    if text.rstrip().endswith(":"):
        return Attribution(sentence_subject(cleaned), len(cleaned.rstrip()) - 1)
    return None


def _according(m: re.Match, offset: int = 0) -> Attribution:
    np, start = m["np"], m.start("np")
    if _DOCUMENT.search(np) and (by := re.search(r"\bby\s+(?P<who>.+)$", np)):
        np, start = by["who"], start + by.start("who")
    subject = subject_after(np, start + offset)
    return Attribution(subject, m.start() + offset)
