"""A PostgreSQL primary and a read replica (DATABASE_REPLICA_URL): readers' pages read the replica.

Everything else stays on the primary: writes, the admin, any request but GET and HEAD, reads in a
transaction, and every read after a write, in the same request and in the same client's requests
for DATABASE_REPLICA_PIN_SECONDS afterwards (a cookie carries the time of its last write, so any
app server honours it). Outside a request (commands, the shell, the loader) all goes to the primary.
"""

import time
from contextvars import ContextVar

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections

REPLICA = "replica"
COOKIE = "newsroom_wrote"

_on_primary = ContextVar("newsroom_on_primary", default=True)
_wrote = ContextVar("newsroom_wrote", default=False)


class PrimaryReplicaRouter:
    def db_for_read(self, model, **hints):
        if _on_primary.get() or connections[DEFAULT_DB_ALIAS].in_atomic_block:
            return DEFAULT_DB_ALIAS
        return REPLICA

    def db_for_write(self, model, **hints):
        _on_primary.set(True)
        _wrote.set(True)
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints):
        return True  # one database, two copies

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == DEFAULT_DB_ALIAS


class PrimaryAfterWriteMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        on_primary = _on_primary.set(
            request.method not in ("GET", "HEAD")
            or request.path.startswith(f"/{settings.ADMIN_URL}")
            or wrote_lately(request)
        )
        wrote = _wrote.set(False)
        try:
            response = self.get_response(request)
            if _wrote.get():
                response.set_cookie(
                    COOKIE,
                    str(int(time.time())),
                    max_age=settings.DATABASE_REPLICA_PIN_SECONDS,
                    secure=settings.SESSION_COOKIE_SECURE,
                    httponly=True,
                    samesite="Lax",
                )
            return response
        finally:
            _on_primary.reset(on_primary)
            _wrote.reset(wrote)


def wrote_lately(request):
    try:
        written = int(request.COOKIES.get(COOKIE, ""))
    except ValueError:
        return False
    return 0 <= time.time() - written < settings.DATABASE_REPLICA_PIN_SECONDS
