"""The extractor on real articles: the Wikinews corpus in ../shared/corpus, when it is there."""

import csv
import datetime as dt
import json
from pathlib import Path

import pytest

from articles.ingest import Gazetteer, extract, parse_document
from articles.ingest.typography import comparable
from tests.articles.ingest.copies import score

ROOT = Path(__file__).resolve().parents[3]
CORPUS = ROOT.parent / "shared" / "corpus" / "wikinews-2019-h1.csv"
GOLD = Path(__file__).with_name("corpus_gold.json")
# (precision, recall, right speaker) that each kind of source must reach over the gold set.
THRESHOLDS = {
    "all": (0.97, 0.86, 0.95),
    "named": (0.97, 0.86, 0.96),
    "person": (0.97, 0.94, 0.96),
    "organization": (0.90, 0.20, 0.90),
    "unnamed": (0.90, 0.75, 0.80),
}


@pytest.fixture(scope="module")
def corpus():
    if not CORPUS.exists():
        pytest.skip(f"the Wikinews corpus is not at {CORPUS}")
    with CORPUS.open(newline="", encoding="utf-8") as f:
        return {row["url"]: row for row in csv.DictReader(f)}


def read(row):
    # As the loader writes a corpus row to a file: the title, a blank line, the text.
    return parse_document(f"{row['title']}\n\n{row['text']}", source=row["url"], tz=dt.UTC)


def test_every_corpus_article_parses_and_extracts(corpus):
    gazetteer = Gazetteer()
    for url, row in corpus.items():
        document = read(row)
        extraction = extract(document, gazetteer=gazetteer)

        assert document.headline == row["title"].strip(), url
        assert document.published_at.date().isoformat() == row["date"], url
        assert document.paragraphs, url
        assert all(q.text and q.speaker and q.kind for q in extraction.quotes), url
        assert all(q.text[0] not in '“"' for q in extraction.quotes), url


def test_extraction_agrees_with_the_hand_checked_gold_set(corpus):
    gold = json.loads(GOLD.read_text(encoding="utf-8"))["articles"]
    for article in gold:
        text = comparable(corpus[article["url"]]["text"])
        assert all(comparable(q["start"]) in text for q in article["quotes"]), (
            "a gold quote is not in its article"
        )

    scores = score((a["url"], extract(read(corpus[a["url"]])).quotes, a["quotes"]) for a in gold)

    tallies = {"all": scores.all, "named": scores.named, **scores.kinds}
    for kind, (precision, recall, speakers) in THRESHOLDS.items():
        tally = tallies[kind]
        assert tally.precision >= precision, f"{kind} precision\n{scores.report()}"
        assert tally.recall >= recall, f"{kind} recall\n{scores.report()}"
        assert tally.speakers >= speakers, f"{kind} speakers\n{scores.report()}"
