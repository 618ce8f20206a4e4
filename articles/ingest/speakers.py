"""The article's memory of people: full names for surnames, roles ("the governor"), and who was last
in view for "he" and "she". It is built only as far as a quote needs it: most quotes name their speaker
in full, and then nothing of it is read at all."""

import bisect
import re
from dataclasses import dataclass
from enum import StrEnum

from articles.ingest import attribution as attr
from articles.ingest.attribution import SubjectKind
from articles.ingest.document import ParsedDocument
from articles.ingest.gazetteer import EntityKind, Gazetteer
from articles.ingest.lexicon import GENDERED, NOT_SUBJECT_AFTER, NOT_VERBS, SPEECH_VERBS
from articles.ingest.names import MODIFIERS, Name, capitalised_groups, name_runs
from articles.ingest.places import HEADLINE, STANDFIRST, Place
from articles.ingest.sentences import QUOTE, QUOTE_ENDING
from articles.ingest.typography import APOSTROPHES, fold, straighten


@dataclass(frozen=True, slots=True)
class Speaker:
    """Someone the article names: a known person (with their key) or a name as written (key None)."""

    name: str
    key: str | None


UNKNOWN = Speaker("", None)  # someone the text does not name ("one of the victims")


class EventKind(StrEnum):
    """How a person came into view: quoted, as the subject of a speech verb, as a sentence's subject."""

    QUOTE = "quote"
    SPEECH = "speech"
    SUBJECT = "subject"


_ANYONE = tuple(EventKind)
_NEXT_WORD = re.compile(rf"[ ]+([^\W\d_][\w{APOSTROPHES}-]*)")
_PREVIOUS_WORD = re.compile(rf"([^\W\d_][\w{APOSTROPHES}-]*)[ ]+$")


def _last_quote(frame: str, end: int) -> int:
    """Offset of the last quotation before `end` in a paragraph, or -1."""
    return max(frame.rfind(QUOTE, 0, end), frame.rfind(QUOTE_ENDING, 0, end))


def _modifier_only(role: str) -> bool:
    return all(word in MODIFIERS or word in ("a", "an", "the", "his", "her") for word in role.split())


