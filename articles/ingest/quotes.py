"""Direct quotes of an article with their speakers, the day they were said, where, and whether featured."""

import datetime as dt
import re
from dataclasses import dataclass, field

from articles.ingest import attribution as attr
from articles.ingest.attribution import SubjectKind
from articles.ingest.context import context
from articles.ingest.dates import said_on
from articles.ingest.document import ParsedDocument
from articles.ingest.gazetteer import Gazetteer
from articles.ingest.names import find_name, is_name_word, words
from articles.ingest.places import Place
from articles.ingest.quotemarks import Span, find_spans, is_quotation, quote_style
from articles.ingest.sentences import PLACEHOLDERS, QUOTE, QUOTE_ENDING, sentence_spans
from articles.ingest.speakers import UNKNOWN, EventKind, Speaker, Speakers
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
    speaker: str  # the known person's name, else the name as written without titles
    speaker_key: str | None  # the known person's key; None for someone not known yet
    said_on: dt.date
    context: str  # where or how it was said ("on his Facebook page"), or ""
    position: int  # order among the article's quotes, from 0
    paragraph: int  # the body paragraph it starts in, from 0
    featured: bool  # a pull quote repeats it


@dataclass
class _Quotation:
    parts: list[tuple[int, Span]]  # (paragraph, span), more than one for a quote over several paragraphs
    text: str
    accepted: bool = False
    marks: list[Place] = field(default_factory=list)  # of each placeholder
    speaker: Speaker | None = None
    said_on: dt.date | None = None
    context: str = ""
    featured: bool = False


def find_quotes(document: ParsedDocument, gazetteer: Gazetteer) -> list[ExtractedQuote]:
    """The direct quotes of the body whose speaker is a person the text names; others are dropped."""
    return _Reader(document, gazetteer).read()


# Words that end a sentence: "... the traitors.", "... again?”", "... [.]"
_ENDS_SENTENCE = re.compile(rf"(?:[.?!…]|\[\.\])[\s{APOSTROPHES}{STRAIGHT_DOUBLE}{RIGHT_DOUBLE})\]]*$")


