"""Who was last in view at a place of the article: the antecedent that "he", "she" and "it" refer to,
and the speaker a quotation with no attribution of its own continues. Sentences are read only as far
back as a question needs, and positions found empty are skipped for good, so that asking for every
quotation of a long copy costs time in proportion to its length, not its square."""

import bisect
import re
from enum import StrEnum
from typing import TYPE_CHECKING

from articles.ingest.lexicon.speech import NOT_SUBJECT_AFTER, NOT_VERBS, SPEECH_VERBS
from articles.ingest.names import Name
from articles.ingest.places import Place
from articles.ingest.sentences import QUOTE, QUOTE_ENDING
from articles.ingest.sources import Speaker
from articles.ingest.subjects import SubjectKind, sentence_subject
from articles.ingest.typography import APOSTROPHES

if TYPE_CHECKING:
    from articles.ingest.speakers import Speakers


class EventKind(StrEnum):
    """How a person came into view: quoted, as the subject of a speech verb, as a sentence's subject."""

    QUOTE = "quote"
    SPEECH = "speech"
    SUBJECT = "subject"


_ANYONE = tuple(EventKind)
_NEXT_WORD = re.compile(rf"[ ]+([^\W\d_][\w{APOSTROPHES}-]*)")
_PREVIOUS_WORD = re.compile(rf"([^\W\d_][\w{APOSTROPHES}-]*)[ ]+$")

# A pronoun fits someone whose gender is unknown, but "it" only an organization or a document.
_DEFAULT = {"he": "he", "she": "she"}
# "he", "his", "she", "her": the forms that say a person's gender, in the text between quotations.
_GENDERED_FORMS = re.compile(r"\b(?:he|him|his|himself|she|her|hers|herself)\b", re.IGNORECASE)
_GENDER_OF = dict.fromkeys(("he", "him", "his", "himself"), "he") | dict.fromkeys(
    ("she", "her", "hers", "herself"), "she"
)


def place_of(entry) -> Place:
    return entry[0]


def _last_quote(frame: str, end: int) -> int:
    """Offset of the last quotation before `end` in a paragraph, or -1."""
    return max(frame.rfind(QUOTE, 0, end), frame.rfind(QUOTE_ENDING, 0, end))


class _Passed:
    """Positions a backward search found no one at, for good, skipped in amortised constant time: each
    is linked to the one before it (a union-find with path compression), so that asking "who was last
    in view?" for every quote of a long copy costs time in proportion to its length, not its square."""

    __slots__ = ("_before",)

    def __init__(self):
        self._before: dict[int, int] = {}

    def first_from(self, i: int) -> int:
        """The greatest position <= i not passed over (below 0 when none is left)."""
        before, root = self._before, i
        while root in before:
            root = before[root]
        while i != root:
            before[i], i = root, before[i]
        return root

    def pass_over(self, i: int) -> None:
        self._before[i] = i - 1


