"""Raw article copy to data: the document, its quotes and speakers, its dates and mentions.

Pure Python (no Django), so it can be used and tested on its own.
"""

from articles.ingest.document import LeftOut, LeftOutKind, ParsedDocument, PullQuote, parse_document
from articles.ingest.errors import SeedFormatError
from articles.ingest.extraction import Extraction, extract
from articles.ingest.gazetteer import Entity, Gazetteer
from articles.ingest.quotes import ExtractedQuote, Unattributed
from articles.ingest.sources import SourceKind

__all__ = [
    "Entity",
    "ExtractedQuote",
    "Extraction",
    "Gazetteer",
    "LeftOut",
    "LeftOutKind",
    "ParsedDocument",
    "PullQuote",
    "SeedFormatError",
    "SourceKind",
    "Unattributed",
    "extract",
    "parse_document",
]
