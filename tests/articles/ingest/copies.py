"""Raw copies written in tests, as outlets send them."""

from zoneinfo import ZoneInfo

from articles.ingest.typography import comparable, fold

HONG_KONG = ZoneInfo("Asia/Hong_Kong")
PUBLISHED = "PUBLISHED : Tuesday, 27 March, 2018, 5:55pm"


def raw_copy(*paragraphs: str, published: str = PUBLISHED, headline: str = "A headline") -> str:
    """Headline, date line, then paragraphs between blank lines."""
    return f"{headline}\n\n{published}\n\n" + "\n\n".join(paragraphs) + "\n"


def score(cases):
    """Precision, recall, speaker accuracy and the misses, over (label, extracted, labelled) triples.

    A labelled quote is found when an extracted quote starts with its opening words.
    """
    found = matched = right_speaker = expected = 0
    misses = []
    for label, quotes, labelled in cases:
        found += len(quotes)
        expected += len(labelled)
        unclaimed = list(quotes)
        for want in labelled:
            start = comparable(want["start"])
            hit = next((q for q in unclaimed if comparable(q.text).startswith(start)), None)
            if hit is None:
                misses.append(f"{label}: missed {want['start']!r} ({want['speaker']})")
                continue
            unclaimed.remove(hit)
            matched += 1
            if fold(hit.speaker).casefold() == fold(want["speaker"]).casefold():
                right_speaker += 1
            else:
                misses.append(f"{label}: {want['start']!r}: {hit.speaker}, not {want['speaker']}")
        misses += [f"{label}: extra {q.text[:40]!r} ({q.speaker})" for q in unclaimed]
    return matched / max(found, 1), matched / max(expected, 1), right_speaker / max(matched, 1), misses
