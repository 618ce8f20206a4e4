"""Raw copies written in tests, as outlets send them, and the scoring of extracted quotes against labels."""

import re
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from articles.ingest.typography import comparable, fold, straighten

HONG_KONG = ZoneInfo("Asia/Hong_Kong")
PUBLISHED = "PUBLISHED : Tuesday, 27 March, 2018, 5:55pm"
KINDS = ("person", "organization", "unnamed")


def raw_copy(*paragraphs: str, published: str = PUBLISHED, headline: str = "A headline") -> str:
    """Headline, date line, then paragraphs between blank lines."""
    return f"{headline}\n\n{published}\n\n" + "\n\n".join(paragraphs) + "\n"


@dataclass
class Tally:
    found: int = 0  # quotes extracted as this kind
    correct: int = 0  # ... that are labelled quotes
    expected: int = 0  # labelled quotes of this kind
    matched: int = 0  # ... that were extracted
    right: int = 0  # ... with the right kind of source and the right speaker

    @property
    def precision(self) -> float:
        return self.correct / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.expected if self.expected else 1.0

    @property
    def speakers(self) -> float:
        return self.right / self.matched if self.matched else 1.0

    def add(self, other: "Tally") -> None:
        for name in ("found", "correct", "expected", "matched", "right"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


@dataclass
class Scores:
    """Precision, recall and speaker accuracy over all quotes and by the kind of source."""

    kinds: dict[str, Tally] = field(default_factory=lambda: {kind: Tally() for kind in KINDS})
    misses: list[str] = field(default_factory=list)

    @property
    def all(self) -> Tally:
        total = Tally()
        for tally in self.kinds.values():
            total.add(tally)
        return total

    @property
    def named(self) -> Tally:
        """People and organizations: the sources with a name, whose speaker can be right or wrong."""
        total = Tally()
        for kind in ("person", "organization"):
            total.add(self.kinds[kind])
        return total

    def table(self) -> str:
        rows = [("all", self.all), ("named", self.named), *self.kinds.items()]
        return "\n".join(
            f"{label:<13} precision {t.precision:.2f} ({t.correct}/{t.found})  recall {t.recall:.2f} "
            f"({t.matched}/{t.expected})  speaker {t.speakers:.2f} ({t.right}/{t.matched})"
            for label, t in rows
        )

    def report(self) -> str:
        return self.table() + "\n" + "\n".join(self.misses)


def kind_of(quote) -> str:
    return str(getattr(quote, "kind", "person"))


_SMALL = frozenset(["the", "a", "an", "of", "'s"])
_COMPANY = frozenset(["inc", "inc.", "corp", "corp.", "co", "co.", "llc", "ltd", "ltd.", "plc"])


def _tokens(name: str) -> list[str]:
    text = fold(straighten(name)).casefold().replace("'s", " ").replace("’s", " ")
    return [w for w in re.findall(r"[\w-]+", text) if w not in _SMALL and w not in _COMPANY]


def same_speaker(quote, want: dict) -> bool:
    kind = want.get("speaker_type", "person")
    if kind_of(quote) != kind:
        return False
    got, wanted = _tokens(quote.speaker), _tokens(want["speaker"])
    if kind == "person":
        return got == wanted
    if not got or not wanted:
        return False
    if kind == "organization":  # "Ford" for "Ford Motor Company", "Kessler's campaign" for "Kessler campaign"
        return set(got) <= set(wanted) or set(wanted) <= set(got)
    # An unnamed source's description, as far as one of them goes: "a memo" for "a memo sent to agency heads".
    shorter = min(len(got), len(wanted))
    return got[:shorter] == wanted[:shorter]


def score(cases) -> Scores:
    """Scores over (label, extracted quotes, labelled quotes) triples.

    A labelled quote is found when an extracted quote starts with its opening words.
    """
    scores = Scores()
    for label, quotes, labelled in cases:
        unclaimed = list(quotes)
        for quote in quotes:
            scores.kinds[kind_of(quote)].found += 1
        for want in labelled:
            kind = want.get("speaker_type", "person")
            tally = scores.kinds[kind]
            tally.expected += 1
            start = comparable(want["start"])
            hit = next((q for q in unclaimed if comparable(q.text).startswith(start)), None)
            if hit is None:
                scores.misses.append(f"{label}: missed {want['start']!r} ({kind} {want['speaker']})")
                continue
            unclaimed.remove(hit)
            tally.matched += 1
            scores.kinds[kind_of(hit)].correct += 1
            if same_speaker(hit, want):
                tally.right += 1
            else:
                got, wanted = f"{kind_of(hit)} {hit.speaker!r}", f"{kind} {want['speaker']!r}"
                scores.misses.append(f"{label}: {want['start']!r}: {got}, not {wanted}")
        scores.misses += [f"{label}: extra {q.text[:40]!r} ({kind_of(q)} {q.speaker})" for q in unclaimed]
    return scores
