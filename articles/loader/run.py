from django.db import transaction

from articles.ingest import SeedFormatError, parse_document
from articles.loader.errors import LoaderError
from articles.loader.files import Sources, collect
from articles.loader.fixtures import sync_fixtures
from articles.loader.people import Directory
from articles.loader.report import Report
from articles.loader.writer import ArticleWriter


def read_article(source, raw=None):
    """Parse a source's raw copy (read from its path unless given) into a checked document."""
    try:
        raw = source.path.read_bytes() if raw is None else raw
        document = parse_document(raw, source=source.display, tz=source.time_zone)
    except SeedFormatError as error:
        raise LoaderError(str(error)) from error
    except OSError as error:
        raise LoaderError(f"{source.display}: cannot be read ({error.strerror})") from error
    if document.updated_at and document.updated_at < document.published_at:
        raise LoaderError(f"{source.display}: the UPDATED time is earlier than the PUBLISHED time")
    return document


def load_seeds(paths, *, dry_run=False, keep_articles=False, progress=None):
    """Load fixtures, then raw article copies, in one transaction: all of it or, on any error, none of it.

    Raises LoaderError naming the file (and line) at fault. A dry run does the same work and rolls back.
    """
    fixtures, copies = collect(paths)
    describe = Sources()
    report = Report(dry_run=dry_run, keep_articles=keep_articles)
    with transaction.atomic():
        report.fixtures(sync_fixtures(fixtures))
        writer = ArticleWriter(Directory(), report)
        for done, path in enumerate(copies, 1):
            source = describe(path)
            writer.add(source, read_article(source))
            if progress:
                progress(done, len(copies))
        writer.flush()
        if dry_run:
            transaction.set_rollback(True)
    return report


def load_document(source, document, *, dry_run=False):
    """Load one already-parsed article (an editor's paste or upload); returns the report and its article."""
    report = Report(dry_run=dry_run, keep_articles=True)
    with transaction.atomic():
        writer = ArticleWriter(Directory(), report)
        writer.add(source, document)
        writer.flush()
        if dry_run:
            transaction.set_rollback(True)
    return report
