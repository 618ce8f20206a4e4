"""The article's memory of organizations: which capitalised names it gives organizations ("the media
conglomerate Stratton Warner", "Corvane, which makes ..."), where it names them, and which one "the company"
or "the union" refers back to. Read only when a quote needs it, in one pass over the article."""

import bisect
import re

from articles.ingest.gazetteer import EntityKind, Gazetteer
from articles.ingest.lexicon import word_set
from articles.ingest.lexicon.organizations import ORGANIZATION_NOUNS
from articles.ingest.names import GENERIC_ORGANIZATIONS, organization_run, words
from articles.ingest.places import HEADLINE, STANDFIRST, Place
from articles.ingest.sources import Speaker
from articles.ingest.typography import APOSTROPHES, UPPER, straighten

# A run of capitalised words, perhaps joined by small words: "Department of Health and Social Care".
_WORD = rf"[{UPPER}][\w&.{APOSTROPHES}-]*"
_RUN = rf"{_WORD}(?:[ ]+(?:(?:of|for|and|the|on|to|&)[ ]+){{0,2}}{_WORD}){{0,8}}"
_NOUNS = "|".join(sorted(ORGANIZATION_NOUNS, key=len, reverse=True))
# "the media conglomerate Stratton Warner", "law firm Sidley Austin".
_NOUN_BEFORE = re.compile(rf"\b(?P<noun>{_NOUNS})[ ]+(?P<run>{_RUN})")
# "Americans for Fiscal Freedom, a conservative advocacy group,"; "Corvane, which makes".
_NOUN_AFTER = re.compile(
    rf"""(?P<run>{_RUN}),[ ]+(?:
        (?:the|a|an)[ ]+(?:(?!(?:of|for|at|in|with|to|from|on|and|who)[ ])[\w{APOSTROPHES}-]+[ ]+){{0,4}}?
        (?P<noun>{_NOUNS})(?=[,.;]|[ ](?:that|which|representing|based|founded|in|of|for|with)\b)
      | which\b
    )""",
    re.VERBOSE,
)
_NOUN_JUST_BEFORE = re.compile(rf"\b(?:{_NOUNS})[ ]+(?:[Tt]he[ ]+)?$")
_DESCRIBED_AFTER = re.compile(
    rf"""(?:'s|’s)?,[ ]+(?:
        (?:the|a|an)[ ]+(?:(?!(?:of|for|at|in|with|to|from|on|and|who)[ ])[\w{APOSTROPHES}-]+[ ]+){{0,4}}?
        (?:{_NOUNS})(?=[,.;]|[ ](?:that|which|representing|based|founded|in|of|for|with)\b)
      | which\b
    )""",
    re.VERBOSE,
)
_ANY = frozenset()
# What makes a name one of the kind a noun refers back to: "the agency" may be the "... Administration".
_GOVERNMENT = word_set("agency administration bureau service commission office authority department")
_KINDS = {
    **{noun: kinds for noun, kinds in ORGANIZATION_NOUNS.items() if kinds},
    **dict.fromkeys(("agency", "administration", "service", "bureau", "authority"), _GOVERNMENT),
    **{
        noun: frozenset((noun,))
        for noun in word_set("department ministry committee council commission court")
    },
    **{noun: frozenset((noun,)) for noun in word_set("campaign party office caucus")},
    "board": frozenset(("board",)) | ORGANIZATION_NOUNS["newspaper"],
}
# How many organizations back "the company" is looked for: a reference reaches a few names back at most.
_LOOK_BACK = 12


