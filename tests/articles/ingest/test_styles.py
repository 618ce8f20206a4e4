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
from tests.articles.ingest.copies import score

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


def test_extraction_agrees_with_the_hand_labelled_styles():
    gazetteer = Gazetteer()
    precision, recall, speakers, misses = score(
        (a["file"], extract(read(a), gazetteer=gazetteer).quotes, a["quotes"]) for a in GOLD
    )

    report = f"precision {precision:.2f}, recall {recall:.2f}, speakers {speakers:.2f}: " + "; ".join(misses)
    assert precision >= 0.90, report
    assert recall >= 0.85, report
    assert speakers >= 0.90, report
