"""The article's memory of people: full names for surnames, roles ("the governor") and descriptions
("the CNN host"), with who was last in view for "he" and "she" (antecedents.py). It is built only as
far as a quote needs it: most quotes name their speaker in full, and then nothing of it is read at all."""

import bisect
import re

from articles.ingest.antecedents import Antecedents, place_of
from articles.ingest.descriptions import description_words, required_words
from articles.ingest.document import ParsedDocument
from articles.ingest.gazetteer import EntityKind, Found, Gazetteer
from articles.ingest.lexicon.organizations import DOCUMENT_NOUNS
from articles.ingest.lexicon.people import GENDERED, PRONOUNS
from articles.ingest.names import MODIFIERS, Name, capitalised_groups, name_runs, organization_run, words
from articles.ingest.organizations import Organizations
from articles.ingest.places import HEADLINE, STANDFIRST, Place
from articles.ingest.sources import UNKNOWN, Speaker
from articles.ingest.subjects import Subject, SubjectKind
from articles.ingest.typography import fold, straighten

__all__ = ["UNKNOWN", "Speaker", "Speakers"]


# No name has more words than this (as Gazetteer.lookup assumes); a role ("the prime minister") has
# at most four (names.role_of).
_NAME_WORDS = 8
_ROLE_WORDS = 4


_UNSEEN = object()
# How many mentions back a description ("the CNN host") or an unnamed source ("the aide") is looked for.
_DESCRIBED_BACK = 200
# After a name, what the article says of them: "Jake Tapper, the CNN host," "Linda Pruitt of Maine".
_APPOSITIVE = re.compile(
    r"""
      ,[ ]+(?P<words>[^,;:()\ue000\ue001]{1,60}?)      # ", the CNN host" (no quotation inside)
      (?=,|;|\.(?:\s|$)|$|[ ](?:who|which|that)[ ])   # ... up to a comma, a full stop or "who"
    | [ ]+(?P<state>of[ ]+[A-Z]\w+)                   # " of Maine"
    """,
    re.VERBOSE,
)
# Before a name, the words of its title in the same clause: "Former Secretary of State Eleanor Vance".
_TITLE_BEFORE = re.compile(
    r"""
    (?:
        (?:[A-Z][\w.'’-]*                       # "Secretary", "Sen.", "State"
          | of | former | ex | vice | deputy | acting)   # "of", "former"
        [ ]+
    ){1,6}$                                      # ... up to the name
    """,
    re.VERBOSE,
)


def _modifier_only(role: str) -> bool:
    return all(word in MODIFIERS or word in ("a", "an", "the", "his", "her") for word in role.split())