class Organizations:
    def __init__(self, headline: str, standfirst: str, frames: list[str], gazetteer: Gazetteer):
        self.texts = {HEADLINE: headline, STANDFIRST: standfirst, **dict(enumerate(frames))}
        self.gazetteer = gazetteer
        self._read = False
        self._places: list[Place] = []  # where organizations are named or quoted, in order
        self._named: list[tuple[Speaker, frozenset[str]]] = []  # ... the organization and its kind words
        self._introduced: dict[str, frozenset[str]] = {}  # names the article gives organizations
        self._by_first_word: dict[str, str] = {}
        self._by_acronym: dict[str, str] = {}
        self._known: dict[str, Speaker | None] = {}
        self._introductions: dict[str, bool] = {}

    def _scan(self) -> None:
        if self._read:
            return
        self._read = True
        for text in self.texts.values():
            for pattern in (_NOUN_BEFORE, _NOUN_AFTER):
                for m in pattern.finditer(text):
                    run = _trimmed(m["run"])
                    if run and not _generic(run):
                        self._introduced.setdefault(run, frozenset((m["noun"] or "company",)))
        for index, text in self.texts.items():
            for m in re.finditer(_RUN, text):
                found = words(m.group(), m.start())
                span = organization_run(found)
                run = " ".join(w.text for w in found[span[0] : span[1]]) if span else _trimmed(m.group())
                if span is None and run not in self._introduced:
                    continue
                at = Place(index, m.start())
                self._remember(at, self.speaker(run, at, scanning=True))

    def _remember(self, at: Place, speaker: Speaker) -> None:
        if not speaker.name.strip():
            return
        kinds = frozenset(w.lower() for w in speaker.name.split()) | self._introduced.get(speaker.name, _ANY)
        k = bisect.bisect_right(self._places, at)
        self._places.insert(k, at)
        self._named.insert(k, (speaker, kinds))
        first = speaker.name.split()[0]
        self._by_first_word.setdefault(first, speaker.name)
        initials = "".join(w[0] for w in speaker.name.split() if w[0].isupper())
        if len(initials) >= 3:
            self._by_acronym.setdefault(initials, speaker.name)

    def quoted(self, at: Place, speaker: Speaker) -> None:
        """Remember an organization quoted at `at`: the one "the company" most likely refers to next."""
        self._scan()
        self._remember(at, speaker)

    def speaker(self, name: str, at: Place, scanning: bool = False) -> Speaker:
        """The organization of this name: the known one, or the one whose acronym or first word it is."""
        name = _trimmed(name)
        if name not in self._known:
            found = self.gazetteer.lookup(name)
            known = None
            if found is not None and found.kind == EntityKind.ORGANIZATION:
                known = Speaker.of_organization(found.entity.name, found.entity.key)
            self._known[name] = known
        if self._known[name] is not None:
            return self._known[name]
        if not scanning:
            self._scan()
            full = self._by_acronym.get(name) if name.isupper() else None
            if full is not None and full != name:
                return self.speaker(full, at)
        return Speaker.of_organization(name)

    def named(self, name: str, at: Place) -> Speaker | None:
        """The organization a name that is no person's stands for, if the article says it is one: known,
        introduced as one ("the cable company Prairie Vision"), or the first word of one ("Ford")."""
        known = self.speaker(name, at, scanning=True)
        if known.organization_key is not None:
            return known
        if self.introduced(name):
            return known
        if " " not in name:
            self._scan()
            full = self._by_first_word.get(name) or (self._by_acronym.get(name) if name.isupper() else None)
            if full is not None:
                return self.speaker(full, at)
        return None

    def introduced(self, name: str) -> bool:
        """Whether the article introduces `name` as an organization's: "the cable company Prairie Vision",
        "Americans for Fiscal Freedom, a conservative advocacy group,", "Corvane, which makes ..."; read
        where the name stands only, so that asking costs a search for it."""
        if name in self._introductions:
            return self._introductions[name]
        found = False
        for text in self.texts.values():
            at = text.find(name)
            while at >= 0 and not found:
                end = at + len(name)
                found = bool(
                    _NOUN_JUST_BEFORE.search(text, max(0, at - 40), at) or _DESCRIBED_AFTER.match(text, end)
                )
                at = text.find(name, end)
            if found:
                break
        self._introductions[name] = found
        return found

    def referred(self, noun: str, at: Place) -> Speaker | None:
        """The organization named or quoted last before `at` that "the <noun>" can refer to."""
        self._scan()
        kinds = _KINDS.get(noun, _ANY)
        k = bisect.bisect_left(self._places, at)
        for i in range(k - 1, max(-1, k - 1 - _LOOK_BACK), -1):
            speaker, words_of = self._named[i]
            if noun in words_of or not kinds or kinds & words_of:
                return speaker
        return None


def _trimmed(run: str) -> str:
    """Without a leading "The" and a possessive ending: "The Columbus Ledger" -> "Columbus Ledger"."""
    run = straighten(run).strip()
    if run.startswith(("The ", "the ")):
        run = run[4:]
    return run.removesuffix("'s").removesuffix("'").strip(" .,") if run.endswith(("'s", "'")) else run


def _generic(run: str) -> bool:
    return " " not in run and run.lower() in GENERIC_ORGANIZATIONS
