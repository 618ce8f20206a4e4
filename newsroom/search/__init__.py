"""Full-text search: one index per kind of document, kept by the database itself, on both engines.

SQLite uses an FTS5 table beside the documents' table; PostgreSQL a tsvector column with a GIN
index. Both fold accents ("Gdansk" finds "Gdańsk"), both stem text ("protests" finds "protest"),
neither drops stop words, so the same words find the same documents on either. Triggers keep the
index up to date, whoever writes (the ORM, the loader's bulk inserts, a restore), and `install()`
(run after every migrate) puts back what a table rebuild may have dropped.

A document's text is a list of fields, each an SQL expression over the row (`{row}.headline`) or
over rows it refers to (the speaker's name of a quote); `refreshed_by` names the other tables
whose changes must refresh it.
"""

from contextlib import contextmanager
from dataclasses import dataclass, field

from django.db import connection as default_connection
from django.db.models import FloatField, TextField, Value
from django.db.models.expressions import RawSQL

# Matched words arrive between these in highlighted text: characters no copy is made of, so the
# text can be escaped whole before they become <mark> tags.
MARK_START, MARK_END = "\ue010", "\ue011"
MAX_WORDS = 12


@dataclass(frozen=True)
class Field:
    name: str
    weight: str  # A to D, as PostgreSQL ranks them; SQLite weighs A to D as 10, 4, 2, 1
    sql: dict  # {"sqlite": expression, "postgresql": expression}, or one expression for both

    def expression(self, vendor, row):
        sql = self.sql if isinstance(self.sql, str) else self.sql[vendor]
        return sql.format(row=row)


@dataclass(frozen=True)
class Dependency:
    """Rows of `table` whose `columns` a document reads: `documents` selects the affected ids."""

    table: str
    columns: tuple
    documents: str  # SQL selecting the documents' ids, over {row} (the changed row)


@dataclass(frozen=True)
class Document:
    table: str
    fields: tuple
    watch: tuple  # the table's columns the fields read: a change to one of them refreshes the row
    names: bool = False  # names are not stemmed, and may be searched by the start of a word
    refreshed_by: tuple = field(default=())

    @property
    def index(self):
        return f"{self.table}_search"

    @property
    def external(self):
        """Every field a column of the table itself, so SQLite can read them there (no copy)."""
        return all(isinstance(f.sql, str) and f.sql == "{row}." + f.name for f in self.fields)


def backend(connection=None):
    connection = connection or default_connection
    if connection.vendor == "postgresql":
        from newsroom.search import postgresql

        return postgresql
    from newsroom.search import sqlite

    return sqlite


def words(text):
    # A NUL would end the query early in SQLite's FTS5 and is refused by PostgreSQL's driver.
    return [w for w in text.replace("\x00", " ").split() if any(c.isalnum() for c in w)][:MAX_WORDS]


def search(queryset, document, text, *, prefix=False, newest=None):
    """The rows of `queryset` holding every word of `text`, annotated with `relevance` (higher is
    better). With `prefix`, the last word may be the start of a word ("Rain" finds "Rainsy").

    With `newest`, only the `newest` most recently added documents holding the words are looked at:
    ranking costs a little for every document it ranks, so a common word in a large archive would
    otherwise cost as much as the archive; this way a search costs the same at any size.
    """
    found = words(text)
    if not found:
        return queryset.annotate(relevance=Value(0.0, output_field=FloatField()))  # all rank alike
    return backend().search(queryset, document, found, prefix, newest)


def highlight(queryset, document, text, field_name, *, snippet=False, as_name=None):
    """Annotate `as_name` with the field's text, matched words between MARK_START and MARK_END;
    with `snippet`, only a passage around the first match. Use on a page of results, not a list."""
    return queryset.annotate(
        **{
            as_name or f"{field_name}_highlighted": backend().highlight(
                document, words(text), field_name, snippet
            )
        }
    )


def highlightable(found, plain):
    """What a page of search results is read from, by key, to be highlighted: `plain` (the same
    rows, without the search) where highlighting stands alone, else `found` itself (SQLite's FTS5
    highlights only the rows of its own MATCH)."""
    return found if backend().HIGHLIGHT_NEEDS_MATCH else plain


def raw(sql, params, output_field=None):
    return RawSQL(sql, params, output_field=output_field or TextField())


def relevance(sql, params):
    return RawSQL(sql, params, output_field=FloatField())


def install(documents, connection=None):
    connection = connection or default_connection
    module = backend(connection)
    with connection.cursor() as cursor:
        module.install(cursor, documents)


def rebuild(documents, connection=None):
    """Index every row again as the documents' fields now read them (after a migration changed
    what they read); documents not yet installed are left to `install`."""
    connection = connection or default_connection
    module = backend(connection)
    with connection.cursor() as cursor:
        for document in documents:
            if module.installed(cursor, document):
                module.fill(cursor, document)


@contextmanager
def bulk_indexing(documents, connection=None):
    """For a bulk writer inside a transaction: rows it inserts into the documents' tables are indexed
    when it calls `index(document, column, values)` for the rows whose column has those values, in
    one statement, instead of row by row."""
    connection = connection or default_connection
    module = backend(connection)
    with connection.cursor() as cursor, module.paused(cursor, documents):
        yield lambda document, column, values: module.index_rows(cursor, document, column, values)
