"""Print the quotes the extractor finds in a CSV of articles (url,date,title,text), for review by eye.

    .venv/bin/python scripts/corpus_quotes.py ../shared/corpus/wikinews-2019-h1.csv [--only 3 8 ...]
    .venv/bin/python scripts/corpus_quotes.py ../shared/corpus/wikinews-2019-h1.csv --score [--json F]

Each row is read as the loader writes it to a file: the title, a blank line, then the text. The rows
name no time zone; UTC is assumed. Prints each article's quotes with speaker, day said and context,
then totals; exits non-zero if a row could not be read.

With --score, prints instead precision, recall and right speaker by kind of source against the
hand-checked gold sets of tests/articles/ingest (corpus_gold.json over the CSV's articles, and
styles_gold.json over the copies in styles/), the misses with --verbose, and the extraction speed
over the whole CSV; --json writes the same figures to a file.
"""

import argparse
import csv
import datetime as dt
import json
import sys
import time
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from articles.ingest import Entity, Gazetteer, SeedFormatError, extract, parse_document  # noqa: E402
from tests.articles.ingest.copies import Scores, score  # noqa: E402

GOLD = Path(__file__).resolve().parents[1] / "tests" / "articles" / "ingest"


def read_row(row) -> object:
    return parse_document(f"{row['title']}\n\n{row['text']}", source=row["url"], tz=dt.UTC)


def corpus_scores(rows) -> Scores:
    by_url = {row["url"]: row for row in rows}
    gold = json.loads((GOLD / "corpus_gold.json").read_text(encoding="utf-8"))["articles"]
    return score((a["url"], extract(read_row(by_url[a["url"]])).quotes, a["quotes"]) for a in gold)


def styles_scores() -> Scores:
    gold = json.loads((GOLD / "styles_gold.json").read_text(encoding="utf-8"))["articles"]

    def extracted(article):
        raw = (GOLD / "styles" / article["file"]).read_bytes()
        document = parse_document(raw, source=article["file"], tz=ZoneInfo(article["time_zone"]))
        people = [
            Entity(p["key"], p["name"], descriptions=tuple(p["descriptions"]))
            for p in article.get("people", ())
        ]
        return extract(document, gazetteer=Gazetteer(people)).quotes

    return score((a["file"], extracted(a), a["quotes"]) for a in gold)


def figures(scores: Scores) -> dict:
    tallies = {"all": scores.all, "named": scores.named, **scores.kinds}
    return {
        kind: {
            "precision": round(t.precision, 3),
            "recall": round(t.recall, 3),
            "right_speaker": round(t.speakers, 3),
            "found": t.found,
            "expected": t.expected,
        }
        for kind, t in tallies.items()
    }


def report_scores(rows, verbose: bool, json_path: Path | None) -> int:
    results = {}
    for name, scores in (("wikinews gold set", corpus_scores(rows)), ("style copies", styles_scores())):
        print(f"{name}:\n{scores.table()}")
        if verbose:
            print("\n".join(scores.misses))
        print()
        results[name] = figures(scores)
    gazetteer = Gazetteer()
    started = time.process_time()
    for row in rows:
        extract(read_row(row), gazetteer=gazetteer)
    seconds = time.process_time() - started
    print(f"speed: {len(rows)} articles parsed and extracted in {seconds:.2f}s of processor time")
    results["speed"] = {"articles": len(rows), "seconds": round(seconds, 3)}
    if json_path is not None:
        json_path.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {json_path}")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("csv", type=Path, help="CSV with the columns url, date, title, text")
    parser.add_argument("--only", type=int, nargs="*", help="row numbers (from 0) to show")
    parser.add_argument("--score", action="store_true", help="score against the gold sets instead")
    parser.add_argument("--verbose", action="store_true", help="with --score: list every miss")
    parser.add_argument("--json", type=Path, help="with --score: write the figures to this file")
    args = parser.parse_args()
    with args.csv.open(newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    if args.score:
        return report_scores(rows, args.verbose, args.json)
    gazetteer = Gazetteer()
    totals = {"articles": 0, "failed": 0, "quotes": 0, "new speakers": 0}
    started = time.perf_counter()
    for number, row in enumerate(rows):
        if args.only and number not in args.only:
            continue
        totals["articles"] += 1
        try:
            document = read_row(row)
        except SeedFormatError as e:
            totals["failed"] += 1
            print(f"[{number}] FAILED {e}\n")
            continue
        extraction = extract(document, gazetteer=gazetteer)
        totals["quotes"] += len(extraction.quotes)
        totals["new speakers"] += len(extraction.new_speakers)
        day, paragraphs = document.published_at.date(), len(document.paragraphs)
        print(f"[{number}] {row['title']} ({day}, {paragraphs} paragraphs)")
        print(f"    {row['url']}")
        for q in extraction.quotes:
            flags = " featured" if q.featured else ""
            where = f" [{q.context}]" if q.context else ""
            text = q.text.replace("\n\n", " ¶ ")
            short = text if len(text) <= 90 else f"{text[:60]} ... {text[-25:]}"
            print(f"    p{q.paragraph:<2} {q.speaker} ({q.said_on}){where}{flags}: {short}")
        print()
    elapsed = time.perf_counter() - started
    print(", ".join(f"{value} {name}" for name, value in totals.items()) + f"; {elapsed:.2f}s")
    return 1 if totals["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
