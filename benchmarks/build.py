"""Building the synthetic newsroom into the benchmark's database, or reusing one built before.

Article batches are generated in worker processes while this process writes the previous ones;
each batch goes in as one transaction. After the rows, the statistics an import leaves
(`refresh_statistics`, ANALYZE), then the marker row that says the build is complete.
"""

import datetime as dt
import multiprocessing
import os
import time
from collections import deque
from contextlib import contextmanager

from django.core.management import call_command
from django.db import connection, transaction
from django.db.migrations.executor import MigrationExecutor

from benchmarks import databases, tables
from benchmarks.synthetic import SCALES, SLUG_LENGTH, Newsroom, Slugs, recipe
from newsroom.maintenance import refresh_statistics

_newsroom = None  # the workers' copy, inherited through fork


def ensure(db, scale, vocabulary, *, rebuild=False, say=print):
    """The built database for `scale`, migrated; built first if missing, incomplete, stale or asked."""
    wanted = recipe(vocabulary)
    if not rebuild and databases.exists(db):
        reason = reusable(db, scale, wanted, say)
        if reason is None:
            marker = databases.read_marker(connection)
            return {**marker, "reused": True}
        say(f"rebuilding {db.describe()}: {reason}")
    return build(db, Newsroom(SCALES[scale], vocabulary), wanted, say)


def reusable(db, scale, wanted, say):
    """None if the database can be reused (after migrating it), else why not."""
    try:
        marker = databases.read_marker(connection)
    except Exception as error:  # a file that is not a database, a server that refuses
        return f"its build marker cannot be read ({error})"
    if marker is None:
        return "no build marker (an earlier build did not finish)"
    if marker["scale"] != scale or marker["recipe"] != wanted:
        return f"built by another recipe ({marker['scale']} {marker['recipe']}, now {scale} {wanted})"
    try:
        if migrate():
            say("migrations applied to the reused database; statistics refreshed")
            refresh_statistics()
    except Exception as error:
        return f"migrate cannot bring it up to date ({type(error).__name__}: {error})"
    problems = databases.schema_problems(connection)
    if problems:
        return "its schema differs from the models (" + "; ".join(problems[:5]) + ")"
    return None


def migrate():
    """Apply unapplied migrations; True if there were any."""
    executor = MigrationExecutor(connection)
    pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
    call_command("migrate", verbosity=0, interactive=False)
    return bool(pending)


def build(db, newsroom, wanted, say):
    connection.close()
    databases.create(db)
    say(f"building scale {newsroom.scale.name} into {db.describe()} ...")
    began = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    counts = write(newsroom, say)
    refresh_statistics()
    seconds = round(time.perf_counter() - began, 1)
    result = {
        "scale": newsroom.scale.name,
        "recipe": wanted,
        "seconds": seconds,
        **counts,
        "built_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
    }
    databases.write_marker(connection, result)
    say(f"built in {seconds:.0f} s")
    return {**result, "reused": False}


def write(newsroom, say):
    counts = {"articles": 0, "people": len(newsroom.people), "organizations": len(newsroom.organizations)}
    counts["quotes"] = 0
    # The workers start first: forking needs this process without an open connection.
    with generated(newsroom) as batches:
        with bulk_session():
            for writer, rows in (
                (tables.write_organizations, newsroom.organizations),
                (tables.write_people, newsroom.people),
                (tables.write_aliases, newsroom.aliases),
                (tables.write_affiliations, newsroom.affiliations),
            ):
                for start in range(0, len(rows), 5000):
                    with transaction.atomic():
                        writer(rows[start : start + 5000])
        slugs = Slugs(SLUG_LENGTH)
        total = newsroom.scale.articles
        began, shown = time.perf_counter(), 0
        with writers() as store:
            for batch in batches:
                for article in batch["articles"]:
                    article["slug"] = slugs.unique(article["slug"])
                store(batch)
                counts["articles"] += len(batch["articles"])
                counts["quotes"] += len(batch["quotes"])
                if counts["articles"] * 10 // total > shown:
                    shown = counts["articles"] * 10 // total
                    rate = counts["articles"] / (time.perf_counter() - began)
                    done = f"{counts['articles']:>9,} articles, {counts['quotes']:>9,} quotes"
                    say(f"  {done} ({rate:,.0f} articles/s)")
        tables.reset_sequences()
        connection.close()
    return counts


def write_batch(batch):
    """One batch of articles and everything that hangs off them, in one transaction."""
    with transaction.atomic():
        tables.write_articles(batch["articles"])
        tables.write_bylines(batch["bylines"])
        tables.write_person_mentions(batch["person_mentions"])
        tables.write_organization_mentions(batch["organization_mentions"])
        tables.write_quotes(batch["quotes"])


# Batches in flight beyond the one being written: the workers stay busy, memory stays bounded.
AHEAD = 4


@contextmanager
def generated(newsroom):
    """The article batches in order, made by worker processes a few batches ahead of the writer."""
    global _newsroom
    # The writer needs little of a core (generating copy is most of the work): a worker per core.
    workers = os.cpu_count() or 1
    if workers == 1:
        yield map(newsroom.article_batch, newsroom.batches())
        return
    _newsroom = newsroom
    connection.close()  # nothing of this process's connection may cross into the workers
    with multiprocessing.get_context("fork").Pool(workers) as pool:

        def in_order():
            pending = deque()
            for number in newsroom.batches():
                pending.append(pool.apply_async(_article_batch, (number,)))
                if len(pending) > AHEAD:
                    yield pending.popleft().get()
            while pending:
                yield pending.popleft().get()

        yield in_order()
    _newsroom = None


def _article_batch(number):
    return _newsroom.article_batch(number)


@contextmanager
def writers():
    """A function that stores a batch. SQLite has one writer at a time: this process. PostgreSQL
    spends most of a batch in its search triggers, so a process per core writes batches side by
    side, each on its own connection (ids are given, so the order they commit in does not matter)."""
    workers = os.cpu_count() or 1
    if connection.vendor != "postgresql" or workers == 1:
        with bulk_session():
            yield write_batch
        return
    connection.close()
    with multiprocessing.get_context("fork").Pool(workers, initializer=_start_writer) as pool:
        pending = deque()

        def store(batch):
            pending.append(pool.apply_async(write_batch, (batch,)))
            while len(pending) > 2 * workers:
                pending.popleft().get()

        yield store
        while pending:
            pending.popleft().get()


def _start_writer():
    connection.close()  # the parent's, if one crossed the fork; this process opens its own
    bulk_settings()


def bulk_settings():
    """Settings for this connection only, while it writes: nothing the measured pages will see."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("PRAGMA synchronous = OFF")
            cursor.execute("PRAGMA cache_size = -262144")
        elif connection.vendor == "postgresql":
            cursor.execute("SET synchronous_commit TO OFF")


@contextmanager
def bulk_session():
    bulk_settings()
    try:
        yield
    finally:
        connection.close()
