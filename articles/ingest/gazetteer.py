"""Known people and organizations, and finding their names in text."""

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from articles.ingest.names import words
from articles.ingest.typography import APOSTROPHES, SPELLINGS, fold, straighten


@dataclass(frozen=True)
class Entity:
    key: str
    name: str
    aliases: tuple[str, ...] = ()
    # What the newsroom knows of them, in words a story may call them by: "Former U.S. secretary of
    # state", "Host, CNN", "Republican senator from Idaho"; for an organization, its kind: "News outlet".
    descriptions: tuple[str, ...] = ()


def _acronym(name: str) -> str | None:
    initials = "".join(w.text[0] for w in words(name) if w.text[0].isupper())
    return initials if len(initials) >= 3 else None


class EntityKind(StrEnum):
    PERSON = "person"
    ORGANIZATION = "organization"


@dataclass(slots=True)
class Found:
    entity: Entity
    kind: EntityKind


class Gazetteer:
    """Known people and organizations, and one regular expression for all their names.

    Build it once and pass it to extract() for every article. The expression is shaped like a trie
    (names sharing a beginning share a branch), so scanning a text costs about the same for ten names
    as for ten thousand, and the longest name wins where two begin at the same word.
    """

    def __init__(self, people: Sequence[Entity] = (), organizations: Sequence[Entity] = ()):
        self.people = tuple(people)
        self.organizations = tuple(organizations)
        self._forms: dict[str, Found] = {}
        self.descriptions = {
            e.key: e.descriptions for e in (*self.people, *self.organizations) if e.descriptions
        }
        self._surnames: dict[str, list[Entity]] = {}
        for person in self.people:
            if len(parts := straighten(person.name).split()) > 1:
                self._surnames.setdefault(fold(parts[-1]), []).append(person)
        for kind, entities in (
            (EntityKind.ORGANIZATION, self.organizations),
            (EntityKind.PERSON, self.people),
        ):
            for entity in entities:
                forms = {entity.name, *entity.aliases}
                if kind == EntityKind.ORGANIZATION and (acronym := _acronym(entity.name)):
                    forms.add(acronym)
                for form in forms:
                    if form := " ".join(straighten(form).split()):
                        self._forms[form] = Found(entity, kind)
        pattern = _trie(self._forms)
        self._pattern = re.compile(rf"(?<![\w{APOSTROPHES}-])(?:{pattern})(?![\w])") if pattern else None

    @classmethod
    def of(cls, people: Sequence[Entity], organizations: Sequence[Entity]) -> "Gazetteer":
        """The gazetteer of these lists, built once while the same lists keep coming."""
        people, organizations = tuple(people), tuple(organizations)
        try:
            return _cached(people, organizations)
        except TypeError:  # an entity that cannot be hashed (aliases given as a list)
            return cls(people, organizations)

    def mentions_in(self, text: str) -> list[Found]:
        """Every known name in `text` (whole words, also before a possessive "'s"), in order."""
        if self._pattern is None:
            return []
        return [self._forms[straighten(m.group())] for m in self._pattern.finditer(text)]

    def lookup(self, name: str) -> Found | None:
        """The known entity that `name` is exactly (a name, an alias or an acronym), or, failing that,
        the known person whose name (of two words or more) ends it: "Samdech Techo Hun Sen"."""
        parts = straighten(name).split()
        if found := self._forms.get(" ".join(parts)):
            return found
        for start in range(max(1, len(parts) - 8), len(parts) - 1):  # no name has more words
            found = self._forms.get(" ".join(parts[start:]))
            if found is not None and found.kind == EntityKind.PERSON:
                return found
        return None

    def only_person_called(self, surname: str) -> Entity | None:
        """The one known person with this surname, if there is exactly one."""
        people = self._surnames.get(fold(straighten(surname)), [])
        return people[0] if len(people) == 1 else None


def _trie(forms) -> str:
    """A regular expression matching any of `forms`, longest first, however their marks are typed."""
    root: dict = {}
    for form in forms:
        node = root
        for char in form:
            node = node.setdefault(char, {})
        node[""] = {}

    def branch(node: dict) -> str:
        choices = [_char(char) + branch(child) for char, child in node.items() if char]
        if not choices:
            return ""
        body = choices[0] if len(choices) == 1 else "(?:" + "|".join(choices) + ")"
        return f"(?:{body})?" if "" in node else body

    return branch(root)


def _char(char: str) -> str:
    """The character, or every mark that straightens to it: the name "O'Brien" is found as "O’Brien"."""
    return f"[{SPELLINGS[char]}]" if char in SPELLINGS else re.escape(char)


@functools.lru_cache(maxsize=32)
def _cached(people: tuple[Entity, ...], organizations: tuple[Entity, ...]) -> Gazetteer:
    return Gazetteer(people, organizations)
