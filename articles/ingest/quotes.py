"""Direct quotes of an article with their speakers, the day they were said, where, and whether featured."""

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field
from itertools import accumulate

from articles.ingest import attribution as attr
from articles.ingest.antecedents import EventKind
from articles.ingest.context import context
from articles.ingest.dates import said_on
from articles.ingest.document import ParsedDocument
from articles.ingest.gazetteer import Gazetteer
from articles.ingest.lexicon.speech import SPEECH_VERBS
from articles.ingest.names import find_name, is_name_word, words
from articles.ingest.places import Place, first_after
from articles.ingest.quotemarks import (
    Span,
    Verdict,
    find_spans,
    in_reported_speech,
    is_quotation,
    quote_style,
)
from articles.ingest.sentences import PLACEHOLDERS, QUOTE, QUOTE_ENDING, sentence_spans
from articles.ingest.sources import SourceKind
from articles.ingest.speakers import UNKNOWN, Speaker, Speakers
from articles.ingest.subjects import SubjectKind, sentence_subject
from articles.ingest.typography import (
    APOSTROPHES,
    LEFT_DOUBLE,
    LEFT_SINGLE,
    QUOTE_CHARS,
    RIGHT_DOUBLE,
    RIGHT_SINGLE,
    STRAIGHT_DOUBLE,
    STRAIGHT_SINGLE,
    comparable,
)


@dataclass(frozen=True)
class ExtractedQuote:
    text: str  # without its quote marks; paragraphs of a quote that runs on joined with "\n\n"
    # A person: the known person's name, else the name as written without titles. An organization: its
    # name (the known one's, if known). An unnamed source: its description as printed.
    speaker: str
    speaker_key: str | None  # the known person's key; None for someone not known yet and for other kinds
    said_on: dt.date
    context: str  # where or how it was said ("on his Facebook page"), or ""
    position: int  # order among the article's quotes, from 0
    paragraph: int  # the body paragraph it starts in, from 0
    featured: bool  # a pull quote repeats it
    kind: SourceKind = SourceKind.PERSON
    # An organization's name; for an unnamed source, the organization its description names, if any
    # ("a spokeswoman for the Ministry of Health"), else None.
    organization: str | None = None
    organization_key: str | None = None  # the known organization's key, else None
    description: str = ""  # an unnamed source's description as printed ("a spokeswoman for the ministry")


@dataclass(frozen=True)
class Unattributed:
    """Words the reader took for a quotation but could not attribute, for an editor to look at."""

    text: str
    paragraph: int  # the body paragraph it starts in, from 0


@dataclass
class _Quotation:
    parts: list[tuple[int, Span]]  # (paragraph, span), more than one for a quote over several paragraphs
    text: str
    accepted: bool = False
    short: bool = False  # a word or two, taken for a quotation for the attribution in its sentence
    marks: list[Place] = field(default_factory=list)  # of each placeholder
    speaker: Speaker | None = None
    said_on: dt.date | None = None
    context: str = ""
    featured: bool = False


def find_quotes(
    document: ParsedDocument, gazetteer: Gazetteer
) -> tuple[list[ExtractedQuote], list[Unattributed]]:
    """The direct quotes of the body with their sources, and the quotations no source was found for."""
    return _Reader(document, gazetteer).read()


# Words that end a sentence: "... the traitors.", "... again?”", "... [.]"
_ENDS_SENTENCE = re.compile(
    rf"""
    (?:[.?!…] | \[\.\])                                  # "traitors.", "again?", "[.]"
    [\s{APOSTROPHES}{STRAIGHT_DOUBLE}{RIGHT_DOUBLE})\]]*$  # ... then only closing marks: "again?”"
    """,
    re.VERBOSE,
)


