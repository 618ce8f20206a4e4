"""Finding quotations by their marks: curly or straight, nested, and apostrophes that are not marks."""

import re
from dataclasses import dataclass
from enum import StrEnum

from articles.ingest.lexicon.speech import REPORTING_FORMS
from articles.ingest.places import first_after
from articles.ingest.typography import (
    APOSTROPHES,
    CLOSING_DOUBLE,
    DOUBLE_MARKS,
    LEFT_DOUBLE,
    LEFT_SINGLE,
    OPENING_DOUBLE,
    QUOTE_CHARS,
    RIGHT_SINGLE,
    SINGLE_MARKS,
    STRAIGHT_DOUBLE,
    STRAIGHT_SINGLE,
)

_BEFORE_OPENING = " \t([{—–-/…"
_AFTER_CLOSING = " \t,.;:!?)]}—–-…" + APOSTROPHES
# Apostrophes that stand for dropped letters, which open no quotation.
_ELISIONS = re.compile(
    rf"""
    [{STRAIGHT_SINGLE}{RIGHT_SINGLE}{LEFT_SINGLE}]
    (?:
        \d\d                  # "the ’90s"
      | em\b | til\b          # "let ’em", "’til dawn"
      | cause\b | tis\b       # "’cause", "’tis"
      | n[{APOSTROPHES}]      # "rock ’n’ roll"
    )
    """,
    re.VERBOSE | re.IGNORECASE,
)
# Words, with their inner apostrophes and hyphens: "don’t", "well-known", "2019".
_WORDS = re.compile(rf"[^\W_]+(?:[{APOSTROPHES}-][^\W_]+)*")
_SMALL_WORDS = frozenset(("a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "with", "by"))
# Words just before an opening mark that make what follows a name or a title, not a quotation.
_NAMING = re.compile(
    r"""
    (?:\b(?:
        called | named | titled | entitled | dubbed | nicknamed    # a campaign called "Hope Not Hate"
      | labell?ed | known\s+as | so-called                         # the so-called "deal of the century"
      | the\s+(?:words? | terms? | phrases? | slogans? | hashtags? # the hashtag "#MeToo"
            | mottos? | names? | titles? | headlines?)
    ))
    \s*$
    """,
    re.VERBOSE | re.IGNORECASE,
)


# The mark comes first so that the regular expression engine can skip ahead to candidates quickly.
_SINGLE_OPENING = re.compile(
    rf"""
    [{STRAIGHT_SINGLE}{LEFT_SINGLE}]                          # a single mark
    (?<![^\s(\[—–][{STRAIGHT_SINGLE}{LEFT_SINGLE}])          # at the start or after a space, bracket or dash
    (?=[^\W\d_])                                             # before a letter: " ‘Chaos,’ he said"
    """,
    re.VERBOSE,
)
_DOUBLE_MARK = re.compile(f"[{DOUBLE_MARKS}]")
# Single quotations are read in straight and curly marks only; ‚ ‛ ‹ › are left as they are.
_SINGLES = STRAIGHT_SINGLE + LEFT_SINGLE + RIGHT_SINGLE
_SINGLE_MARK = re.compile(f"[{_SINGLES}]")
# "Anna Franowska of ", "a grant from ": a name of an organization or a work follows.
_AFTER_PREPOSITION = re.compile(r"\b(?:of|from|at|for|by|with)\s*$")
_OPENING_RUN = " " + STRAIGHT_DOUBLE + STRAIGHT_SINGLE + LEFT_DOUBLE + LEFT_SINGLE
_PUNCTUATED = re.compile(r"[.!?,;:]")  # "Have no fear" is a name; "Have no fear, we are here" is not
_SENTENCE_INSIDE = re.compile(r"[.!?,;:]\s")  # "Make America Great Again" is a title; "Go. Now." is not


@dataclass(slots=True)
class Span:
    """A quotation in one paragraph, its marks at `start` and `end - 1` (no closing mark unless `closed`)."""

    start: int
    end: int
    closed: bool

    def inner(self, paragraph: str) -> str:
        return paragraph[self.start + 1 : self.end - 1 if self.closed else self.end]


class Verdict(StrEnum):
    QUOTATION = "quotation"
    SHORT = "short"  # a word or two: a quotation only inside reported speech ("called it “a dodge”")
    NOT = "not"  # scare quotes, a name, a title of a work


class QuoteStyle(StrEnum):
    DOUBLE = "double"  # “quotations in double marks, ‘nesting’ singles”
    SINGLE = "single"  # ‘quotations in single marks, “nesting” doubles’


def quote_style(paragraphs: list[str]) -> QuoteStyle:
    """The style of the copy's quotations, double or single marks."""
    text = "\n".join(paragraphs)
    doubles = sum(text.count(mark) for mark in OPENING_DOUBLE) + text.count(STRAIGHT_DOUBLE) / 2
    singles = len(_SINGLE_OPENING.findall(text))
    return QuoteStyle.DOUBLE if doubles >= singles else QuoteStyle.SINGLE


def find_spans(paragraph: str, style: QuoteStyle) -> list[Span]:
    """The quotations of a paragraph in copy of the given style; a paragraph marked only the other way
    is read that way ("‘Chaos,’ he said" in copy that otherwise uses double marks)."""
    doubles = _DOUBLE_MARK.search(paragraph) is not None
    singles = _SINGLE_MARK.search(paragraph) is not None
    opens_single = singles and _SINGLE_OPENING.search(paragraph) is not None
    if style == QuoteStyle.DOUBLE and not doubles and opens_single:
        style = QuoteStyle.SINGLE
    elif style == QuoteStyle.SINGLE and doubles and not opens_single:
        style = QuoteStyle.DOUBLE
    if style == QuoteStyle.DOUBLE:
        return _double_spans(paragraph) if doubles else []
    return _single_spans(paragraph) if singles else []


def _double_spans(text: str) -> list[Span]:
    spans, depth, start, opener = [], 0, 0, ""
    n = len(text)
    for m in _DOUBLE_MARK.finditer(text):
        i, c = m.start(), m.group()
        if c in OPENING_DOUBLE:
            if depth and opener == "„" and c == LEFT_DOUBLE:
                depth = 0
                spans.append(Span(start, i + 1, True))
            elif depth:
                depth += 1
            else:
                depth, start, opener = 1, i, c
        elif c in CLOSING_DOUBLE:
            if depth:
                depth -= 1
                if not depth:
                    spans.append(Span(start, i + 1, True))
        elif c == STRAIGHT_DOUBLE:
            before = text[i - 1] if i else " "
            after = text[i + 1] if i + 1 < n else " "
            can_open = before in _BEFORE_OPENING and not after.isspace()
            can_close = not before.isspace() and after in _AFTER_CLOSING
            if not depth:
                if can_open or not can_close and not after.isspace():
                    depth, start, opener = 1, i, c
            elif can_close or not can_open:
                depth -= 1
                if not depth:
                    spans.append(Span(start, i + 1, True))
            else:
                depth += 1
    if depth:
        spans.append(Span(start, n, False))
    return spans


def _single_spans(text: str) -> list[Span]:
    # Each opening mark takes the first closing mark that cannot be an apostrophe; failing that, the
    # first one that might be a plural possessive ("the students' union").
    n = len(text)
    openers, strong, weak = [], [], []
    for m in _SINGLE_MARK.finditer(text):
        i, c = m.start(), m.group()
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < n else " "
        if before.isalnum() and after.isalnum():
            continue
        if (
            c != RIGHT_SINGLE
            and before in _BEFORE_OPENING
            and (after.isalpha() or after in LEFT_DOUBLE + STRAIGHT_DOUBLE + "([")
        ):
            if not _ELISIONS.match(text, i):
                openers.append(i)
        elif c != LEFT_SINGLE and not before.isspace() and after in _AFTER_CLOSING:
            plural = before in "sSnN" and after == " " and text[i + 2 : i + 3].islower()
            (weak if plural else strong).append(i)
    spans, position = [], -1
    for start in openers:
        if start <= position:
            continue
        end = first_after(strong, start)
        if end is None:
            end = first_after(weak, start)
        if end is None:
            spans.append(Span(start, n, False))
            break
        spans.append(Span(start, end + 1, True))
        position = end
    return spans


def is_quotation(inner: str, paragraph: str, start: int) -> Verdict:
    """Whether quoted words are a quotation rather than scare quotes, a name or a title of a work.

    `start` is the offset of the opening mark in `paragraph`. Two words in quotes are SHORT, a quotation
    only in reported speech, unless they stand as an utterance of their own: "“Never again,” she said",
    "She said: “Never again.”". A single word is none.
    """
    before = paragraph[max(0, start - 40) : start]  # as much of the words before as is read
    if len(inner.split()) > 8:
        return Verdict.NOT if _NAMING.search(before) else Verdict.QUOTATION
    found = _WORDS.findall(inner)
    verdict = Verdict.QUOTATION
    if len(found) == 2:
        lead = start
        while lead and paragraph[lead - 1] in _OPENING_RUN:
            lead -= 1
        alone = not lead or paragraph[lead - 1] in ":.?!"
        if not (alone and inner.rstrip()[-1:] in ",.?!"):
            verdict = Verdict.SHORT
    elif len(found) < 2:
        return Verdict.NOT
    if _NAMING.search(before):
        return Verdict.NOT
    # "Anna Franowska of "Have no fear", a charity": a name after a preposition.
    short_name = len(found) <= 6 and inner[:1].isupper() and not _PUNCTUATED.search(inner.strip())
    if short_name and _AFTER_PREPOSITION.search(before[-12:]):
        return Verdict.NOT
    if len(found) <= 8 and not _SENTENCE_INSIDE.search(inner.strip()):
        significant = [w for w in found if w.lower() not in _SMALL_WORDS]
        if significant and all(w[0].isupper() or w[0].isdigit() for w in significant):
            return Verdict.NOT
    return verdict


def in_reported_speech(paragraph: str, start: int) -> bool:
    """Whether a quotation of a word or two at `start` stands in reported speech: after a speech verb in
    its sentence ("called it “deeply troubling”", "said the senator “supports transparency”")."""
    before = paragraph[max(0, start - _SHORT_REACH) : start]
    last = None
    for last in _SENTENCE_END.finditer(before):  # noqa: B007 (the last one is wanted)
        pass
    if last is not None:
        before = before[last.end() :]
    return any(m.group() in _SPEECH_FORMS for m in _WORD_IN.finditer(before))


_SHORT_REACH = 120
# Where the words read for a short quotation's reporting verb stop: a sentence's end or another mark.
_SENTENCE_END = re.compile(
    rf"""
      [.?!][{QUOTE_CHARS})]*\s+(?=[A-Z{QUOTE_CHARS}])   # "... ended. The", "ended.” He"
    | [{DOUBLE_MARKS}]                                  # any double mark
    | (?<!\w)[{SINGLE_MARKS}] | [{SINGLE_MARKS}](?!\w)   # a single mark that is no apostrophe: " ‘", "’ "
    """,
    re.VERBOSE,
)
_WORD_IN = re.compile(r"[a-z]+")
_SPEECH_FORMS = REPORTING_FORMS - {"read"}
