"""Full-text search on SQLite: an FTS5 table per document, kept by triggers."""

from contextlib import contextmanager

from django.db import models
from django.db.models import F, Lookup, TextField

from newsroom.search import MARK_END, MARK_START, raw

TEXT = "porter unicode61 remove_diacritics 2"
NAMES = "unicode61 remove_diacritics 2"
WEIGHTS = {"A": 10.0, "B": 4.0, "C": 2.0, "D": 1.0}
SNIPPET_WORDS = 28
# highlight() and snippet() read the row FTS5 matched: only in the query that matches.
HIGHLIGHT_NEEDS_MATCH = True


class MatchField(TextField):
    """The FTS5 table's hidden column of its own name, which MATCH queries."""


class SearchRow(models.Model):
    """A row of an FTS5 table, joined one-to-one to its document (`search_row`) to match and rank it.

    Subclasses name the table, the document (a OneToOneField on `rowid`) and `match`, a MatchField
    whose column is the table's own name.
    """

    rank = models.FloatField()

    class Meta:
        abstract = True

    def __str__(self):
        return f"index row {self.pk}"


@MatchField.register_lookup
class Match(Lookup):
    lookup_name = "match"

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"{lhs} MATCH {rhs}", [*lhs_params, *rhs_params]


def phrase(word):
    return '"' + word.replace('"', '""') + '"'


def search(queryset, document, words, prefix, newest):
    expression = " ".join(phrase(word) for word in words) + ("*" if prefix else "")
    found = queryset.filter(search_row__match=expression)
    if newest:
        # The lowest key among the newest matches, as a bound FTS5 applies while it reads its lists.
        index = document.index
        matches = f"SELECT rowid FROM {index} WHERE {index} MATCH %s ORDER BY rowid DESC LIMIT {int(newest)}"
        floor = raw(f"SELECT MIN(rowid) FROM ({matches})", [expression])
        found = found.filter(search_row__pk__gte=floor)
    return found.annotate(relevance=-F("search_row__rank"))


def highlight(document, words, field_name, snippet):
    column = [f.name for f in document.fields].index(field_name)
    if snippet:
        sql = f"snippet({document.index}, {column}, %s, %s, '…', {SNIPPET_WORDS})"
    else:
        sql = f"highlight({document.index}, {column}, %s, %s)"
    return raw(sql, [MARK_START, MARK_END])


def _values(document, row):
    return ", ".join(f.expression("sqlite", row) for f in document.fields)


def _columns(document):
    return ", ".join(f.name for f in document.fields)


# While a bulk writer holds a row here for a document, that document's insert trigger stands aside
# and the writer indexes its rows itself (see `paused`): an FTS5 table written from a trigger flushes
# its buffer at every row, ten times the cost of one INSERT ... SELECT for a batch.
PAUSE_TABLE = "newsroom_search_pause"


def statements(document):
    """CREATE statements for the document's index and the triggers that keep it; each can be rerun."""
    index, table, columns = document.index, document.table, _columns(document)
    options = [columns, f"tokenize='{NAMES if document.names else TEXT}'"]
    if document.external:
        options += [f"content='{table}'", "content_rowid='id'"]
    if document.names:
        options.append("prefix='1 2 3'")
    yield f"CREATE VIRTUAL TABLE IF NOT EXISTS {index} USING fts5({', '.join(options)})"
    insert = f"INSERT INTO {index}(rowid, {columns}) VALUES (new.id, {_values(document, 'new')});"
    if document.external:
        old = _values(document, "old")
        delete = f"INSERT INTO {index}({index}, rowid, {columns}) VALUES ('delete', old.id, {old});"
    else:
        delete = f"DELETE FROM {index} WHERE rowid = old.id;"
    watched = ", ".join(document.watch)
    not_paused = f"WHEN NOT EXISTS (SELECT 1 FROM {PAUSE_TABLE} WHERE document = '{table}')"
    for suffix in ("insert", "delete", "update"):
        yield f"DROP TRIGGER IF EXISTS {index}_{suffix}"
    trigger = f"CREATE TRIGGER {index}"
    yield f"{trigger}_insert AFTER INSERT ON {table} {not_paused} BEGIN {insert} END"
    yield f"{trigger}_delete AFTER DELETE ON {table} BEGIN {delete} END"
    yield f"{trigger}_update AFTER UPDATE OF {watched} ON {table} BEGIN {delete} {insert} END"
    for n, dependency in enumerate(document.refreshed_by):
        for event, rows in (("INSERT", ("new",)), ("DELETE", ("old",)), ("UPDATE", ("old", "new"))):
            of = f" OF {', '.join(dependency.columns)}" if event == "UPDATE" else ""
            body = " ".join(_refresh(document, dependency.documents.format(row=row)) for row in rows)
            yield (
                f"CREATE TRIGGER IF NOT EXISTS {index}_{n}_{event.lower()} AFTER {event}{of} "
                f"ON {dependency.table} BEGIN {body} END"
            )


def _refresh(document, ids):
    index, table = document.index, document.table
    return (
        f"DELETE FROM {index} WHERE rowid IN ({ids}); "
        f"INSERT INTO {index}(rowid, {_columns(document)}) "
        f"SELECT t.id, {_values(document, 't')} FROM {table} t WHERE t.id IN ({ids});"
    )


def installed(cursor, document):
    cursor.execute("SELECT 1 FROM sqlite_master WHERE name = %s", [document.index])
    return cursor.fetchone() is not None


def install(cursor, documents):
    cursor.execute(f"CREATE TABLE IF NOT EXISTS {PAUSE_TABLE} (document TEXT PRIMARY KEY)")
    for document in documents:
        new = not installed(cursor, document)
        for statement in statements(document):
            cursor.execute(statement)
        weights = ", ".join(str(WEIGHTS[f.weight]) for f in document.fields)
        cursor.execute(
            f"INSERT INTO {document.index}({document.index}, rank) VALUES ('rank', 'bm25({weights})')"
        )
        if new:
            fill(cursor, document)


def fill(cursor, document):
    """Index every row there is: after creating the index, or after rows were written around triggers."""
    index = document.index
    if document.external:
        cursor.execute(f"INSERT INTO {index}({index}) VALUES ('rebuild')")
        return
    cursor.execute(f"DELETE FROM {index}")
    cursor.execute(
        f"INSERT INTO {index}(rowid, {_columns(document)}) "
        f"SELECT t.id, {_values(document, 't')} FROM {document.table} t"
    )


@contextmanager
def paused(cursor, documents):
    """Within a transaction: rows inserted meanwhile are indexed by `index_rows`, not one by one."""
    tables = [(document.table,) for document in documents]
    cursor.executemany(f"INSERT OR IGNORE INTO {PAUSE_TABLE} (document) VALUES (%s)", tables)
    try:
        yield
    finally:
        if not cursor.db.needs_rollback:  # else the rollback takes the rows away with the rest
            cursor.executemany(f"DELETE FROM {PAUSE_TABLE} WHERE document = %s", tables)


def index_rows(cursor, document, column, values):
    """Index the rows whose `column` is one of `values`, inserted while the document's trigger was paused."""
    if values:
        marks = ", ".join(["%s"] * len(values))
        cursor.execute(
            f"INSERT INTO {document.index}(rowid, {_columns(document)}) "
            f"SELECT t.id, {_values(document, 't')} FROM {document.table} t WHERE t.{column} IN ({marks})",
            list(values),
        )
