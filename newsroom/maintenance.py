"""What a bulk write leaves for the database to do: statistics the query planner relies on."""

from django.db import connections


def refresh_statistics(using="default"):
    """ANALYZE, so the planner picks indexes instead of scans; neither database does it by itself here.

    SQLite never gathers statistics unless asked; PostgreSQL's autovacuum would, but may be off.
    """
    with connections[using].cursor() as cursor:
        cursor.execute("ANALYZE")
