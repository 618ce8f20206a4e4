"""Words and names: picking a person's name out of a phrase, with the titles and roles before it."""

import re
from collections.abc import Sequence
from dataclasses import dataclass

from articles.ingest.lexicon import word_set
from articles.ingest.lexicon.organizations import INSTITUTION_WORDS, ORGANIZATION_NOUNS, ORGANIZATION_WORDS
from articles.ingest.lexicon.people import (
    ABBREVIATION_SET,
    JOINED_PARTICLES,
    NAME_PREFIXES,
    NEVER_NAMES,
    NOT_NAMES,
    PARTICLES,
    PEOPLE_NOUNS,
    ROLE_NAMES,
    ROLES,
    SUFFIXES,
)
from articles.ingest.lexicon.politics import PARTIES, US_STATES
from articles.ingest.lexicon.speech import HEADLINE_VERBS
from articles.ingest.typography import APOSTROPHES, RIGHT_SINGLE, UPPER, straighten

# A lowercase word that still begins a name: "al-Assad", "d’Alembert".
_PARTICLE_PREFIX = re.compile(rf"^(?:{'|'.join(NAME_PREFIXES + JOINED_PARTICLES)})[-{APOSTROPHES}][{UPPER}]")
_WORD = re.compile(
    rf"""
    (?:[{UPPER}]\.){{2,}}                     # initials: "U.S.", "J.K."
  | [^\W_]                                  # a word: "a", "2019",
    (?:[\w{APOSTROPHES}-]*[^\W_])?           # "O’Brien", "well-known",
    [{APOSTROPHES}]?                         # "the students’"
    """,
    re.VERBOSE,
)


class Word:
    """A word of text and where it stands; `bare` is without a possessive ending or a closing period."""

    __slots__ = ("text", "start", "end", "bare", "lower", "possessive", "capitalised")

    def __init__(self, text: str, start: int, end: int):
        self.text, self.start, self.end = text, start, end
        bare, possessive = text.rstrip(".") if text[-1] == "." else text, False
        if "'" in bare or RIGHT_SINGLE in bare:
            bare = straighten(bare)
            if bare.endswith("'s"):
                bare, possessive = bare[:-2], True
            elif bare.endswith("'"):
                bare, possessive = bare[:-1], True
        self.bare = bare or text
        self.lower = self.bare.lower()
        self.possessive = possessive
        self.capitalised = text[0].isupper()

    def __repr__(self) -> str:
        return f"Word({self.text!r}, {self.start}, {self.end})"


def words(text: str, offset: int = 0) -> list[Word]:
    found = []
    length = len(text)
    for m in _WORD.finditer(text):
        start, end = m.span()
        token = m.group()
        if end < length and text[end] == "." and (len(token) == 1 or token.lower() in ABBREVIATION_SET):
            end += 1
            token += "."
        found.append(Word(token, start + offset, end + offset))
    return found


def first_word(text: str, start: int = 0) -> Word | None:
    """The first word of text[start:] as words() reads it, without reading the rest of the text."""
    m = _WORD.search(text, start)
    return words(text[m.start() : m.end() + 1], m.start())[0] if m else None


@dataclass(slots=True)
class Name:
    """A person's name picked out of a phrase: as written, titles and roles before it stripped."""

    text: str
    role: str  # the title or role that stood before it, lowercased ("prime minister"), or ""
    start: int
    end: int

    @property
    def single(self) -> bool:
        return " " not in self.text


def is_name_word(word: Word, first: bool = True) -> bool:
    """Whether `word` can be in a name; `first` if it would begin one ("How" cannot; "Martin How" can)."""
    if word.capitalised:
        lowered = word.lower
        if lowered in NEVER_NAMES or word.text in HEADLINE_VERBS:
            return False
        return not first or lowered not in NOT_NAMES or word.text.isupper() and len(word.text) > 1
    return bool(_PARTICLE_PREFIX.match(word.text))


def looks_like_organization(phrase: Sequence[Word]) -> bool:
    if any(w.lower in ORGANIZATION_WORDS for w in phrase):
        return True
    return len(phrase) == 1 and phrase[0].bare.isupper() and len(phrase[0].bare) > 1


# States that are also given names ("Virginia Foxx"), which may begin a person's name.
_STATES_AS_NAMES = word_set("virginia georgia carolina dakota washington indiana tennessee montana florida")
_SINGLE_STATES = frozenset(state for state in US_STATES if " " not in state) - _STATES_AS_NAMES
_ACRONYM_PLURAL = re.compile(r"[A-Z]{2,}s")  # "PACs", "CEOs"


def not_a_person(phrase: Sequence[Word]) -> bool:
    """Whether capitalised words, read as a name, cannot be one person's: an organization, an institution
    ("Capitol Hill"), a party description ("California Democrat", "House Democratic"), a plural ("Super
    PACs", "Senate Republicans"), or a name that opens with a state's ("Wisconsin Right")."""
    if not phrase or looks_like_organization(phrase):
        return True
    last = phrase[-1]
    if last.lower in PARTIES or last.lower in PEOPLE_NOUNS and last.lower.endswith("s"):
        return True
    if _ACRONYM_PLURAL.fullmatch(last.bare) or last.lower.endswith("ans") and len(last.bare) >= 6:
        return True
    if any(w.lower in INSTITUTION_WORDS for w in phrase):
        return True
    return len(phrase) > 1 and phrase[0].lower in _SINGLE_STATES


