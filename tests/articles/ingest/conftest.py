import pytest

from articles.ingest import extract, parse_document
from tests.articles.ingest.copies import HONG_KONG, PUBLISHED, raw_copy


@pytest.fixture
def read():
    """Parse paragraphs written in a test, published Tuesday 27 March 2018 in Hong Kong, and extract."""

    def read(*paragraphs, people=(), organizations=(), published=PUBLISHED, headline="A headline"):
        raw = raw_copy(*paragraphs, published=published, headline=headline)
        return extract(parse_document(raw, source="test.txt", tz=HONG_KONG), people, organizations)

    return read
