"""Anonymous readers' pages, kept whole in the cache and forgotten the moment anything public changes.

Pages are keyed by an edition number. Any editorial change (a save, a delete, a load, a publish)
starts a new edition, after its transaction commits, so every page is rebuilt on its next visit;
so does the moment a scheduled article becomes public. Staff (anyone with a session) never get a
cached page and never store one. Responses carry an ETag of the edition, so a reader's browser or
a CDN can ask "has it changed?" and get a 304 without the page being built again.
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponseNotModified
from django.utils import timezone
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.http import parse_etags

EDITION = "newsroom:edition"
# How long a process trusts the edition it last read before asking the shared cache again.
EDITION_MEMORY_SECONDS = 1.0
_memory = {"edition": None, "read_at": 0.0}
_upcoming = []  # functions giving the next moment something scheduled becomes public


def when_scheduled(function):
    """Register a function returning the next time a scheduled change becomes public (or None)."""
    _upcoming.append(function)
    return function


def _next_change():
    moments = [moment for moment in (function() for function in _upcoming) if moment is not None]
    return min(moments, default=None)


def _start_edition(previous=None):
    # A new number is never one a page may already be stored under, even after the cache was cleared.
    number = max(time.time_ns(), (previous or {}).get("number", 0) + 1)
    state = {"number": number, "until": _next_change()}
    cache.set(EDITION, state, None)
    _memory.update(edition=state, read_at=time.monotonic())
    return state


def edition():
    """The current edition's number."""
    state = _memory["edition"]
    if state is None or time.monotonic() - _memory["read_at"] > EDITION_MEMORY_SECONDS:
        state = cache.get(EDITION) or _start_edition()
        _memory.update(edition=state, read_at=time.monotonic())
    if state["until"] is not None and state["until"] <= timezone.now():
        state = _start_edition(state)
    return state["number"]


def pages_changed():
    """Start a new edition once the current transaction commits (at once outside one)."""
    transaction.on_commit(lambda: _start_edition(cache.get(EDITION)))


def forget_pages_on_change(*models):
    """Connect the models whose saves and deletes change what readers see."""
    for model in models:
        post_save.connect(_changed, sender=model, dispatch_uid=f"pages-{model._meta.label}-save")
        post_delete.connect(_changed, sender=model, dispatch_uid=f"pages-{model._meta.label}-delete")
    for model in models:
        for field in model._meta.local_many_to_many:
            m2m_changed.connect(_changed, sender=field.remote_field.through, dispatch_uid=f"pages-{field}")


def _changed(**kwargs):
    pages_changed()


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _for_anyone(request):
            response = self.get_response(request)
            if settings.SESSION_COOKIE_NAME in request.COOKIES:
                patch_cache_control(response, private=True)
            return response
        number = edition()
        etag = f'"{number}"'
        if etag in parse_etags(request.headers.get("If-None-Match", "")):
            return _headers(HttpResponseNotModified(), etag)
        key = page_key(number, f"{request.scheme}://{request.get_host()}{request.get_full_path()}")
        response = cache.get(key)
        if response is None:
            response = self.get_response(request)
            if not _keepable(response):
                return response
            # Rendered by now: the handler renders template responses before middleware sees them.
            cache.set(key, _headers(response, etag), settings.PAGE_CACHE_SECONDS)
        return response


def page_key(number, address):
    # Hashed: an address can be as long as a reader makes it, and memcached refuses keys past 250
    # characters (Django warns of them on every backend).
    return f"newsroom:page:{number}:{hashlib.sha256(address.encode()).hexdigest()}"


def _for_anyone(request):
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "Authorization" not in request.headers
        and not request.path.startswith(f"/{settings.ADMIN_URL}")
    )


def _keepable(response):
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.cookies
        and not response.streaming
        and "private" not in cache_control
        and "no-cache" not in cache_control
        and "no-store" not in cache_control
    )


def _headers(response, etag):
    response["ETag"] = etag
    # Browsers and CDNs keep a page for a minute and may ask whether it changed; staff are
    # told apart by their session cookie.
    patch_cache_control(response, public=True, max_age=0, s_maxage=60, must_revalidate=True)
    patch_vary_headers(response, ["Cookie"])
    return response