_CONNECTORS = word_set("of for and the to on & in")
GENERIC_ORGANIZATIONS = frozenset(ORGANIZATION_NOUNS) | word_set(
    "police army navy force forces guard military"
)


def organization_run(phrase: Sequence[Word]) -> tuple[int, int] | None:
    """(start, end) indexes of the first organization's name among the words: capitalised words, perhaps
    joined by "of", "for", "and": "Department of Health and Social Care", "Airlines for America", "FAA"."""
    i, n = 0, len(phrase)
    while i < n:
        if phrase[i].lower != "the" and not is_name_word(phrase[i]):
            i += 1
            continue
        j = i + 1
        while j < n and (
            phrase[j].capitalised
            or phrase[j].lower in _CONNECTORS
            and j + 1 < n
            and phrase[j + 1].capitalised
        ):
            j += 1
        start = i + 1 if phrase[i].lower == "the" else i
        run = phrase[start:j]
        generic = len(run) == 1 and run[0].lower in GENERIC_ORGANIZATIONS  # "Police", "the Army"
        if run and looks_like_organization(run) and not run[-1].possessive and not generic:
            return start, j
        # "Americans for Fiscal Freedom", "Wisconsin Right to Life": a name of small words joined, that
        # opens with what no person's name does.
        joined = next((k for k in range(start, j) if phrase[k].lower in _CONNECTORS), None)
        if joined and joined > start and not_a_person(phrase[start:joined]) and not run[-1].possessive:
            return start, j
        i = j
    return None


def _runs(part: Sequence[Word]) -> list[tuple[int, int]]:
    """Index ranges of runs of name words; particles join two name words; possessives end a run."""
    runs, start, then_name = [], None, None
    for i, word in enumerate(part):
        joining = start is not None and word.lower in PARTICLES
        if joining:
            then_name = then_name or _particles_then_name(part)
            joining = then_name[i + 1]
        if is_name_word(word, start is None) or joining:
            if start is None:
                start = i
            if word.possessive:
                runs.append((start, i + 1, True))
                start = None
        elif start is not None:
            runs.append((start, i, False))
            start = None
    if start is not None:
        runs.append((start, len(part), False))
    return [(a, b) for a, b, possessive in runs if not possessive]


def _particles_then_name(part: Sequence[Word]) -> list[bool]:
    """For each i, whether part[i:] goes on to a name word, past further particles: "von [der] Leyen"
    (read from the end, so that a long run of particles costs no more than once)."""
    then_name = [False] * (len(part) + 1)
    for i in range(len(part) - 1, -1, -1):
        word = part[i]
        particle = word.lower in PARTICLES and not word.capitalised
        then_name[i] = then_name[i + 1] if particle else is_name_word(word, False)
    return then_name


_PREPOSITIONS = word_set(
    "of from at with for in on to by near under within representing over about against among between into"
)
_CUT = word_set("who which whose that whom")
_JOINING = word_set("of for to")


def find_name(phrase: Sequence[Word]) -> Name | None:
    """The first person's name in a comma-free phrase such as "Florida Department of Transportation
    official Troy Roberts" or "Professor Carl Lipo of Binghamton University"."""
    for i, word in enumerate(phrase):
        if word.text in _CUT:
            phrase = phrase[:i]
            break
    parts, current, prep = [], [], None
    for word in phrase:
        if word.text in _PREPOSITIONS:
            parts.append((prep, current))
            current, prep = [], word.text
        else:
            current.append(word)
    parts.append((prep, current))

    after_title = False
    for index, (prep, part) in enumerate(parts):
        if index and prep in _JOINING and part and all(w.capitalised for w in part):
            previous = parts[index - 1][1]
            if previous and previous[-1].capitalised and not_a_person(previous[-2:]):
                continue  # "Fiscal Freedom" of "Americans for Fiscal Freedom"
        name = _name_in_part(part, shorten=after_title and prep in ("of", "to", "for"))
        after_title = bool(part) and part[-1].lower in ROLES
        if name and after_title and index + 1 < len(parts) and parts[index + 1][0] in ("of", "to", "for"):
            # "US Ambassador to Germany Richard Grenell": "US Ambassador" is a title, not a name.
            following = _name_in_part(parts[index + 1][1], shorten=True)
            name = following or name
        if name:
            return name
    return None