class Antecedents:
    """Who was in view before any place of the `speakers`' article: named, as a subject, or quoted."""

    def __init__(self, speakers: "Speakers"):
        self.speakers = speakers
        self.frames: list[str] = speakers.frames
        self.sentences: list[list[tuple[int, int]]] = speakers.sentences
        self.genders: dict[Speaker, str] = speakers.genders
        # The sentences in one sequence: paragraph p's are numbered from _first[p].
        self._first = [0]
        for spans in self.sentences:
            self._first.append(self._first[-1] + len(spans))
        self._sentence_starts = [[start for start, _ in spans] for spans in self.sentences]
        self._passed_sentences: dict[tuple, _Passed] = {}  # by (kinds, pronoun)
        self._subjects: dict[tuple[int, int], list[tuple[Place, Speaker, EventKind]]] = {}
        self._building: set[tuple[int, int]] = set()  # sentences whose events are being read
        # Quotations attributed so far, in order of place: all, and by pronoun less those of people
        # since called the other one.
        self.quoted: list[tuple[Place, Speaker]] = []
        self._quoted_fitting: dict[str, list[tuple[Place, Speaker]]] = {}
        self.unknown: list[Place] = []  # where people the text does not name were quoted
        self._passed_runs: dict[tuple[int, str], _Passed] = {}
        self._genders_read = False

    def _sentence_events(self, p: int, i: int) -> list[tuple[Place, Speaker, EventKind]]:
        """Who sentence `i` of paragraph `p` is about: its opening subject, and names before a verb."""
        if (p, i) in self._subjects:
            return self._subjects[(p, i)]
        events = self._subjects[(p, i)] = []
        self._building.add((p, i))
        frame = self.frames[p]
        start, end = self.sentences[p][i]
        opening = frame[start:end]
        cut = min((k for k in (opening.find(QUOTE), opening.find(QUOTE_ENDING)) if k >= 0), default=-1)
        subject = sentence_subject(opening[:cut] if cut >= 0 else opening, start)
        # Names that are subjects of a clause first: "When Pryce took the stage, he ..." is Pryce.
        runs = self.speakers.paragraph_runs(p)
        for k in range(bisect.bisect_left(self.speakers.run_starts[p], start), len(runs)):
            run_start, run_end, name = runs[k]
            if run_start >= end:
                break
            if event := self._run_event(p, frame, run_start, run_end, name):
                events.append(event)
        if subject.kind != SubjectKind.NONE:
            at = Place(p, subject.span[0])
            if (who := self.speakers.person(subject, at)) is not None:
                events.append((at, who, EventKind.SUBJECT))
        events.sort(key=place_of)
        self._building.discard((p, i))
        return events

    def _run_event(self, p: int, frame: str, start: int, end: int, name: Name):
        """A name followed by a verb inside a clause: "after Spanton smoked", "with Zinichev describing"."""
        following = _NEXT_WORD.match(frame, end)
        if following is None or following[1][0].isupper() or following[1] in NOT_VERBS:
            return None
        before = _PREVIOUS_WORD.search(frame, max(0, start - 30), start)
        if before is not None and before[1].lower() in NOT_SUBJECT_AFTER:
            return None
        at = Place(p, name.start)
        who = self.speakers.person_named(name, at)
        speech = any(w in SPEECH_VERBS for w in frame[end : end + 40].split()[:3])
        kind = EventKind.SPEECH if speech else EventKind.SUBJECT
        return (at, who, kind) if who is not None else None

    def read_genders(self) -> None:
        """ "He" or "she" for each person the article calls only one of these, always, in a sentence that
        names nobody else, after their name ("Price says she has none"), unless the article already says."""
        if self._genders_read:
            return
        self._genders_read = True
        called: dict[Speaker, set[str]] = {}
        for p, spans in enumerate(self.sentences):
            runs, starts = self.speakers.paragraph_runs(p), self.speakers.run_starts[p]
            k = 0
            for start, end in spans:
                k = bisect.bisect_left(starts, start, k)
                people, after = set(), start
                while k < len(runs) and runs[k][0] < end:
                    run_start, run_end, name = runs[k]
                    who = self.speakers.person_named(name, Place(p, run_start))
                    if who is not None and who.person:
                        people.add(who)
                        after = run_end
                    k += 1
                if len(people) == 1 and (gender := self._subject_pronoun(p, after, end)):
                    called.setdefault(people.pop(), set()).add(gender)
        for who, genders in called.items():
            if len(genders) == 1:
                self.genders.setdefault(who, genders.pop())

    def _subject_pronoun(self, p: int, start: int, end: int) -> str | None:
        """ "he" or "she" when that is how the words of frame `p` from `start` to `end` first refer to
        someone, and the only gender they refer to: "says she has none", not "pressed her, and she"."""
        found = [m.group().lower() for m in _GENDERED_FORMS.finditer(self.frames[p], start, end)]
        if not found or found[0] not in _DEFAULT or len({_GENDER_OF[form] for form in found}) != 1:
            return None
        return found[0]

    def last_named(self, at: Place, pronoun: str, after: Place | None, quote: Place) -> Speaker | None:
        """The person last named in full in this paragraph or the one before, for a "she" that no
        subject explains: "Among them was retired teacher Margaret Holt. “...,” she said"."""
        bound = None
        if after is not None:
            bound = max(
                after, Place(quote.paragraph, _last_quote(self.frames[quote.paragraph], quote.offset))
            )
        for p in (at.paragraph, at.paragraph - 1):
            if p < 0:
                break
            runs = self.speakers.paragraph_runs(p)
            before = (
                bisect.bisect_left(self.speakers.run_starts[p], at.offset) if p == at.paragraph else len(runs)
            )
            passed = self._passed_runs.setdefault((p, pronoun), _Passed())
            j = passed.first_from(before - 1)
            while j >= 0:
                start, _, name = runs[j]
                if not name.single:
                    if bound is not None and Place(p, start) <= bound:
                        return None
                    who = self.speakers.person_named(name, Place(p, start))
                    if who is not None and self.genders.get(who, _DEFAULT.get(pronoun)) == pronoun:
                        return who
                # Nobody, or someone called the other: never the one for this pronoun.
                passed.pass_over(j)
                j = passed.first_from(j - 1)
        return None

    def last(
        self, at: Place, paragraph: int | None = None, kinds=_ANYONE, pronoun: str = ""
    ) -> Speaker | None:
        """Who was last in view before `at` (in `paragraph` only, if given), someone "he" or "she" can
        refer to when `pronoun` is one of these: a person last called the other is passed over.

        The later of the last quotation attributed and the last sentence that has someone in view wins.
        """

        def fits(who: Speaker) -> bool:
            return not pronoun or self.genders.get(who, _DEFAULT.get(pronoun)) == pronoun

        quoted = self._last_quoted(at, paragraph, pronoun) if EventKind.QUOTE in kinds else None
        if paragraph is None:
            lo, p = 0, min(at.paragraph, len(self.sentences) - 1)
        elif 0 <= paragraph <= at.paragraph:
            lo, p = self._first[paragraph], paragraph
        else:
            return quoted[1] if quoted is not None else None
        if p < 0:
            return quoted[1] if quoted is not None else None
        before = bisect.bisect_left(self._sentence_starts[p], at.offset) if p == at.paragraph else None
        passed = self._passed_sentences.setdefault((kinds, pronoun), _Passed())
        g = passed.first_from(self._first[p + 1 if before is None else p] + (before or 0) - 1)
        while g >= lo:
            p = bisect.bisect_right(self._first, g) - 1
            i = g - self._first[p]
            if quoted is not None and quoted[0].paragraph > p:
                break
            start, end = self.sentences[p][i]
            if quoted is not None and quoted[0] >= Place(p, end):
                return quoted[1]
            found, fitting = None, False
            for event in reversed(self._sentence_events(p, i)):
                if event[2] in kinds and fits(event[1]):
                    fitting = True
                    if event[0] < at:
                        found = event
                        break
            if found is not None:
                return quoted[1] if quoted is not None and quoted[0] > found[0] else found[1]
            if not fitting and (p, i) not in self._building:
                passed.pass_over(g)
            g = passed.first_from(g - 1)
        return quoted[1] if quoted is not None else None

    def _last_quoted(self, at: Place, paragraph: int | None, pronoun: str) -> tuple[Place, Speaker] | None:
        """The last quotation before `at` (in `paragraph`, if given) attributed to someone who fits."""
        if not pronoun:
            quoted = self.quoted
        elif (quoted := self._quoted_fitting.get(pronoun)) is None:
            quoted = self._quoted_fitting[pronoun] = list(self.quoted)
        i = bisect.bisect_left(quoted, at, key=place_of)
        lo = 0
        if paragraph is not None:
            lo = bisect.bisect_left(quoted, Place(paragraph), key=place_of)
            i = min(i, bisect.bisect_left(quoted, Place(paragraph + 1), key=place_of))
        while i > lo:
            i -= 1
            who = quoted[i][1]
            if not pronoun or self.genders.get(who, _DEFAULT.get(pronoun)) == pronoun:
                return quoted[i]
            del quoted[i]  # called the other: never the one for this pronoun
        return None

    def note(self, at: Place, who: Speaker | None) -> None:
        """Remember that the quotation whose attribution stands at `at` is `who`'s."""
        if who is None:
            return
        for quoted in (self.quoted, *self._quoted_fitting.values()):
            bisect.insort(quoted, (at, who), key=place_of)
        if who.unnamed:
            bisect.insort(self.unknown, at)
