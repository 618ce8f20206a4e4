import pytest
from django.test import Client

from newsroom.roles import EDITORS, REPORTERS
from tests.factories import UserFactory


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def editor(db):
    return UserFactory(username="editor", groups=[EDITORS])


@pytest.fixture
def reporter(db):
    return UserFactory(username="reporter", groups=[REPORTERS])


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def editor_client(editor):
    """Its own client, so a test can act as an editor and a reporter side by side."""
    client = Client()
    client.force_login(editor)
    return client


@pytest.fixture
def reporter_client(reporter):
    client = Client()
    client.force_login(reporter)
    return client


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    """Pages are built afresh in tests, unless a test asks for the cache (tests/test_page_cache.py)."""
    settings.PAGE_CACHE_SECONDS = 0
