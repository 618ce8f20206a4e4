"""The extractor on copies written in the shapes of other outlets (styles/), against hand labels.

The labels in styles_gold.json were written before the extractor was run on the copies: wire copy,
British broadsheet and tabloid, US dailies, Asian English-language papers, an interview transcript.
"""

import datetime as dt
import json
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from articles.ingest import Gazetteer, extract, parse_document
from articles.ingest.typography import comparable, fold

HERE = Path(__file__).parent
GOLD = json.loads((HERE / "styles_gold.json").read_text(encoding="utf-8"))["articles"]


def read(article):
    raw = (HERE / "styles" / article["file"]).read_bytes()
    return parse_document(raw, source=article["file"], tz=ZoneInfo(article["time_zone"]))


@pytest.mark.parametrize("article", GOLD, ids=[a["file"] for a in GOLD])
def test_each_copy_parses_with_its_publication_time(article):
    document = read(article)

    assert document.published_at == dt.datetime.fromisoformat(article["published"])
    assert document.paragraphs


def score(articles):
    """(precision, recall, speaker accuracy, misses) of the extraction against the labels."""
    gazetteer = Gazetteer()
    found = matched = right_speaker = expected = 0
    misses = []
    for article in articles:
        quotes = extract(read(article), gazetteer=gazetteer).quotes
        found += len(quotes)
        expected += len(article["quotes"])
        unclaimed = list(quotes)
        for want in article["quotes"]:
            start = comparable(want["start"])
            hit = next((q for q in unclaimed if comparable(q.text).startswith(start)), None)
            if hit is None:
                misses.append(f"{article['file']}: missed {want['start']!r} ({want['speaker']})")
                continue
            unclaimed.remove(hit)
            matched += 1
            if fold(hit.speaker).casefold() == fold(want["speaker"]).casefold():
                right_speaker += 1
            else:
                misses.append(f"{article['file']}: {want['start']!r}: {hit.speaker}, not {want['speaker']}")
        misses += [f"{article['file']}: extra {q.text[:40]!r} ({q.speaker})" for q in unclaimed]
    return matched / max(found, 1), matched / expected, right_speaker / max(matched, 1), misses


def test_extraction_agrees_with_the_hand_labelled_styles():
    precision, recall, speakers, misses = score(GOLD)

    report = f"precision {precision:.2f}, recall {recall:.2f}, speakers {speakers:.2f}: " + "; ".join(misses)
    assert precision >= 0.90, report
    assert recall >= 0.85, report
    assert speakers >= 0.90, report