def _name_in_part(part: Sequence[Word], shorten: bool) -> Name | None:
    if not part:
        return None
    runs = _runs(part)
    last_role = max((i for i, w in enumerate(part) if w.lower in ROLES and not w.capitalised), default=-1)
    if last_role >= 0:
        runs = [run for run in runs if run[0] > last_role][:1] or runs
    for a, b in reversed(runs):
        run = [w for w in part[a:b] if w.lower not in SUFFIXES]
        # "Japanese Foreign Minister Taro Kono": the name is what follows the last title in the run.
        cut = max((i for i, w in enumerate(run[:-1]) if w.lower in ROLES), default=-1)
        if not run[cut + 1 :] or not_a_person(run[cut + 1 :]):
            continue
        before = []
        for w in reversed(part[:a]):
            if w.possessive or w.capitalised and w.lower not in ROLES or w.lower in NOT_ROLES:
                break
            before.append(w)
        before.reverse()
        role = " ".join(w.lower for w in before + run[: cut + 1])
        run = run[cut + 1 :]
        if shorten and len(run) > 2:
            run = run[-3:] if run[-2].text.endswith(".") else run[-2:]
        if run and not all(w.lower in ROLES for w in run):
            return Name(" ".join(w.text for w in run), role, run[0].start, run[-1].end)
    return None


_DETERMINERS = word_set("the a an his her its their our my your this that")
NOT_ROLES = _DETERMINERS | word_set("and or but nor")


def role_of(phrase: Sequence[Word]) -> str | None:
    """The role a nameless phrase names: "the prime minister" -> "prime minister"; else None."""
    content = [w for w in phrase if w.lower not in _DETERMINERS]
    if not content or len(content) > 4 or content[-1].lower not in ROLES:
        return None
    if any(is_name_word(w) and w.lower not in ROLES for w in content):
        return None
    return " ".join(w.lower for w in content)


# Runs begin with a capital (the regular expression engine then skips ahead fast); later words may
# be particles or prefixed: "Arnel dela Vega", "Moammar al-Eryani".
_CANDIDATE = re.compile(
    rf"""
    [{UPPER}][\w{APOSTROPHES}.-]*                     # a capitalised word: "Ursula", "O’Brien", "Jr."
    (?:
        [ ]+(?:(?:{"|".join(sorted(PARTICLES))})[ ]+)*  # then a space, perhaps particles: "von der "
        (?:[{UPPER}]                                   # and a capitalised word: "Leyen"
          | (?:{"|".join(NAME_PREFIXES)})[-{APOSTROPHES}][{UPPER}]   # or a prefixed one: "al-Eryani"
        )[\w{APOSTROPHES}.-]*
    )*
    """,
    re.VERBOSE,
)


def capitalised_groups(text: str, start: int = 0, end: int | None = None) -> list[list[Word]]:
    """The runs of capitalised words in `text`, as words, split wherever punctuation stands between two."""
    groups = []
    for m in _CANDIDATE.finditer(text, start, len(text) if end is None else end):
        found = m.group()
        if " " not in found:
            if found.lower() not in NOT_NAMES:  # not "The", "He", "On" opening a sentence
                groups.append(words(found, m.start()))
            continue
        group: list[Word] = []
        for word in words(m.group(), m.start()):
            if group and text[group[-1].end : word.start].strip(" -"):
                groups.append(group)
                group = []
            group.append(word)
        groups.append(group)
    return groups


def name_runs(group: Sequence[Word], text: str = "") -> list[tuple[int, int, Name | None]]:
    """(start, end, name) of each run of name words in `group`; name is None for an organization.

    With the `text` the group comes from, a lowercase role just before a name is kept with it:
    "White House press secretary Sarah Sanders" has the role "press secretary"."""
    found = []
    for a, b in _runs(group):
        run = [w for w in group[a:b] if w.lower not in SUFFIXES]
        cut = max((i for i, w in enumerate(run[:-1]) if w.lower in ROLES), default=-1)
        rest = run[cut + 1 :]
        if not rest:
            continue
        if not_a_person(rest):
            found.append((a, b, None))
            continue
        role = " ".join(ROLE_NAMES.get(w.lower, w.lower) for w in run[: cut + 1])
        title = _TITLE_OF.search(text, max(0, rest[0].start - 30), rest[0].start) if len(rest) > 2 else None
        if title and title[1].lower() in ROLES:
            # "Secretary of State Mike Pompeo": the words after "of" end the title.
            rest = rest[-3:] if rest[-2].text.endswith(".") else rest[-2:]
        before = None
        if text and not role:
            before = _ROLE_BEFORE.search(text, max(0, run[0].start - 40), run[0].start)
        if before and before[1].split()[-1] in ROLES:
            role = before[1].strip()
        found.append((a, b, Name(" ".join(w.text for w in rest), role, rest[0].start, rest[-1].end)))
    return found


_ROLE_BEFORE = re.compile(r"((?:[a-z][a-z-]* ){1,2})$")  # "White House press secretary " before a name
_TITLE_OF = re.compile(r"\b([A-Za-z]+) (?:of|for|to) $")  # "Secretary of " before "State Mike Pompeo"
# Words of a role that say what kind of holder, not what is held: "a former diplomat" is no title.
MODIFIERS = word_set("former ex acting interim senior junior then late deputy assistant associate vice")