class Speakers:
    """Who the article names where, at places in the paragraphs as `frames` (quotations as placeholders),
    the headline and the standfirst."""

    def __init__(self, document: ParsedDocument, gazetteer: Gazetteer, frames, sentences):
        self.document = document
        self.gazetteer = gazetteer
        self.frames: list[str] = frames
        self.sentences: list[list[tuple[int, int]]] = sentences  # (start, end) in each frame
        self.quote_events: list[tuple[Place, Speaker, EventKind]] = []  # (where, who, EventKind.QUOTE)
        self.genders: dict[Speaker, str] = {}  # "he" or "she", as the article calls them
        self._subjects: dict[tuple[int, int], list[tuple[Place, Speaker, EventKind]]] = {}
        self._names: list[tuple[Place, Name, tuple[str, ...]]] | None = None
        self._roles: list[tuple[Place, str, Speaker | None]] = []
        self._organization_words: set[str] = set()
        self._runs: dict[int, list[tuple[int, int, Name]]] = {}

    def _scan_names(self) -> list:
        """The full names in the whole article (with the roles written before them), for surnames."""
        if self._names is not None:
            return self._names
        self._names = []
        for index in (HEADLINE, STANDFIRST, *range(len(self.frames))):
            for _, _, name in self._paragraph_runs(index):
                if name.single:
                    continue
                at = Place(index, name.start)
                self._names.append((at, name, tuple(fold(part) for part in name.text.split())))
                if name.role:
                    self._roles.append((at, name.role, self.person_named(name, at)))
        return self._names

    def _paragraph_runs(self, index: int) -> list[tuple[int, int, Name]]:
        """(start, end, name) of the names in paragraph `index`, or in the headline or the standfirst."""
        if index not in self._runs:
            text = {HEADLINE: self.document.headline, STANDFIRST: self.document.standfirst}.get(index)
            if text is None:
                text = self.frames[index]
            runs = self._runs[index] = []
            for group in capitalised_groups(text):
                for a, b, name in name_runs(group, text):
                    if name is None:
                        self._organization_words.add(group[a].bare)
                    else:
                        runs.append((group[a].start, group[b - 1].end, name))
        return self._runs[index]

    def _sentence_events(self, p: int, i: int) -> list[tuple[Place, Speaker, EventKind]]:
        """Who sentence `i` of paragraph `p` is about: its opening subject, and names before a verb."""
        if (p, i) in self._subjects:
            return self._subjects[(p, i)]
        events = self._subjects[(p, i)] = []
        frame = self.frames[p]
        start, end = self.sentences[p][i]
        opening = frame[start:end]
        cut = min((k for k in (opening.find(QUOTE), opening.find(QUOTE_ENDING)) if k >= 0), default=-1)
        subject = attr.sentence_subject(opening[:cut] if cut >= 0 else opening, start)
        if subject.kind != SubjectKind.NONE:
            at = Place(p, subject.span[0])
            if (who := self.person(subject, at)) is not None:
                events.append((at, who, EventKind.SUBJECT))
        for run_start, run_end, name in self._paragraph_runs(p):
            if start <= run_start < end and (event := self._run_event(p, frame, run_start, run_end, name)):
                events.append(event)
        events.sort(key=lambda e: e[0])
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
        who = self.person_named(name, at)
        speech = any(w in SPEECH_VERBS for w in frame[end : end + 40].split()[:3])
        kind = EventKind.SPEECH if speech else EventKind.SUBJECT
        return (at, who, kind) if who is not None else None

    def person_named(self, name: Name, at: Place) -> Speaker | None:
        who = self._person_named(name, at)
        if who is not None and name.role and (pronoun := GENDERED.get(name.role.split()[-1])):
            self.genders.setdefault(who, pronoun)
        return who

    def _person_named(self, name: Name, at: Place) -> Speaker | None:
        known = self.gazetteer.lookup(name.text)
        if known is not None:
            return Speaker(known.entity.name, known.entity.key) if known.kind == EntityKind.PERSON else None
        if not name.single and not name.text[0].islower():
            return Speaker(name.text, None)
        # A surname ("Trump", "von der Leyen") is the first person named in full with it: the one the
        # story is about, as "Trump" after "Donald Trump ... First Lady Melania Trump". The body's
        # spelling comes before the headline's, which may drop accents ("Jaroslaw Kaczynski").
        tail = tuple(fold(part) for part in straighten(name.text).split())
        word = tail[-1]
        names = self._scan_names()
        for where, full, parts in sorted(names, key=lambda entry: (not entry[0].in_body, entry[0])):
            if where < at and parts[-len(tail) :] == tail and len(parts) > len(tail):
                return self.person_named(full, where)
        if not name.single:
            return Speaker(name.text, None)
        matching = {full.text: (where, full) for where, full, parts in names if where < at and word in parts}
        if len(matching) == 1:
            where, full = matching.popitem()[1]
            return self.person_named(full, where)
        if (
            name.role and name.text not in self._organization_words and not _modifier_only(name.role)
        ):  # filled by _scan_names above
            # "Prime Minister Abe" with no full name before: the one known person of that name, if any.
            known_person = self.gazetteer.only_person_called(name.text)
            return Speaker(known_person.name, known_person.key) if known_person else Speaker(name.text, None)
        return None

    def person(self, subject: attr.Subject, at: Place, quote: Place | None = None) -> Speaker | None:
        """Who `subject` at `at` is; `quote` is where the quotation it attributes stands."""
        if subject.kind == SubjectKind.NAME:
            return self.person_named(subject.name, at)
        if subject.kind == SubjectKind.PRONOUN:
            who = self.last(at, pronoun=subject.role)
            if who is None or who == UNKNOWN:
                # Nobody, or someone unnamed further back than a name in this very paragraph.
                after = max(
                    (w for w, person, _ in self.quote_events if person == UNKNOWN and w < at), default=None
                )
                if who is None or after is not None:
                    quote = min(at, quote or at)
                    who = self._last_named(at, subject.role, after if who is not None else None, quote) or who
            if who not in (None, UNKNOWN):
                self.genders.setdefault(who, subject.role)
            return who
        if subject.kind == SubjectKind.ROLE:
            self._scan_names()
            for where, role, person in reversed(self._roles):
                if where < at and (role == subject.role or role.endswith(" " + subject.role)):
                    return person
            return UNKNOWN
        return UNKNOWN if subject.kind == SubjectKind.UNKNOWN else None

    def _last_named(self, at: Place, pronoun: str, after: Place | None, quote: Place) -> Speaker | None:
        """The person last named in full in this paragraph or the one before, for a "she" that no
        subject explains: "Among them was retired teacher Margaret Holt. “...,” she said"."""
        for p in (at.paragraph, at.paragraph - 1):
            if p < 0:
                break
            for start, _, name in reversed(self._paragraph_runs(p)):
                if Place(p, start) >= at or name.single:
                    continue
                if after is not None and Place(p, start) <= max(
                    after, Place(quote.paragraph, _last_quote(self.frames[quote.paragraph], quote.offset))
                ):
                    return None
                who = self.person_named(name, Place(p, start))
                if who is not None and self.genders.get(who, pronoun) == pronoun:
                    return who
        return None

    def last(
        self, at: Place, paragraph: int | None = None, kinds=_ANYONE, pronoun: str = ""
    ) -> Speaker | None:
        """Who was last in view before `at` (in `paragraph` only, if given), someone "he" or "she" can
        refer to when `pronoun` is one of these: a person last called the other is passed over."""

        def fits(who: Speaker) -> bool:
            return not pronoun or self.genders.get(who, pronoun) == pronoun

        quoted = next(
            (
                (where, who)
                for where, who, kind in reversed(self.quote_events)
                if where < at and kind in kinds and (paragraph is None or where[0] == paragraph) and fits(who)
            ),
            None,
        )
        paragraphs = (
            range(min(at.paragraph, len(self.sentences) - 1), -1, -1) if paragraph is None else [paragraph]
        )
        for p in paragraphs:
            if p < 0 or p > at.paragraph or quoted is not None and quoted[0].paragraph > p:
                break
            for i in range(len(self.sentences[p]) - 1, -1, -1):
                start, end = self.sentences[p][i]
                if Place(p, start) >= at:
                    continue
                if quoted is not None and quoted[0] >= Place(p, end):
                    return quoted[1]
                found = [e for e in self._sentence_events(p, i) if e[0] < at and e[2] in kinds and fits(e[1])]
                if found:
                    where, who, _ = found[-1]
                    return quoted[1] if quoted is not None and quoted[0] > where else who
        return quoted[1] if quoted is not None else None

    def note(self, at: Place, who: Speaker | None) -> None:
        if who is not None:
            bisect.insort(self.quote_events, (at, who, EventKind.QUOTE), key=lambda e: e[0])
