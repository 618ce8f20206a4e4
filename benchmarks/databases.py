"""Where the benchmark's databases live, and how they are made, kept, checked and thrown away.

SQLite: files under benchmarks/.data/. PostgreSQL: databases named newsroom_bench_<name> on the
server DATABASE_URL points at; the database DATABASE_URL names is never touched.
"""

import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import dj_database_url

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "benchmarks" / ".data"
MARKER = "benchmark_build"


@dataclass(frozen=True)
class BenchDatabase:
    vendor: str  # "sqlite" or "postgresql"
    url: str  # the DATABASE_URL that reaches it
    name: str  # file path or database name
    source_url: str  # the DATABASE_URL it was derived from

    def describe(self):
        return self.name if self.vendor == "sqlite" else f"{self.name} on {urlsplit(self.url).hostname}"


def configured_url():
    return os.environ.get("DATABASE_URL") or f"sqlite:///{ROOT / 'db.sqlite3'}"


def vendor_of(url):
    engine = dj_database_url.parse(url)["ENGINE"]
    if "sqlite" in engine:
        return "sqlite"
    if "postgresql" in engine:
        return "postgresql"
    raise SystemExit(f"DATABASE_URL={url!r}: the benchmark runs on SQLite or PostgreSQL, not {engine}")


def bench_database(label, source_url=None):
    """The benchmark's own database for `label` (a scale, or "loader"), on the configured engine."""
    source_url = source_url or configured_url()
    vendor = vendor_of(source_url)
    if vendor == "sqlite":
        path = DATA / f"{label}.sqlite3"
        return BenchDatabase(vendor, f"sqlite:///{path}", str(path), source_url)
    name = f"newsroom_bench_{label.lower()}"
    if dj_database_url.parse(source_url)["NAME"] == name:
        raise SystemExit(f"DATABASE_URL names {name}, which is the benchmark's own; name another database")
    parts = urlsplit(source_url)
    return BenchDatabase(vendor, urlunsplit(parts._replace(path=f"/{name}")), name, source_url)


def _server(db):
    """An autocommit connection to the server, not to any database the benchmark or the user works in."""
    import psycopg

    settings = dj_database_url.parse(db.source_url)
    params = {
        "host": settings["HOST"] or None,
        "port": settings["PORT"] or None,
        "user": settings["USER"] or None,
        "password": settings["PASSWORD"] or None,
        **settings.get("OPTIONS", {}),
    }
    params = {k: v for k, v in params.items() if v is not None}
    try:
        return psycopg.connect(dbname="postgres", autocommit=True, **params)
    except psycopg.OperationalError:
        # As Django's test runner does: without access to "postgres", use the configured database.
        return psycopg.connect(dbname=settings["NAME"], autocommit=True, **params)


def exists(db):
    if db.vendor == "sqlite":
        return Path(db.name).exists()
    with _server(db) as server:
        return (
            server.execute("SELECT 1 FROM pg_database WHERE datname = %s", [db.name]).fetchone() is not None
        )


def drop(db):
    if db.vendor == "sqlite":
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(db.name + suffix).unlink(missing_ok=True)
        return
    from psycopg import sql

    with _server(db) as server:
        server.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(db.name)))


def create(db):
    """An empty database (dropping any left over)."""
    drop(db)
    if db.vendor == "sqlite":
        DATA.mkdir(parents=True, exist_ok=True)
        return
    from psycopg import sql

    with _server(db) as server:
        server.execute(sql.SQL("CREATE DATABASE {} ENCODING 'UTF8'").format(sql.Identifier(db.name)))


def scratch_sqlite(folder):
    """A throwaway SQLite database in `folder`, for runs that need an empty database of their own."""
    path = Path(folder) / "scratch.sqlite3"
    return BenchDatabase("sqlite", f"sqlite:///{path}", str(path), f"sqlite:///{path}")


def remove_folder(folder):
    shutil.rmtree(folder, ignore_errors=True)


# The marker: one row written at the very end of a successful build, read before reusing one.


def read_marker(connection):
    if MARKER not in connection.introspection.table_names():
        return None
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT scale, recipe, seconds, articles, people, organizations, quotes, built_at FROM {MARKER}"
        )
        row = cursor.fetchone()
    if row is None:
        return None
    keys = ("scale", "recipe", "seconds", "articles", "people", "organizations", "quotes", "built_at")
    return dict(zip(keys, row, strict=True))


def write_marker(connection, build):
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE IF EXISTS {MARKER}")
        cursor.execute(
            f"CREATE TABLE {MARKER} (scale varchar(8), recipe varchar(64), seconds double precision, "
            "articles integer, people integer, organizations integer, quotes integer, built_at varchar(40))"
        )
        cursor.execute(
            f"INSERT INTO {MARKER} VALUES (%s, %s, %s, %s, %s, %s, %s, %s)",
            [
                build[k]
                for k in ("scale", "recipe", "seconds", "articles", "people", "organizations", "quotes")
            ]
            + [build["built_at"]],
        )


def schema_problems(connection):
    """What the database lacks that the models expect: tables, columns, named indexes and constraints.

    Catches a reused database whose migrations were edited after they were applied, which
    `migrate` cannot see.
    """
    from django.apps import apps

    problems = []
    tables = set(connection.introspection.table_names())
    with connection.cursor() as cursor:
        for model in apps.get_models():
            meta = model._meta
            if not meta.managed or meta.proxy:
                continue
            if meta.db_table not in tables:
                problems.append(f"table {meta.db_table} is missing")
                continue
            columns = {c.name for c in connection.introspection.get_table_description(cursor, meta.db_table)}
            for field in meta.local_concrete_fields:
                if field.column not in columns:
                    problems.append(f"column {meta.db_table}.{field.column} is missing")
            named = set(connection.introspection.get_constraints(cursor, meta.db_table))
            for item in [*meta.indexes, *meta.constraints]:
                if item.name not in named:
                    problems.append(f"{type(item).__name__} {item.name} on {meta.db_table} is missing")
    return problems
