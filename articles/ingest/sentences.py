"""Sentences of a paragraph whose quotations stand as placeholders."""

import re

from articles.ingest.lexicon import ABBREVIATIONS
from articles.ingest.typography import UPPER

# Each quotation is one of these in the text that attribution reads, so that names inside quoted words
# are never taken for speakers, and a quotation that ends with a full stop still ends its sentence.
QUOTE = "\ue000"  # a quotation whose words end mid-sentence
QUOTE_ENDING = "\ue001"  # a quotation whose words end a sentence
PLACEHOLDERS = QUOTE + QUOTE_ENDING

_BOUNDARY = re.compile(rf"(?:[.?!…]|{QUOTE_ENDING})[\"”’')\]]*\s+(?=[{UPPER}\d\"“‘(\[{PLACEHOLDERS}])|;\s*")
_INITIAL_OR_ABBREVIATION = re.compile(
    r"(?:\b[A-Z]|\b(?:[A-Za-z]\.)+[A-Za-z]|\b(?:" + ABBREVIATIONS + r"))\.\S*\s+$"
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