class _Reader:
    """Reads the quotations of one article and who said them."""

    def __init__(self, document: ParsedDocument, gazetteer: Gazetteer):
        self.document = document
        self.gazetteer = gazetteer
        self.paragraphs = document.paragraphs
        self.published = document.published_at.date()
        self.speakers: Speakers
        self.marks: list[list[int]] = []  # offsets of each frame's placeholders, in order
        self.blank: list[int] = []  # how many blank characters each frame opens with
        self.asides: dict[int, list[tuple[int, str]]] = {}  # "(D-N.Y.)" and where it stood, by frame

    def read(self) -> tuple[list[ExtractedQuote], list[Unattributed]]:
        quotations = self._quotations()
        frames = self._frames(quotations)
        self.blank = [len(frame) - len(frame.lstrip()) for frame in frames]
        sentences = [sentence_spans(frame) for frame in frames]
        self.sentence_starts = [[start for start, _ in spans] for spans in sentences]
        self.speakers = Speakers(self.document, self.gazetteer, frames, sentences, self.asides)
        previous: _Quotation | None = None
        kept: list[_Quotation] = []
        unattributed: list[Unattributed] = []
        for q in sorted((q for q in quotations if q.accepted), key=lambda q: q.marks[0]):
            p, mark = q.marks[0]
            sentence = sentences[p][self._sentence_of(p, mark)]
            self._attribute(q, frames, sentences, sentence, previous)
            if q.speaker not in (None, UNKNOWN):
                self._date(q, previous)
                kept.append(q)
            elif not q.short:
                unattributed.append(Unattributed(q.text, q.parts[0][0]))
            previous = q
        self._featured(kept)
        quotes = [
            ExtractedQuote(
                text=q.text,
                speaker=q.speaker.name,
                speaker_key=q.speaker.key,
                said_on=q.said_on,
                context=q.context,
                position=i,
                paragraph=q.parts[0][0],
                featured=q.featured,
                kind=q.speaker.kind,
                organization=q.speaker.organization,
                organization_key=q.speaker.organization_key,
                description=q.speaker.description,
            )
            for i, q in enumerate(kept)
        ]
        return quotes, unattributed

    def _quotations(self) -> list[_Quotation]:
        style = quote_style(list(self.paragraphs))
        quotations, running = [], None
        for p, paragraph in enumerate(self.paragraphs):
            for k, span in enumerate(find_spans(paragraph, style)):
                # A quote running on: each further paragraph reopens it, only the last closes it.
                if running is not None and k == 0 and not paragraph[: span.start].strip():
                    running.parts.append((p, span))
                else:
                    running = _Quotation([(p, span)], "")
                    quotations.append(running)
                if span.closed:
                    running = None
            if running is not None and running.parts[-1][0] != p:
                running = None
        for q in quotations:
            texts = [span.inner(self.paragraphs[p]).strip() for p, span in q.parts]
            words_quoted = "\n\n".join(t for t in texts if t)
            q.text = _without_trailing_commas(words_quoted)
            p, span = q.parts[0]
            verdict = is_quotation(words_quoted, self.paragraphs[p], span.start) if q.text else Verdict.NOT
            q.short = verdict == Verdict.SHORT
            q.accepted = (
                verdict == Verdict.QUOTATION or q.short and in_reported_speech(self.paragraphs[p], span.start)
            )
        return quotations

    def _frames(self, quotations: list[_Quotation]) -> list[str]:
        """Each paragraph with its quotations as placeholders and scare quotes as a plain word."""
        parts = {}
        for q in quotations:
            for i, (p, span) in enumerate(q.parts):
                parts.setdefault(p, []).append((span, q, i == len(q.parts) - 1))
        frames = []
        for p, paragraph in enumerate(self.paragraphs):
            pieces, position, length, marks = [], 0, 0, []
            # Placeholder characters typed in the copy itself would pass for quotations.
            text = paragraph
            if QUOTE in text or QUOTE_ENDING in text:
                text = text.replace(QUOTE, "\ufffd").replace(QUOTE_ENDING, "\ufffd")
            for span, q, last in sorted(parts.get(p, ()), key=lambda item: item[0].start):
                pieces.append(text[position : span.start])
                length += len(pieces[-1])
                if q.accepted:
                    q.marks.append(Place(p, length))
                    marks.append(length)
                    ends = last and _ENDS_SENTENCE.search(span.inner(paragraph).rstrip(QUOTE_CHARS + " "))
                    pieces.append(QUOTE_ENDING if ends else QUOTE)
                else:
                    inner = span.inner(paragraph)
                    pieces.append("thing." if _ENDS_SENTENCE.search(inner) else "thing")
                length += len(pieces[-1])
                position = span.end
            pieces.append(text[position:])
            self.marks.append(marks)
            # "Sen. Chuck Schumer (D-N.Y.) said": asides in brackets name nobody who speaks, but say who
            # someone is, for "the New York Democrat" later.
            frame = "".join(pieces)
            if "(" in frame:
                self.asides[p] = [(m.start(), m.group()) for m in _ASIDE.finditer(frame)]
                frame = _ASIDE.sub(lambda m: " " * len(m.group()), frame)
            frames.append(frame)
        return frames

    def _attribute(
        self, q: _Quotation, frames: list[str], sentences, sentence: tuple[int, int], previous
    ) -> None:
        p, mark = q.marks[0]
        frame = frames[p]
        start, end = sentence
        previous_mark = self._mark_before(p, mark)
        earlier = previous_mark is not None and previous_mark >= start  # a quotation earlier in the sentence
        clause_start = previous_mark + 1 if earlier else start
        last_p, last_mark = q.marks[-1]
        last_frame = frames[last_p]
        last_sentences = sentences[last_p]
        last_index = self._sentence_of(last_p, last_mark)
        last_sentence = last_sentences[last_index] if last_index is not None else (0, len(last_frame))
        next_mark = first_after(self.marks[last_p], last_mark)
        after_end = last_sentence[1] if next_mark is None else min(last_sentence[1], next_mark)
        after = last_frame[last_mark + 1 : after_end]

        result = None
        if after.strip(_PUNCTUATION):
            found = attr.after_quotation(after)
            if found is not None:
                result = (found, last_p, last_frame, last_sentence, last_mark + 1)
        if result is None:
            window = self._reach(p, mark, start, end)[0]
            clause = frame[window:mark]
            hard = clause.rfind(";") + 1
            found = attr.before_quotation(clause[hard:], max(0, clause_start - window - hard))
            if found is not None:
                result = (found, p, frame, sentence, window + hard)
        if result is None and not after.strip(_PUNCTUATION) and q.text.endswith(("?", "!")):
            # "“Why?” Smith asked.": the next sentence is only the attribution.
            following = None
            if last_index is not None and last_index + 1 < len(last_sentences):
                following = last_sentences[last_index + 1]
            if following is not None and not self._marks_within(last_p, *following):
                found = attr.after_quotation(
                    last_frame[following[0] : min(following[1], following[0] + _REACH)]
                )
                if (
                    found is not None
                    and found.verb < 60
                    and found.subject.kind in (SubjectKind.NAME, SubjectKind.PRONOUN)
                ):
                    result = (found, last_p, last_frame, following, following[0])
        if result is None:
            self._continue(q, frames, earlier, clause_start, after, previous)
            return
        found, where_p, where_frame, where_sentence, base = result
        at = Place(where_p, base + found.subject.span[0])
        q.speaker = self.speakers.person(found.subject, at, q.marks[0])
        self.speakers.antecedents.note(at, q.speaker)
        self._clause_facts(q, found, where_p, where_frame, where_sentence, base)

    def _clause_facts(self, q, found, p: int, frame: str, sentence: tuple[int, int], base: int) -> None:
        verb = base + found.verb
        start, end = self._reach(p, verb, *sentence)
        text = frame[start:end]
        skip = (0, 0)
        if found.subject.kind not in (SubjectKind.PRONOUN, SubjectKind.NONE):
            skip = tuple(min(max(0, base + at - start), len(text)) for at in found.subject.span)
        verb -= start
        blanked = text[: skip[0]] + " " * (skip[1] - skip[0]) + text[skip[1] :]
        q.said_on = said_on(blanked, self.published, verb)
        q.context = context(text, verb, skip)

    def _continue(self, q, frames, earlier, clause_start, after, previous) -> None:
        p, mark = q.marks[0]
        frame = frames[p]
        between = frame[clause_start:mark]
        # "X described him as "..." who was "..." and "...": one speaker for the whole sentence.
        if earlier and previous is not None and previous.marks and previous.marks[-1][0] == p:
            between_words = words(between)
            if (
                len(between_words) <= 15
                and not any(w.text in SPEECH_VERBS for w in between_words)
                and not any(is_name_word(w) for w in between_words)
            ):
                self._inherit(q, previous)
                return
        if between.strip(_PUNCTUATION) or after.strip(_PUNCTUATION):
            return
        who = self.speakers.antecedents.last(Place(p, mark), paragraph=p)
        opens_paragraph = mark <= self.blank[p]
        if who is None and opens_paragraph and p > 0:
            who = self._introduced_by(frames, p - 1)
        if who is None and opens_paragraph:
            candidate = self.speakers.antecedents.last(Place(p), paragraph=p - 1)
            spoke = self.speakers.antecedents.last(
                Place(p), paragraph=p - 1, kinds=(EventKind.QUOTE, EventKind.SPEECH)
            )
            who = candidate if candidate is not None and candidate == spoke else None
        if who is None or who == UNKNOWN:
            q.speaker = who
            return
        q.speaker = who
        self.speakers.antecedents.note(Place(p, mark), who)
        if previous is not None and previous.speaker == who:
            q.said_on, q.context = previous.said_on, previous.context

    def _introduced_by(self, frames: list[str], p: int) -> Speaker | None:
        """The subject of a paragraph that ends with a colon: "Smith put it bluntly:"."""
        frame = frames[p].rstrip()
        if not frame.endswith(":") or self.marks[p]:
            return None
        start = self.speakers.sentences[p][-1][0]
        subject = sentence_subject(frame[start:], start)
        return self.speakers.person(subject, Place(p, start)) if subject.kind != SubjectKind.NONE else None

    def _inherit(self, q: _Quotation, previous: _Quotation) -> None:
        q.speaker = previous.speaker
        q.said_on, q.context = previous.said_on, previous.context

    def _date(self, q: _Quotation, previous: _Quotation | None) -> None:
        if q.said_on is None:
            same = previous is not None and previous.speaker == q.speaker and previous.said_on is not None
            q.said_on = previous.said_on if same else self.published

    def _featured(self, kept: list[_Quotation]) -> None:
        for q in kept:
            q.featured = False
        texts = [comparable(q.text) for q in kept]
        quoted = _Joined(texts)
        for pull in self.document.pull_quotes:
            words_of_pull = comparable(pull.text)
            parts = [
                p.strip(" .")
                for p in re.split(r"\s*(?:\.\.\.|…|\[\.\.\.\])\s*", words_of_pull)
                if p.strip(" .")
            ]
            if not parts:
                continue
            speaker = self._pull_speaker(pull.speaker)
            matches = quoted.holding(parts)
            same = [i for i in matches if speaker is not None and kept[i].speaker == speaker]
            chosen = (same or matches)[:1]
            for i in chosen:
                kept[i].featured = True

    def _reach(self, p: int, offset: int, start: int, end: int) -> tuple[int, int]:
        """The part of the sentence [start, end) of frame `p` read for the quotation or verb at `offset`:
        at most _REACH characters and _QUOTATIONS_AROUND quotations either side of it."""
        marks = self.marks[p]
        k = bisect.bisect_left(marks, offset)
        if k >= _QUOTATIONS_AROUND:
            start = max(start, marks[k - _QUOTATIONS_AROUND] + 1)
        if k + _QUOTATIONS_AROUND < len(marks):
            end = min(end, marks[k + _QUOTATIONS_AROUND])
        return max(start, offset - _REACH), min(end, offset + _REACH)

    def _sentence_of(self, p: int, offset: int) -> int | None:
        """The index of the sentence of paragraph `p` that `offset` stands in."""
        i = bisect.bisect_right(self.sentence_starts[p], offset) - 1
        return i if i >= 0 and offset < self.speakers.sentences[p][i][1] else None

    def _mark_before(self, p: int, offset: int) -> int | None:
        """The offset of the last placeholder before `offset` in frame `p`."""
        marks = self.marks[p]
        k = bisect.bisect_left(marks, offset)
        return marks[k - 1] if k else None

    def _marks_within(self, p: int, start: int, end: int) -> bool:
        """Whether frame `p` has a placeholder in [start, end)."""
        found = first_after(self.marks[p], start - 1)
        return found is not None and found < end

    def _pull_speaker(self, line: str) -> Speaker | None:
        found = find_name(words(line))
        if found is None:
            return None
        return self.speakers.person_named(found, Place.after_body(len(self.paragraphs)))


