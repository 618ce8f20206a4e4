"""Who a batch's quotes are from and who wrote its articles.

The people, organizations and journalists a batch needs that nobody knew yet are created first, in
bulk, each awaiting an editor's review; then every quote's source is a person, an organization, or a
description as printed, as the extractor found it.
"""

from articles.ingest import SourceKind
from articles.loader.errors import LoaderError
from articles.loader.people import name_key
from articles.models import Quote
from people.models import Organization, Person


def fits(model, field_name, value, source, line, what):
    """Refuse, naming the file and line, a value too long for its column: SQLite would store it and
    PostgreSQL refuse it, and the admin could not save the row again."""
    limit = model._meta.get_field(field_name).max_length
    if value and len(value) > limit:
        name = getattr(source, "display", None) or source.source
        where = f"{name}, line {line}" if line else name
        raise LoaderError(f"{where}: {what} is {len(value):,} characters long; at most {limit:,} fit")


def create_new_sources(batch, directory, report):
    """Create, in one query a kind, the speakers, organizations and bylined journalists the batch
    names that the directory does not know."""
    people, organizations, journalists = {}, {}, {}
    for source, document, extraction in batch:
        for quote in extraction.quotes:
            line = document.paragraph_lines[quote.paragraph] if document.paragraph_lines else None
            if quote.kind == SourceKind.PERSON:
                key = name_key(quote.speaker)
                if directory.speaker_id(quote.speaker_key, quote.speaker) is None and key not in people:
                    fits(Person, "name", quote.speaker, source, line, "the speaker's name")
                    people[key] = directory.new_person(quote.speaker)
                continue
            if quote.kind == SourceKind.UNNAMED:
                fits(Quote, "source_description", description(quote), source, line, "the unnamed source")
            key = name_key(quote.organization or "")
            if (
                quote.organization
                and directory.organization_id(quote.organization_key, quote.organization) is None
                and key not in organizations
            ):
                fits(Organization, "name", quote.organization, source, line, "the organization's name")
                organizations[key] = directory.new_organization(quote.organization)
        for name in getattr(document, "bylines", ()):
            key = name_key(name)
            if directory.journalist_id(name) is None and key not in journalists:
                fits(Person, "name", name, source, None, "the byline's name")
                journalists[key] = directory.new_journalist(name)
    created = [*people.values(), *journalists.values()]
    if created:
        Person.objects.bulk_create(created)
        directory.saved(created)
        report.count("people", "created", len(created))
        report.new_people.extend(p.name for p in created)
    if organizations:
        Organization.objects.bulk_create(organizations.values())
        directory.saved_organizations(organizations.values())
        report.count("organizations", "created", len(organizations))
        report.new_organizations.extend(o.name for o in organizations.values())


def description(quote):
    return quote.description or quote.speaker


def quote_source(directory, quote):
    """The quote row's source columns, for a quote whose people and organizations all exist by now."""
    if quote.kind == SourceKind.PERSON:
        return {
            "source_kind": Quote.Source.PERSON,
            "speaker_id": directory.speaker_id(quote.speaker_key, quote.speaker),
            "organization_id": None,
            "source_description": "",
        }
    organization = (
        directory.organization_id(quote.organization_key, quote.organization) if quote.organization else None
    )
    if quote.kind == SourceKind.ORGANIZATION:
        return {
            "source_kind": Quote.Source.ORGANIZATION,
            "speaker_id": None,
            "organization_id": organization,
            "source_description": "",
        }
    return {
        "source_kind": Quote.Source.UNNAMED,
        "speaker_id": None,
        "organization_id": organization,
        "source_description": description(quote),
    }
