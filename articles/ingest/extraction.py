"""extract(): the quotes, speakers and mentions of one parsed article."""

from collections.abc import Sequence
from dataclasses import dataclass

from articles.ingest.document import ParsedDocument
from articles.ingest.gazetteer import Entity, Gazetteer
from articles.ingest.mentions import mentions
from articles.ingest.quotes import ExtractedQuote, Unattributed, find_quotes
from articles.ingest.sources import SourceKind


@dataclass(frozen=True)
class Extraction:
    quotes: tuple[ExtractedQuote, ...]
    people: tuple[str, ...]  # keys of the known people mentioned
    organizations: tuple[str, ...]  # keys of the known organizations mentioned
    new_speakers: tuple[str, ...]  # people quoted whom nobody knew, in order of speaking
    # Quotations the reader took for real ones but could not attribute, for an editor to look at.
    unattributed: tuple[Unattributed, ...] = ()


def extract(
    document: ParsedDocument,
    people: Sequence[Entity] = (),
    organizations: Sequence[Entity] = (),
    *,
    gazetteer: Gazetteer | None = None,
) -> Extraction:
    """Quotes with speakers, and the known people and organizations mentioned.

    Pass a `gazetteer` built once (Gazetteer(people, organizations)) when extracting many articles;
    without one, the lists are indexed once and the index is reused while they stay the same.
    """
    gazetteer = gazetteer or Gazetteer.of(people, organizations)
    quotes, unattributed = find_quotes(document, gazetteer)
    people_keys, organization_keys = mentions(document, gazetteer)
    new_speakers = dict.fromkeys(
        q.speaker for q in quotes if q.kind == SourceKind.PERSON and q.speaker_key is None
    )
    return Extraction(tuple(quotes), people_keys, organization_keys, tuple(new_speakers), tuple(unattributed))
