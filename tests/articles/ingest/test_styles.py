"""The extractor on copies written in the shapes of other outlets (styles/), against hand labels.

The labels in styles_gold.json were written before the extractor was run on the copies: wire copy,
British broadsheet and tabloid, US dailies, Asian English-language papers, an interview transcript, and
invented US political news in the shapes of AP, Politico, CNN, Fox News, The New York Times, The
Washington Post and The Hill. Each quote's source is scored by its kind: a person, an organization or an
unnamed source; the thresholds are the scores the extractor reaches, so that a rule that loses any of
them fails here.
"""

import datetime as dt
import json
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from articles.ingest import Entity, Gazetteer, extract, parse_document
from tests.articles.ingest.copies import score

HERE = Path(__file__).parent
GOLD = json.loads((HERE / "styles_gold.json").read_text(encoding="utf-8"))["articles"]
# (precision, recall, right speaker) that each kind of source must reach over all the copies.
THRESHOLDS = {
    "all": (0.97, 0.92, 0.93),
    "named": (0.97, 0.92, 0.94),
    "person": (0.97, 0.95, 0.96),
    "organization": (0.90, 0.80, 0.80),
    "unnamed": (0.95, 0.85, 0.80),
}


def read(article):
    raw = (HERE / "styles" / article["file"]).read_bytes()
    return parse_document(raw, source=article["file"], tz=ZoneInfo(article["time_zone"]))


def known(article):
    people = [
        Entity(p["key"], p["name"], descriptions=tuple(p["descriptions"])) for p in article.get("people", ())
    ]
    return Gazetteer(people)


@pytest.mark.parametrize("article", GOLD, ids=[a["file"] for a in GOLD])
def test_each_copy_parses_with_its_publication_time(article):
    document = read(article)

    assert document.published_at == dt.datetime.fromisoformat(article["published"])
    assert document.paragraphs


def test_extraction_agrees_with_the_hand_labelled_styles():
    scores = score((a["file"], extract(read(a), gazetteer=known(a)).quotes, a["quotes"]) for a in GOLD)

    tallies = {"all": scores.all, "named": scores.named, **scores.kinds}
    for kind, (precision, recall, speakers) in THRESHOLDS.items():
        tally = tallies[kind]
        assert tally.precision >= precision, f"{kind} precision\n{scores.report()}"
        assert tally.recall >= recall, f"{kind} recall\n{scores.report()}"
        assert tally.speakers >= speakers, f"{kind} speakers\n{scores.report()}"


@pytest.mark.parametrize(
    "article", [a for a in GOLD if "bylines" in a or "left_out" in a], ids=lambda a: a["file"]
)
def test_bylines_captions_credits_and_lone_attributions_are_read_out_of_the_body(article):
    document = read(article)

    assert list(document.bylines) == article.get("bylines", [])
    kept_out = [(item.kind, item.text) for item in document.left_out if item.kind != "byline"]
    assert kept_out == [(item["kind"], item["text"]) for item in article.get("left_out", [])]
    assert not any(
        item["text"] in paragraph for item in article.get("left_out", []) for paragraph in document.paragraphs
    )