def _without_trailing_commas(text: str) -> str:
    """ "democratic change," loses the comma that belongs to "he said"; a final . ? or ! stays."""
    text = text.strip()
    while text.endswith((",", "[,]")):
        text = text[: -3 if text.endswith("[,]") else -1].rstrip()
    return text


_ASIDE = re.compile(f"\\([^(){PLACEHOLDERS}]{{0,80}}\\)")
_PUNCTUATION = (
    " .,;:—–-()" + STRAIGHT_DOUBLE + STRAIGHT_SINGLE + LEFT_DOUBLE + RIGHT_DOUBLE + LEFT_SINGLE + RIGHT_SINGLE
)


# How far from a quotation's mark (or its speech verb) its attribution, date and place are read within
# the sentence: _REACH characters of the frame (where each quotation is one), several times any sentence
# of the gold sets (at most 265), and _QUOTATIONS_AROUND quotations. These bounds keep reading linear
# for a copy that is one endless sentence of quotations.
_REACH = 1000
_QUOTATIONS_AROUND = 4


class _Joined:
    """Quotes' comparable texts in one string, to find those holding some words in one scan."""

    def __init__(self, texts: list[str]):
        self.texts = texts
        self.whole = "\n".join(texts)  # comparable() leaves no line breaks inside a text
        self.starts = list(accumulate((len(t) + 1 for t in texts[:-1]), initial=0))

    def holding(self, parts: list[str]) -> list[int]:
        """The indexes of the texts that hold every one of `parts`, in order."""
        found = []
        at = self.whole.find(parts[0])
        while at >= 0:
            i = bisect.bisect_right(self.starts, at) - 1
            if all(part in self.texts[i] for part in parts[1:]):
                found.append(i)
            if i + 1 == len(self.texts):
                break
            at = self.whole.find(parts[0], self.starts[i + 1])
        return found
