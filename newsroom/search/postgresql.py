"""Full-text search on PostgreSQL: a tsvector column with a GIN index, kept by triggers.

Two text search configurations, both folding accents with unaccent and keeping stop words (as
SQLite does): newsroom_text stems English words, newsroom_names does not.
"""

import re
from contextlib import contextmanager

from django.db.models import BooleanField

from newsroom.search import MARK_END, MARK_START, raw, relevance

CONFIGURATIONS = """
CREATE EXTENSION IF NOT EXISTS unaccent;
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_ts_dict WHERE dictname = 'newsroom_stem') THEN
    CREATE TEXT SEARCH DICTIONARY newsroom_stem (TEMPLATE = snowball, LANGUAGE = english);
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'newsroom_text') THEN
    CREATE TEXT SEARCH CONFIGURATION newsroom_text (COPY = simple);
    ALTER TEXT SEARCH CONFIGURATION newsroom_text
      ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part
      WITH unaccent, newsroom_stem;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'newsroom_names') THEN
    CREATE TEXT SEARCH CONFIGURATION newsroom_names (COPY = simple);
    ALTER TEXT SEARCH CONFIGURATION newsroom_names
      ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part
      WITH unaccent, simple;
  END IF;
END $$;
"""
SNIPPET = "MaxWords=28, MinWords=14, MaxFragments=1, FragmentDelimiter=…"
_TOKEN = re.compile(r"\w+")
# ts_headline() needs only the text and the query: a page's rows are highlighted without the search.
HIGHLIGHT_NEEDS_MATCH = False


def config(document):
    return "newsroom_names" if document.names else "newsroom_text"


def vector(document, row):
    parts = []
    for f in document.fields:
        text = f"coalesce({f.expression('postgresql', row)}, '')"
        parts.append(f"setweight(to_tsvector('{config(document)}', {text}), '{f.weight}')")
    return " || ".join(parts)


def query(document, words, prefix):
    """A tsquery and its parameters: every word, the last perhaps as a prefix."""
    if not prefix:
        return f"plainto_tsquery('{config(document)}', %s)", [" ".join(words)]
    tokens = [token for word in words for token in _TOKEN.findall(word)]
    terms = [f"'{token}'" for token in tokens]
    if terms:
        terms[-1] += ":*"
    return f"to_tsquery('{config(document)}', %s)", [" & ".join(terms) or "''"]


def search(queryset, document, words, prefix, newest):
    tsquery, params = query(document, words, prefix)
    table = document.table
    condition, condition_params = f"{table}.search @@ {tsquery}", params
    if newest:
        condition, condition_params = newest_matches(table, tsquery, int(newest)), params * 2
    return queryset.filter(raw(condition, condition_params, output_field=BooleanField())).annotate(
        relevance=relevance(f"ts_rank_cd({table}.search, {tsquery})", params)
    )


def newest_matches(table, tsquery, newest):
    """`id IN` the newest matches, at a cost that does not follow the size of the archive.

    A word in half the newest rows or more is found by reading the newest rows (twice as many as
    are wanted) and testing each one's vector. Rarer words are found in the GIN index: read all
    its matches, keep the newest. (Walking the whole primary key instead, testing every vector,
    as the planner would, reads and unpacks the archive for a rare word. MATERIALIZED keeps it from
    doing so; the test on `recent` is a one-time filter, so only one of the two ways is run.)
    """
    walked = 2 * newest
    return (
        f"{table}.id IN ("
        f"WITH recent AS (SELECT id FROM (SELECT id, search FROM {table} ORDER BY id DESC LIMIT {walked}) r "
        f"WHERE search @@ {tsquery} ORDER BY id DESC LIMIT {newest}) "
        f"SELECT id FROM recent WHERE (SELECT COUNT(*) FROM recent) >= {newest} "
        "UNION ALL "
        f"SELECT id FROM (WITH matches AS MATERIALIZED (SELECT id FROM {table} WHERE search @@ {tsquery}) "
        f"SELECT id FROM matches ORDER BY id DESC LIMIT {newest}) sparse "
        f"WHERE (SELECT COUNT(*) FROM recent) < {newest})"
    )


def highlight(document, words, field_name, snippet):
    tsquery, params = query(document, words, False)
    field = next(f for f in document.fields if f.name == field_name)
    options = f"StartSel={MARK_START}, StopSel={MARK_END}, " + (SNIPPET if snippet else "HighlightAll=true")
    sql = (
        f"ts_headline('{config(document)}', {field.expression('postgresql', document.table)}, {tsquery}, %s)"
    )
    return raw(sql, [*params, options])


def statements(document):
    table, index = document.table, document.index
    yield f"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS search tsvector"
    yield f"CREATE INDEX IF NOT EXISTS {index}_idx ON {table} USING gin (search)"
    yield (
        f"CREATE OR REPLACE FUNCTION {index}() RETURNS trigger LANGUAGE plpgsql AS $$ "
        f"BEGIN NEW.search := {vector(document, 'NEW')}; RETURN NEW; END $$"
    )
    yield f"DROP TRIGGER IF EXISTS {index} ON {table}"
    yield (
        f"CREATE TRIGGER {index} BEFORE INSERT OR UPDATE OF {', '.join(document.watch)} ON {table} "
        f"FOR EACH ROW EXECUTE FUNCTION {index}()"
    )
    for n, dependency in enumerate(document.refreshed_by):
        refresh = f"UPDATE {table} SET search = {vector(document, table)} WHERE id IN ({{ids}});"
        new = refresh.format(ids=dependency.documents.format(row="NEW"))
        old = refresh.format(ids=dependency.documents.format(row="OLD"))
        yield (
            f"CREATE OR REPLACE FUNCTION {index}_{n}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            f"IF TG_OP <> 'DELETE' THEN {new} END IF; "
            f"IF TG_OP <> 'INSERT' THEN {old} END IF; "
            f"RETURN NULL; END $$"
        )
        yield f"DROP TRIGGER IF EXISTS {index}_{n} ON {dependency.table}"
        yield (
            f"CREATE TRIGGER {index}_{n} AFTER INSERT OR DELETE OR UPDATE OF {', '.join(dependency.columns)} "
            f"ON {dependency.table} FOR EACH ROW EXECUTE FUNCTION {index}_{n}()"
        )


def installed(cursor, document):
    cursor.execute(
        "SELECT 1 FROM information_schema.columns WHERE table_name = %s AND column_name = 'search'",
        [document.table],
    )
    return cursor.fetchone() is not None


def install(cursor, documents):
    cursor.execute(CONFIGURATIONS)
    for document in documents:
        new = not installed(cursor, document)
        for statement in statements(document):
            cursor.execute(statement)
        if new:
            fill(cursor, document)


def fill(cursor, document):
    cursor.execute(f"UPDATE {document.table} SET search = {vector(document, document.table)}")


@contextmanager
def paused(cursor, documents):
    """PostgreSQL computes each row's vector in its trigger as it is written: nothing to pause."""
    yield


def index_rows(cursor, document, column, values):
    pass
