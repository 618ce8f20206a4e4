"""Which known people and organizations an article names: by name, alias or acronym, in order."""

from articles.ingest.document import ParsedDocument
from articles.ingest.gazetteer import EntityKind, Gazetteer


def mentions(document: ParsedDocument, gazetteer: Gazetteer) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Keys of the known people and of the known organizations named in the headline, standfirst or body.

    A surname alone ("Sonoura") only ever refers to someone already named in full, who is listed by then.
    """
    people: dict[str, None] = {}
    organizations: dict[str, None] = {}
    for text in (document.headline, document.standfirst, *document.paragraphs):
        for found in gazetteer.mentions_in(text):
            (people if found.kind == EntityKind.PERSON else organizations).setdefault(found.entity.key)
    return tuple(people), tuple(organizations)
