import gc

from django.db import transaction

from articles.ingest import extract
from articles.loader.extracting import extracted
from articles.loader.files import Sources, collect
from articles.loader.fixtures import sync_fixtures
from articles.loader.people import Directory
from articles.loader.report import Report
from articles.loader.revisions import LoadRevision
from articles.loader.writer import ArticleWriter
from articles.search import ARTICLES, QUOTES
from newsroom.cache import pages_changed
from newsroom.maintenance import refresh_statistics
from newsroom.search import bulk_indexing

# After writing this many articles, the query planner's statistics are out of date: refresh them.
LARGE_LOAD = 1000


def load_seeds(paths, *, dry_run=False, force=False, keep_articles=False, progress=None, workers=None):
    """Load fixtures, then raw article copies, in one transaction: all of it or, on any error, none of it.

    Raises LoaderError naming the file (and line) at fault. A dry run does the same work and rolls back.
    An article an editor changed since its last import is left as they made it, unless `force`.
    """
    fixtures, copies = collect(paths)
    report = Report(dry_run=dry_run, keep_articles=keep_articles)
    # What exists now (Django, the app, the directory) lives for the whole run: moving it out of the
    # collector's reach makes the collections the writer asks for after each batch cheap.
    gc.freeze()
    with transaction.atomic(), bulk_indexing([ARTICLES, QUOTES]) as index:
        report.fixtures(sync_fixtures(fixtures))
        directory = Directory()
        revision = LoadRevision(f"Loaded by load_seeds from {', '.join(map(str, paths))}")
        writer = ArticleWriter(directory, report, force=force, revision=revision, index=index)
        for done, item in enumerate(extracted(copies, Sources(), directory, workers), 1):
            writer.add(*item)
            if progress:
                progress(done, len(copies))
        writer.flush()
        _finish(report)
    gc.unfreeze()
    if not dry_run and report.written_articles() >= LARGE_LOAD:
        refresh_statistics()
    return report


def load_document(source, document, *, extraction=None, dry_run=False, force=False, user=None):
    """Load one already-parsed article (an editor's paste or upload) and report what it did; with
    `extraction`, as an editor corrected what was found in it."""
    report = Report(dry_run=dry_run, keep_articles=True)
    with transaction.atomic():
        directory = Directory()
        revision = LoadRevision(f"Imported from {source.display} on the import page", user=user)
        writer = ArticleWriter(directory, report, force=force, revision=revision)
        writer.add(
            source, document, extraction or extract(document, directory.people, directory.organizations)
        )
        writer.flush()
        _finish(report)
    return report


def _finish(report):
    """Inside the load's transaction: undo a dry run, or have readers' pages rebuilt once it commits."""
    if report.dry_run:
        transaction.set_rollback(True)
    elif report.changed:
        pages_changed()