class Speakers:
    """Who the article names where, at places in the paragraphs as `frames` (quotations as placeholders),
    the headline and the standfirst."""

    def __init__(self, document: ParsedDocument, gazetteer: Gazetteer, frames, sentences, asides=None):
        self.document = document
        self.asides: dict[int, list[tuple[int, str]]] = asides or {}  # "(D-N.Y.)" where it stood, by frame
        self.organizations = Organizations(document.headline, document.standfirst, frames, gazetteer)
        self._described_people: tuple[list[Place], list[Speaker], dict[Speaker, set[str]]] | None = None
        self.gazetteer = gazetteer
        self.frames: list[str] = frames
        self.sentences: list[list[tuple[int, int]]] = sentences  # (start, end) in each frame
        self.genders: dict[Speaker, str] = {}  # "he" or "she", as the article calls them
        self._runs: dict[int, list[tuple[int, int, Name]]] = {}
        self.run_starts: dict[int, list[int]] = {}  # of each paragraph's names, once paragraph_runs() read it
        self._organization_words: set[str] = set()
        self._known: dict[str, Found | None] = {}  # the gazetteer's answer for each name, asked once
        # The full names of the whole article, read once a surname or a role needs them.
        self._scanned = False
        self._by_ending: dict[tuple[str, ...], list] = {}  # last words -> [first in body, first before]
        self._with_word: dict[str, tuple[list[Place], list[tuple[Place, Name]], list[bool]]] = {}
        self._roles: dict[str, list[tuple[Place, Speaker | None]]] = {}  # role and its last words
        self.antecedents = Antecedents(self)

    def _scan_names(self) -> None:
        """Index the full names in the whole article (with the roles written before them), for surnames."""
        if self._scanned:
            return
        self._scanned = True
        for index in (HEADLINE, STANDFIRST, *range(len(self.frames))):
            for _, _, name in self.paragraph_runs(index):
                if not name.single:
                    self._remember(Place(index, name.start), name)

    def _remember(self, at: Place, name: Name) -> None:
        # Places come in order, so each list below is in order of place.
        parts = tuple(fold(part) for part in name.text.split())
        before_body = 0 if at.in_body else 1
        for k in range(1, min(len(parts), _NAME_WORDS + 1)):
            firsts = self._by_ending.setdefault(parts[-k:], [None, None])
            if firsts[before_body] is None:
                firsts[before_body] = (at, name)
        for word in dict.fromkeys(parts):
            places, entries, several = self._with_word.setdefault(word, ([], [], []))
            several.append(bool(several) and (several[-1] or name.text != entries[0][1].text))
            places.append(at)
            entries.append((at, name))
        if name.role:
            person = self.person_named(name, at)
            words = name.role.split()
            for k in range(1, min(len(words), _ROLE_WORDS) + 1):
                self._roles.setdefault(" ".join(words[-k:]), []).append((at, person))

    def paragraph_runs(self, index: int) -> list[tuple[int, int, Name]]:
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
            self.run_starts[index] = [start for start, _, _ in runs]
        return self._runs[index]

    def person_named(self, name: Name, at: Place) -> Speaker | None:
        who = self._person_named(name, at)
        if who is not None and name.role and (pronoun := GENDERED.get(name.role.split()[-1])):
            self.genders.setdefault(who, pronoun)
        return who

    def _person_named(self, name: Name, at: Place) -> Speaker | None:
        if (known := self._known.get(name.text, _UNSEEN)) is _UNSEEN:
            known = self._known[name.text] = self.gazetteer.lookup(name.text)
        if known is not None:
            if known.kind == EntityKind.PERSON:
                return Speaker(known.entity.name, known.entity.key)
            return self._organization(Speaker.of_organization(known.entity.name, known.entity.key))
        if not name.single and not name.text[0].islower():
            return self._introduced_organization(name, at) or Speaker(name.text, None)
        # A surname ("Trump", "von der Leyen") is the first person named in full with it: the one the
        # story is about, as "Trump" after "Donald Trump ... First Lady Melania Trump". The body's
        # spelling comes before the headline's, which may drop accents ("Jaroslaw Kaczynski").
        tail = tuple(fold(part) for part in straighten(name.text).split())
        self._scan_names()
        for first in self._by_ending.get(tail, ()):
            if first is not None and first[0] < at:
                return self.person_named(first[1], first[0])
        if not name.single:
            return Speaker(name.text, None)
        # Else the one person named in full before, with this word in their name.
        places, entries, several = self._with_word.get(tail[-1], ((), (), ()))
        if (k := bisect.bisect_left(places, at)) and not several[k - 1]:
            where, full = entries[k - 1]
            return self.person_named(full, where)
        if (
            name.role and name.text not in self._organization_words and not _modifier_only(name.role)
        ):  # filled by _scan_names above
            # "Prime Minister Abe" with no full name before: the one known person of that name, if any.
            known_person = self.gazetteer.only_person_called(name.text)
            return Speaker(known_person.name, known_person.key) if known_person else Speaker(name.text, None)
        return None

    def _introduced_organization(self, name: Name, at: Place) -> Speaker | None:
        """An organization the article introduces as one: "the media conglomerate Stratton Warner"."""
        if name.role:
            return None
        found = self.organizations.named(name.text, at)
        return self._organization(found) if found is not None else None

    def _organization(self, speaker: Speaker) -> Speaker:
        self.genders.setdefault(speaker, "it")
        return speaker

    def _described(self, phrase: str, at: Place | None = None) -> Speaker:
        """An unnamed source as printed, with the organization its description names, if any; or the
        one quoted before whom these words begin to describe ("a spokesman" after "a spokesman for X")."""
        if at is not None:
            i = bisect.bisect_right(self.antecedents.quoted, at, key=place_of)
            lowered = phrase.lower()
            for j in range(i - 1, max(-1, i - 1 - _DESCRIBED_BACK), -1):
                who = self.antecedents.quoted[j][1]
                if who.unnamed and who.description.lower().startswith(lowered):
                    return who
        found = words(phrase)
        organization = key = None
        if (span := organization_run(found)) is not None:
            named = " ".join(w.text for w in found[span[0] : span[1]])
            speaker = self.organizations.speaker(named, Place(0))
            organization, key = speaker.name, speaker.organization_key
        who = Speaker.described(phrase, organization, key)
        head = next(
            (w.lower for w in reversed(found) if w.lower in GENDERED or w.lower in DOCUMENT_NOUNS), None
        )
        if head is not None:
            self.genders.setdefault(who, GENDERED.get(head, "it"))
        return who

    def person(self, subject: Subject, at: Place, quote: Place | None = None) -> Speaker | None:
        """Who `subject` at `at` is; `quote` is where the quotation it attributes stands."""
        kind = subject.kind
        if kind == SubjectKind.NAME:
            who = self.person_named(subject.name, at)
            if who is None and subject.name.single and not subject.name.role:
                found = self.organizations.named(subject.name.text, at)  # "Ford", "Pfizer said"
                who = self._organization(found) if found is not None else None
            return who
        if kind == SubjectKind.PRONOUN:
            if subject.role in PRONOUNS:
                self.antecedents.read_genders()
            if subject.role == "it":
                return self.antecedents.last(at, pronoun="it")
            who = self.antecedents.last(at, pronoun=subject.role)
            if who is None or who.unnamed:
                # Nobody, or someone unnamed further back than a name in this very paragraph.
                k = bisect.bisect_left(self.antecedents.unknown, at)
                after = self.antecedents.unknown[k - 1] if k else None
                if who is None or after is not None:
                    quote = min(at, quote or at)
                    who = (
                        self.antecedents.last_named(
                            at, subject.role, after if who is not None else None, quote
                        )
                        or who
                    )
            if who is not None and who != UNKNOWN and subject.role:
                self.genders.setdefault(who, subject.role)
            return who
        if kind == SubjectKind.ROLE:
            return (
                self._holder(subject.role, at)
                or self._unnamed_like(subject.role, at)
                or (self._described(subject.phrase) if subject.phrase else UNKNOWN)
            )
        if kind == SubjectKind.ORGANIZATION:
            if subject.name is not None:  # "Mr. Kessler's campaign"
                return self._organization(
                    self.organizations.speaker(f"{subject.name.text} {subject.role}", at)
                )
            if subject.role:  # "the company", named before
                found = self.organizations.referred(subject.role, at)
                return self._organization(found) if found is not None else self._described(subject.phrase)
            return self._organization(self.organizations.speaker(subject.phrase, at))
        if kind == SubjectKind.UNKNOWN:
            return self._described(subject.phrase, at) if subject.phrase else UNKNOWN
        return None

    def _holder(self, role: str, at: Place) -> Speaker | None:
        """The person last named before `at` with this role before their name, or whose description
        holds every word of it."""
        self._scan_names()
        holders = self._roles.get(role, ())
        k = bisect.bisect_left(holders, at, key=place_of)
        if k:
            return holders[k - 1][1]
        by_description = self._described_as(role, at)
        return by_description[1] if by_description else None

    def _described_as(self, role: str, at: Place) -> tuple[Place, Speaker] | None:
        wanted = required_words(role)
        if not wanted:
            return None
        places, people, descriptions = self._people_described()
        k = bisect.bisect_left(places, at)
        for i in range(k - 1, max(-1, k - 1 - _DESCRIBED_BACK), -1):
            if wanted <= descriptions[people[i]]:
                return places[i], people[i]
        return None

    def _people_described(self):
        """Every mention of a person in the article, in order, and what the article says of each."""
        if self._described_people is not None:
            return self._described_people
        places, people, descriptions = [], [], {}
        self._described_people = (places, people, descriptions)
        for index in (HEADLINE, STANDFIRST, *range(len(self.frames))):
            text = self.frames[index] if index >= 0 else ""
            asides = self.asides.get(index, ())
            starts = [offset for offset, _ in asides]
            for start, end, name in self.paragraph_runs(index):
                at = Place(index, start)
                who = self.person_named(name, at)
                if who is None or not who.person:
                    continue
                told = descriptions.setdefault(who, set())
                if not told and who.key:
                    for known in self.gazetteer.descriptions.get(who.key, ()):
                        told |= description_words(known)
                told |= description_words(name.role)
                if text and (after := _APPOSITIVE.match(text, end)):
                    told |= description_words(after["words"] or after["state"])
                if text and (title := _TITLE_BEFORE.search(text, max(0, start - 60), start)):
                    told |= description_words(title.group())
                k = bisect.bisect_left(starts, end)
                if k < len(asides) and asides[k][0] - end <= 2:
                    told |= description_words(asides[k][1])
                places.append(at)
                people.append(who)
        return self._described_people

    def _unnamed_like(self, role: str, at: Place) -> Speaker | None:
        """An unnamed source quoted or described before with the same noun: "the aide" after "a senior
        Democratic aide" in this paragraph or the one before."""
        noun = role.split()[-1] if role else ""
        if not noun.isalpha():
            return None
        i = bisect.bisect_left(self.antecedents.quoted, at, key=place_of)
        for j in range(i - 1, max(-1, i - 1 - _DESCRIBED_BACK), -1):
            who = self.antecedents.quoted[j][1]
            if who.unnamed and who.description and noun in who.description.lower().split()[:6]:
                return who
        pattern = re.compile(rf"\b(?:[Aa]n?|[Oo]ne|[Aa]nother)[ ]+(?:[\w’'-]+[ ]+){{0,4}}?{noun}\b")
        for p in (at.paragraph, at.paragraph - 1):
            if 0 <= p < len(self.frames):
                text = self.frames[p][: at.offset] if p == at.paragraph else self.frames[p]
                found = None
                for found in pattern.finditer(text):  # noqa: B007 (the last one is wanted)
                    pass
                if found is not None:
                    return self._described(found.group()[0].lower() + found.group()[1:])
        return None
