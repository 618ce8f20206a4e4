"""Who said it, read from the words around a quotation ("he said", "according to X", "X told reporters").

These functions see text in which every quotation is replaced by one placeholder character, so a name
inside quoted words can never be taken for a speaker. They find the speech verb and the phrase that
names its subject; subjects.py reads what that phrase says (a name, a pronoun, a role), and the
article-level memory in speakers.py turns that into a person.
"""

import re
from dataclasses import dataclass

from articles.ingest.lexicon.speech import (
    ADVERBS,
    CLAUSE_WORDS,
    CONJUNCTIONS,
    DETERMINERS,
    SPEECH_VERBS,
    VerbForm,
)
from articles.ingest.names import Word, words
from articles.ingest.subjects import (
    DOCUMENT,
    NOBODY,
    Subject,
    SubjectKind,
    pure_name,
    segments_of,
    sentence_subject,
    subject_after,
    subject_before,
    subject_of,
    trim,
)
from articles.ingest.typography import APOSTROPHES

# ", as reported by the BBC,", "as told to Reuters": an aside that names no speaker.
_PARENTHETICAL = re.compile(
    r"""
    [,—–-]?\s*\bas\s+                        # ", as "
    (?:reported|quoted|cited|told)\s+        # "reported "
    (?:by|to|in)\b[^,—–]*[,—–]?              # "by the BBC,"
    """,
    re.VERBOSE,
)
# "went on to say", "would later add": what stands between a subject and a verb in its base form.
_CHAIN = re.compile(
    r"(?:\s+(?:went|goes|go|going|continued|wanted|decided|would|will|did|could|later|also|on|to))+\s*$"
)
# ", and the mayor's office issued a statement calling it ...": a new clause with a subject of its own.
_NEW_CLAUSE = re.compile(r",\s+(?:and|but|while|whereas)\s+(?=\S+\s+\S+)")
# " by the minister", after a passive verb: "was told by the minister that".
_BY = re.compile(
    r"""
    \s+by\s+(?P<np>[^,;:\ue000\ue001]+?)       # " by the minister" (no quotation inside)
    (?=\s+(?:as|of|that)\b|$)                 # ... up to "as", "of", "that" or the end
    """,
    re.VERBOSE,
)
# "The paper quoted the minister as saying": the one quoted.
_QUOTED_AS = re.compile(
    r"""
    \b(?:quoted|cited)\s+                     # "quoted "
    (?P<np>[^,;:\ue000\ue001]{1,60}?)           # "the minister"
    \s+as\s+$                                # " as " (then "saying")
    """,
    re.VERBOSE,
)
# "“...” — Go Myong-hyun, research fellow at the Asan Institute": a name after a dash, in the body.
_DASH = re.compile(r"^\s*[—–―]|^\s*--?\s")
_ACCORDING = re.compile(r"\baccording\s+to\s+(?P<np>[^,;:\ue000\ue001]+)", re.IGNORECASE)


@dataclass(slots=True)
class Attribution:
    subject: Subject
    verb: int  # offset of the speech verb (or of "according to"), where dates and context are sought


# "pointed out", "shot back", "fired back", "hit back": verbs of speech only with their particle.
_WITH_PARTICLE = {"pointed": " out", "points": " out", "shot": " back", "fired": " back", "hit": " back"}
_VERB_FORMS = {*SPEECH_VERBS, *(form.capitalize() for form in SPEECH_VERBS), *_WITH_PARTICLE}
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
        if word.text in _WITH_PARTICLE:
            if not text.startswith(_WITH_PARTICLE[word.text], m.end()):
                continue
            kind = VerbForm.FINITE
        elif (kind := SPEECH_VERBS.get(word.text)) is None:
            if before is not None or not word.capitalised:
                continue
            kind = SPEECH_VERBS.get(word.text.lower())  # "Remarked Center for Biological Diversity scientist"
        if kind == VerbForm.BASE and before not in ("to", "would", "will", "did", "could"):
            continue
        if before is not None and before.lower() in DETERMINERS:  # "dismissed the claims as"
            continue
        if before is not None and before.lower() in ("was", "were", "been", "being"):
            kind = VerbForm.PASSIVE
        found.append((word, kind))
    return found


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
    segments = segments_of(text)
    first = next((s for s in segments if s), None)
    if first is None or not pure_name(first) or _verbs(text):
        return None
    subject = subject_of(first, text, adjacent=False)
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
                near = subject_of(trim(words(cleaned[last_comma : word.start], last_comma)), cleaned, True)
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
    if DOCUMENT.search(np) and (by := re.search(r"\bby\s+(?P<who>.+)$", np)):
        np, start = by["who"], start + by.start("who")
    subject = subject_after(np, start + offset)
    return Attribution(subject, m.start() + offset)
