"""Sentences of a paragraph whose quotations stand as placeholders."""

import re

from articles.ingest.lexicon.people import ABBREVIATIONS
from articles.ingest.typography import (
    LEFT_DOUBLE,
    LEFT_SINGLE,
    RIGHT_DOUBLE,
    RIGHT_SINGLE,
    STRAIGHT_DOUBLE,
    STRAIGHT_SINGLE,
    UPPER,
)

# Each quotation is one of these in the text that attribution reads, so that names inside quoted words
# are never taken for speakers, and a quotation that ends with a full stop still ends its sentence.
QUOTE = "\ue000"  # a quotation whose words end mid-sentence
QUOTE_ENDING = "\ue001"  # a quotation whose words end a sentence
PLACEHOLDERS = QUOTE + QUOTE_ENDING

_CLOSERS = STRAIGHT_DOUBLE + RIGHT_DOUBLE + RIGHT_SINGLE + STRAIGHT_SINGLE + r")\]"
_OPENERS = STRAIGHT_DOUBLE + LEFT_DOUBLE + LEFT_SINGLE + r"(\["
_BOUNDARY = re.compile(
    rf"""
    (?:[.?!…]|{QUOTE_ENDING})[{_CLOSERS}]*\s+   # "ended. It", "ended.) It", QUOTE_ENDING then "He said"
      (?=[{UPPER}\d{_OPENERS}{PLACEHOLDERS}])    # ... before a capital, a number, a mark or a quotation
  | ;\s*                                         # "one clause; another"
    """,
    re.VERBOSE,
)
_INITIAL_OR_ABBREVIATION = re.compile(
    rf"""
    (?:
        \b[A-Z]                      # an initial: "John F. Kennedy"
      | \b(?:[A-Za-z]\.)+[A-Za-z]    # letters and points: "U.S. officials", "at 5 p.m. Monday"
      | \b(?:{ABBREVIATIONS})        # a title or an abbreviation: "Dr. Smith", "Acme Inc. said"
    )
    \.\S*\s+$                        # ... then its point, up to where the sentence would end
    """,
    re.VERBOSE,
)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of `text`, semicolons ending clauses too; "Dr." and "U.S." end none."""
    spans, start = [], 0
    for m in _BOUNDARY.finditer(text):
        if m.group().startswith(".") and _INITIAL_OR_ABBREVIATION.search(
            text, max(0, m.start() - 12), m.end()
        ):
            continue
        spans.append((start, m.end()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans
