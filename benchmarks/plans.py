"""The database's plan for each query a page runs, and the full scans of large tables in them.

SQLite's `EXPLAIN QUERY PLAN` or PostgreSQL's `EXPLAIN` for every SELECT; a plan line is flagged
when it reads a whole large table (articles, quotes, mention links, bylines, people,
organizations): SQLite's "SCAN <table>" without an index, PostgreSQL's "Seq Scan on <table>".

A test can use the same check on a small database, where it cares only that the plans are
indexed, not about times:

    recorder = Recorder()
    with connection.execute_wrapper(recorder):
        client.get(url)
    assert full_scans(recorder.queries) == []

On a database of a few rows a planner may rightly prefer a scan (PostgreSQL especially, and SQLite
once ANALYZE has seen the tiny tables), so such a test needs enough rows, or ANALYZE statistics
that describe a large archive.
"""

import re
from dataclasses import dataclass, field

from django.db import connections

from articles.models import Article, Byline, Quote
from people.models import Organization, Person

SQL_KEYWORDS = {"ON", "WHERE", "INNER", "LEFT", "RIGHT", "OUTER", "CROSS", "JOIN", "GROUP", "ORDER", "LIMIT",
                "UNION", "USING", "AS", "NATURAL", "FULL", "HAVING", "WINDOW", "OFFSET"}  # fmt: skip
TABLE_REFERENCE = re.compile(r'(?:FROM|JOIN)\s+"?(\w+)"?(?:\s+(?:AS\s+)?"?(\w+)"?)?', re.IGNORECASE)
SQLITE_SCAN = re.compile(r"^SCAN (\S+)(?: AS (\S+))?(.*)$")
POSTGRES_SCAN = re.compile(r"Seq Scan on (\S+)")


def large_tables():
    models = [
        Article,
        Quote,
        Article.people.through,
        Article.organizations.through,
        Byline,
        Person,
        Organization,
    ]
    return {model._meta.db_table for model in models}


class Recorder:
    """An execute wrapper that keeps each statement and its parameters, for explaining later."""

    def __init__(self):
        self.queries = []

    def __call__(self, execute, sql, params, many, context):
        if not many:
            self.queries.append((sql, params))
        return execute(sql, params, many, context)


@dataclass
class Plan:
    sql: str
    lines: list
    offending: list = field(default_factory=list)


def is_select(sql):
    return sql.lstrip().upper().startswith(("SELECT", "WITH"))


def explain(sql, params, using="default"):
    """The plan as indented lines of text."""
    connection = connections[using]
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
            depth, lines = {0: -1}, []
            for node, parent, _, detail in cursor.fetchall():
                depth[node] = depth.get(parent, -1) + 1
                lines.append("  " * depth[node] + detail)
            return lines
        if connection.vendor == "postgresql":
            cursor.execute("EXPLAIN " + sql, params)
            return [row[0] for row in cursor.fetchall()]
    raise NotImplementedError(f"no plans for {connection.vendor}")


def aliases(sql):
    """Table names by the names a query refers to them by (Django's U0, T3 ... and the tables themselves)."""
    names = {}
    for table, alias in TABLE_REFERENCE.findall(sql):
        names[table] = table
        if alias and alias.upper() not in SQL_KEYWORDS:
            names[alias] = table
    return names


def scan_lines(lines, vendor, sql, tables):
    """The plan lines that read all of one of `tables`."""
    names = aliases(sql)
    offending = []
    for line in lines:
        text = line.strip()
        if vendor == "sqlite":
            match = SQLITE_SCAN.match(text)
            if not match:
                continue
            name, alias, rest = match.groups()
            table = name if alias else names.get(name, name)
            if table in tables and not ("USING" in rest and "INDEX" in rest):
                offending.append(text)
        else:
            match = POSTGRES_SCAN.search(text)
            if match and match.group(1) in tables:
                offending.append(text)
    return offending


def explain_all(queries, using="default", tables=None):
    """A Plan for each distinct SELECT among `queries` ((sql, params) pairs), flagged lines included."""
    tables = large_tables() if tables is None else tables
    vendor = connections[using].vendor
    plans, seen = [], set()
    for sql, params in queries:
        key = (sql, repr(params))
        if not is_select(sql) or key in seen:
            continue
        seen.add(key)
        lines = explain(sql, params, using)
        plans.append(Plan(sql, lines, scan_lines(lines, vendor, sql, tables)))
    return plans


def full_scans(queries, using="default", tables=None):
    """(sql, plan line) for every full scan of a large table in the plans of `queries`."""
    return [(plan.sql, line) for plan in explain_all(queries, using, tables) for line in plan.offending]


def format_plans(name, url, plans, width=160):
    """A page's queries and their plans, flagged lines marked, for a person to read."""
    out = [f"== {name}  {url}"]
    for n, plan in enumerate(plans, 1):
        sql = " ".join(plan.sql.split())
        out.append(f"-- query {n}: {sql[:width]}{' ...' if len(sql) > width else ''}")
        for line in plan.lines:
            out.append(("!! " if line.strip() in plan.offending else "   ") + line)
    return "\n".join(out)