class _Reader:
    """Reads the quotations of one article and who said them."""

    def __init__(self, document: ParsedDocument, gazetteer: Gazetteer):
        self.document = document
        self.gazetteer = gazetteer
        self.paragraphs = document.paragraphs
        self.published = document.published_at.date()
        self.speakers: Speakers

    def read(self) -> list[ExtractedQuote]:
        quotations = self._quotations()
        frames = self._frames(quotations)
        sentences = [sentence_spans(frame) for frame in frames]
        self.speakers = Speakers(self.document, self.gazetteer, frames, sentences)
        previous: _Quotation | None = None
        kept: list[_Quotation] = []
        for q in sorted((q for q in quotations if q.accepted), key=lambda q: q.marks[0]):
            p, mark = q.marks[0]
            sentence = next(s for s in sentences[p] if s[0] <= mark < s[1])
            self._attribute(q, frames, sentences, sentence, previous)
            if q.speaker not in (None, UNKNOWN):
                self._date(q, previous)
                kept.append(q)
            previous = q
        self._featured(kept)
        return [
            ExtractedQuote(
                text=q.text,
                speaker=q.speaker.name,
                speaker_key=q.speaker.key,
                said_on=q.said_on,
                context=q.context,
                position=i,
                paragraph=q.parts[0][0],
                featured=q.featured,
            )
            for i, q in enumerate(kept)
        ]

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
            q.accepted = bool(q.text) and is_quotation(words_quoted, self.paragraphs[p][: span.start])
        return quotations

    def _frames(self, quotations: list[_Quotation]) -> list[str]:
        """Each paragraph with its quotations as placeholders and scare quotes as a plain word."""
        parts = {}
        for q in quotations:
            for i, (p, span) in enumerate(q.parts):
                parts.setdefault(p, []).append((span, q, i == len(q.parts) - 1))
        frames = []
        for p, paragraph in enumerate(self.paragraphs):
            pieces, position = [], 0
            for span, q, last in sorted(parts.get(p, ()), key=lambda item: item[0].start):
                pieces.append(paragraph[position : span.start])
                if q.accepted:
                    q.marks.append(Place(p, sum(map(len, pieces))))
                    ends = last and _ENDS_SENTENCE.search(span.inner(paragraph).rstrip(QUOTE_CHARS + " "))
                    pieces.append(QUOTE_ENDING if ends else QUOTE)
                else:
                    inner = span.inner(paragraph)
                    pieces.append("thing." if _ENDS_SENTENCE.search(inner) else "thing")
                position = span.end
            pieces.append(paragraph[position:])
            # "Sen. Chuck Schumer (D-N.Y.) said": asides in brackets name nobody who speaks.
            frames.append(_ASIDE.sub(lambda m: " " * len(m.group()), "".join(pieces)))
        return frames

    def _attribute(
        self, q: _Quotation, frames: list[str], sentences, sentence: tuple[int, int], previous
    ) -> None:
        p, mark = q.marks[0]
        frame = frames[p]
        start, end = sentence
        earlier = [m for m in _marks(frame, start, mark)]
        clause_start = max([start, *(m + 1 for m in earlier)])
        last_p, last_mark = q.marks[-1]
        last_frame = frames[last_p]
        last_sentences = sentences[last_p]
        last_sentence = next((s for s in last_sentences if s[0] <= last_mark < s[1]), (0, len(last_frame)))
        after_end = min([last_sentence[1], *_marks(last_frame, last_mark + 1, last_sentence[1])])
        after = last_frame[last_mark + 1 : after_end]

        result = None
        if after.strip(_PUNCTUATION):
            found = attr.after_quotation(after)
            if found is not None:
                result = (found, last_p, last_frame, last_sentence, last_mark + 1)
        if result is None:
            clause = frame[start:mark]
            hard = clause.rfind(";") + 1
            found = attr.before_quotation(clause[hard:], max(0, clause_start - start - hard))
            if found is not None:
                result = (found, p, frame, sentence, start + hard)
        if result is None and not after.strip(_PUNCTUATION) and q.text.endswith(("?", "!")):
            # "“Why?” Smith asked.": the next sentence is only the attribution.
            following = next((s for s in last_sentences if s[0] >= last_sentence[1]), None)
            if following is not None and not _marks(last_frame, *following):
                found = attr.after_quotation(last_frame[following[0] : following[1]])
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
        self.speakers.note(at, q.speaker)
        self._clause_facts(q, found, where_frame, where_sentence, base)

    def _clause_facts(self, q, found, frame: str, sentence: tuple[int, int], base: int) -> None:
        text = frame[sentence[0] : sentence[1]]
        skip = (found.subject.span[0] + base - sentence[0], found.subject.span[1] + base - sentence[0])
        if found.subject.kind in (SubjectKind.PRONOUN, SubjectKind.NONE):
            skip = (0, 0)
        verb = found.verb + base - sentence[0]
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
                and not any(w.text in attr.SPEECH_VERBS for w in between_words)
                and not any(is_name_word(w) for w in between_words)
            ):
                self._inherit(q, previous)
                return
        if between.strip(_PUNCTUATION) or after.strip(_PUNCTUATION):
            return
        who = self.speakers.last(Place(p, mark), paragraph=p)
        if who is None and not frame[:mark].strip() and p > 0:
            who = self._introduced_by(frames, p - 1)
        if who is None and not frame[:mark].strip():
            candidate = self.speakers.last(Place(p), paragraph=p - 1)
            spoke = self.speakers.last(Place(p), paragraph=p - 1, kinds=(EventKind.QUOTE, EventKind.SPEECH))
            who = candidate if candidate is not None and candidate == spoke else None
        if who is None or who == UNKNOWN:
            q.speaker = who
            return
        q.speaker = who
        self.speakers.note(Place(p, mark), who)
        if previous is not None and previous.speaker == who:
            q.said_on, q.context = previous.said_on, previous.context

    def _introduced_by(self, frames: list[str], p: int) -> Speaker | None:
        """The subject of a paragraph that ends with a colon: "Smith put it bluntly:"."""
        frame = frames[p].rstrip()
        if not frame.endswith(":") or _marks(frame, 0, len(frame)):
            return None
        start = self.speakers.sentences[p][-1][0]
        subject = attr.sentence_subject(frame[start:], start)
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
            matches = [i for i, text in enumerate(texts) if all(part in text for part in parts)]
            same = [i for i in matches if speaker is not None and kept[i].speaker == speaker]
            chosen = (same or matches)[:1]
            for i in chosen:
                kept[i].featured = True

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


def _marks(frame: str, start: int, end: int) -> list[int]:
    """Offsets of the quotation placeholders in frame[start:end]."""
    found = []
    for placeholder in PLACEHOLDERS:
        at = frame.find(placeholder, start, end)
        while at >= 0:
            found.append(at)
            at = frame.find(placeholder, at + 1, end)
    return sorted(found)
