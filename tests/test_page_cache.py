"""Anonymous readers' pages come from the cache until anything public changes; staff never share them.

The cache is Redis when one answers at 127.0.0.1:6379 (as on the project's machines), else local memory.
"""

import datetime as dt
import socket
import uuid
import warnings

import pytest
import time_machine
from django.core.cache import cache
from django.core.cache.backends.base import CacheKeyWarning
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.loader import load_seeds
from newsroom import cache as page_cache
from tests.factories import ArticleFactory, QuoteFactory

pytestmark = pytest.mark.django_db


def redis_answers():
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=0.2).close()
    except OSError:
        return False
    return True


@pytest.fixture
def cached_pages(settings):
    if redis_answers():
        backend = {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:6379",
        }
        settings.CACHES = {"default": {**backend, "KEY_PREFIX": f"test-{uuid.uuid4().hex}"}}
    else:
        settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    settings.PAGE_CACHE_SECONDS = 300
    page_cache._memory.update(edition=None, read_at=0.0)
    yield settings.CACHES["default"]["BACKEND"]
    cache.clear()
    page_cache._memory.update(edition=None, read_at=0.0)


def queries(client, url, **extra):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url, **extra)
    return response, len(context.captured_queries)


def test_the_cache_is_redis_when_redis_answers(cached_pages):
    if redis_answers():
        assert cached_pages.endswith("RedisCache")


def test_a_second_visit_is_served_without_touching_the_database(client, cached_pages):
    ArticleFactory(headline="Harbour ferries stop")

    first, built = queries(client, "/articles/")
    second, served = queries(client, "/articles/")

    assert built > 0 and served == 0
    assert second.content == first.content
    assert "public" in second["Cache-Control"] and "s-maxage=60" in second["Cache-Control"]


def test_a_page_at_a_long_address_is_kept_under_a_key_any_cache_takes(client, cached_pages):
    ArticleFactory(headline="Harbour ferries stop")
    address = "/articles/?q=" + "harbour+" * 60

    with warnings.catch_warnings():
        warnings.simplefilter("error", CacheKeyWarning)  # memcached would refuse the key
        first, built = queries(client, address)
        second, served = queries(client, address)

    assert built > 0 and served == 0
    assert second.content == first.content


def test_an_editors_correction_shows_at_once(client, cached_pages, django_capture_on_commit_callbacks):
    article = ArticleFactory(headline="Harbour ferries stpo")
    assert "stpo" in client.get(article.get_absolute_url()).text

    with django_capture_on_commit_callbacks(execute=True):
        article.headline = "Harbour ferries stop"
        article.save()

    assert "Harbour ferries stop" in client.get(article.get_absolute_url()).text


def test_an_unpublished_article_leaves_the_cached_lists(
    client, cached_pages, django_capture_on_commit_callbacks
):
    article = ArticleFactory(headline="Retracted story")
    assert "Retracted story" in client.get("/articles/").text

    with django_capture_on_commit_callbacks(execute=True):
        type(article).objects.filter(pk=article.pk).set_status(type(article).Status.DRAFT)

    assert "Retracted story" not in client.get("/articles/").text


def test_a_load_of_seeds_starts_a_new_edition(client, cached_pages, django_capture_on_commit_callbacks):
    assert "Hun Sen" not in client.get("/articles/").text

    with django_capture_on_commit_callbacks(execute=True):
        load_seeds(["seeds"])

    assert "Hun Sen" in client.get("/articles/").text


def test_a_scheduled_article_appears_at_its_time_with_nothing_else_changing(client, cached_pages):
    later = timezone.now() + dt.timedelta(hours=1)
    ArticleFactory(headline="Embargoed budget", published_at=later)
    assert "Embargoed budget" not in client.get("/articles/").text

    with time_machine.travel(later + dt.timedelta(minutes=1)):
        page_cache._memory.update(read_at=0.0)
        assert "Embargoed budget" in client.get("/articles/").text


def test_staff_never_get_a_cached_page_nor_leave_one(client, editor_client, cached_pages):
    draft = ArticleFactory(headline="Unpublished scoop", status="draft")
    client.get("/articles/")

    preview = editor_client.get(draft.get_absolute_url())
    assert "Unpublished scoop" in preview.text
    assert "private" in preview["Cache-Control"] or "no-cache" in preview["Cache-Control"]
    staff_list, staff_queries = queries(editor_client, "/articles/")
    assert staff_queries > 0 and "private" in staff_list["Cache-Control"]
    assert client.get(draft.get_absolute_url()).status_code == 404


@pytest.mark.parametrize("page", ["article", "person"])
def test_article_and_person_pages_answer_a_conditional_get(
    client, cached_pages, page, django_capture_on_commit_callbacks
):
    quote = QuoteFactory()
    url = quote.article.get_absolute_url() if page == "article" else quote.speaker.get_absolute_url()
    etag = client.get(url)["ETag"]

    unchanged, used = queries(client, url, headers={"if-none-match": etag})
    assert unchanged.status_code == 304 and used == 0

    with django_capture_on_commit_callbacks(execute=True):
        quote.speaker.name = "A corrected name"
        quote.speaker.save()
    changed = client.get(url, headers={"if-none-match": etag})
    assert changed.status_code == 200 and "A corrected name" in changed.text
