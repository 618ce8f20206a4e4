"""Print the quotes the extractor finds in a CSV of articles (url,date,title,text), for review by eye.

    .venv/bin/python scripts/corpus_quotes.py ../shared/corpus/wikinews-2019-h1.csv [--only 3 8 ...]

Each row is read as the loader writes it to a file: the title, a blank line, then the text. The rows
name no time zone; UTC is assumed. Prints each article's quotes with speaker, day said and context,
then totals; exits non-zero if a row could not be read.
"""

import argparse
import csv
import datetime as dt
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from articles.ingest import Gazetteer, SeedFormatError, extract, parse_document  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("csv", type=Path, help="CSV with the columns url, date, title, text")
    parser.add_argument("--only", type=int, nargs="*", help="row numbers (from 0) to show")
    args = parser.parse_args()
    with args.csv.open(newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    gazetteer = Gazetteer()
    totals = {"articles": 0, "failed": 0, "quotes": 0, "new speakers": 0}
    started = time.perf_counter()
    for number, row in enumerate(rows):
        if args.only and number not in args.only:
            continue
        totals["articles"] += 1
        try:
            document = parse_document(f"{row['title']}\n\n{row['text']}", source=row["url"], tz=dt.UTC)
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
