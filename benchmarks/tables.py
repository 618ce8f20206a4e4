"""Every table the benchmark writes, one function per table, all through the models' own field lists.

Rows are dicts keyed by field name (or attname, `person_id`). A field a row leaves out gets the
model's default, so a field added to a model with a default needs nothing here; a new required
field without one stops the build with a message naming the function to change. Values pass through
each field's own database preparation, as the loader's `insert_rows` does, and go in with
executemany: no model instances, no signals (as a bulk import).
"""

import sys

from django.db import connection, models

from articles.models import Article, Byline, Quote
from people.models import Affiliation, Alias, Organization, Person

# Field types whose Python values the database driver cannot take as they are.
NEEDS_PREP = {
    "DateField",
    "DateTimeField",
    "TimeField",
    "BooleanField",
    "DecimalField",
    "DurationField",
    "JSONField",
    "UUIDField",
}
CHUNK = 5000
ROWS_PER_STATEMENT = 500
MAX_PARAMETERS = 65535  # PostgreSQL's limit per statement
_warned = set()


def write_organizations(rows):
    insert(Organization, rows, "write_organizations")


def write_people(rows):
    insert(Person, rows, "write_people")


def write_aliases(rows):
    insert(Alias, rows, "write_aliases")


def write_affiliations(rows):
    insert(Affiliation, rows, "write_affiliations")


def write_articles(rows):
    insert(Article, rows, "write_articles")


def write_bylines(rows):
    insert(Byline, rows, "write_bylines")


def write_person_mentions(rows):
    insert(Article.people.through, rows, "write_person_mentions")


def write_organization_mentions(rows):
    insert(Article.organizations.through, rows, "write_organization_mentions")


def write_quotes(rows):
    insert(Quote, rows, "write_quotes")


WRITTEN = [
    Organization,
    Person,
    Alias,
    Affiliation,
    Article,
    Byline,
    Article.people.through,
    Article.organizations.through,
    Quote,
]


def insert(model, rows, writer):
    """INSERT rows of one model with executemany; columns the rows leave out get the field default."""
    if not rows:
        return
    meta = model._meta
    given, dropped = [], []
    for key in rows[0]:
        try:
            given.append((key, meta.get_field(key)))
        except models.FieldDoesNotExist:
            dropped.append(key)
    if dropped and (model, *dropped) not in _warned:
        _warned.add((model, *dropped))
        print(
            f"benchmarks/tables.py {writer}(): {meta.label} has no field {', '.join(dropped)}; left out",
            file=sys.stderr,
        )
    fields = [f for _, f in given]
    defaults = []
    for field in meta.concrete_fields:
        if field in fields or field.generated or (field.primary_key and isinstance(field, models.AutoField)):
            continue
        if not field.has_default() and not field.null and not field.empty_strings_allowed:
            raise RuntimeError(
                f"{meta.label}.{field.name} is required and has no default: give it a value in "
                f"benchmarks/synthetic.py for benchmarks/tables.py {writer}()"
            )
        prep, value = prepared(field), field.get_default()
        defaults.append((field, prep(value) if prep else value))
    columns = [f.column for f in fields] + [f.column for f, _ in defaults]
    keys = [key for key, _ in given]
    preps = [prepared(f) for f in fields]
    tail = tuple(value for _, value in defaults)
    plain = all(p is None for p in preps)
    with connection.cursor() as cursor:
        for start in range(0, len(rows), CHUNK):
            chunk = rows[start : start + CHUNK]
            if plain:
                values = [(*(row[k] for k in keys), *tail) for row in chunk]
            else:
                values = [
                    (*(p(row[k]) if p else row[k] for p, k in zip(preps, keys, strict=True)), *tail)
                    for row in chunk
                ]
            execute_rows(cursor, meta.db_table, columns, values)


def execute_rows(cursor, table, columns, values):
    """SQLite: executemany, one prepared statement for all rows. PostgreSQL: INSERTs of many rows
    each, as bulk_create writes them; one statement per row costs a round trip and an executor start."""
    quote = connection.ops.quote_name
    head = "INSERT INTO {} ({}) VALUES ".format(quote(table), ", ".join(map(quote, columns)))
    row = "({})".format(", ".join(["%s"] * len(columns)))
    if connection.vendor != "postgresql":
        cursor.executemany(head + row, values)
        return
    size = max(1, min(ROWS_PER_STATEMENT, MAX_PARAMETERS // len(columns)))
    for start in range(0, len(values), size):
        group = values[start : start + size]
        cursor.execute(head + ", ".join([row] * len(group)), [v for r in group for v in r])


def prepared(field):
    """The field's own conversion to a database value, remembered per value (dates repeat a lot),
    or None where the driver takes the Python value as it is."""
    if field.get_internal_type() not in NEEDS_PREP:
        return None
    seen = {}

    def prep(value):
        try:
            return seen[value]
        except KeyError:
            if len(seen) > 100_000:
                seen.clear()
            seen[value] = result = field.get_db_prep_save(value, connection)
            return result
        except TypeError:  # unhashable (JSON)
            return field.get_db_prep_save(value, connection)

    return prep


def reset_sequences():
    """Rows went in with their ids: move PostgreSQL's id sequences past them (a no-op on SQLite)."""
    from django.core.management.color import no_style

    statements = connection.ops.sequence_reset_sql(no_style(), WRITTEN)
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)
