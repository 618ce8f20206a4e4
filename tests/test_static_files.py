"""With DEBUG off, whitenoise serves the static files: under their own names until collectstatic has
run (pages render all the same), under hashed names, compressed and kept for good, once it has."""

import re

import pytest

from tests.test_security import production
from tests.test_settings import manage

REQUESTS = """
import re
from django.test import Client
client = Client()
page = client.get("/", secure=True)
css = re.search(r'href="(/static/css/site[^"]*[.]css)"', page.content.decode()).group(1)
served = client.get(css, secure=True, headers={"accept-encoding": "gzip"})
print(page.status_code, css, served.status_code, served.get("Content-Encoding", "-"), served["Cache-Control"])
"""


@pytest.fixture
def deployment(tmp_path):
    variables = production(
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        STATIC_ROOT=str(tmp_path / "static"),
        MEDIA_ROOT=str(tmp_path / "media"),
    )
    migrated = manage("migrate", "--verbosity", "0", **variables)
    assert migrated.returncode == 0, migrated.stderr
    return variables


def served(variables):
    result = manage("shell", "-c", REQUESTS, **variables)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1].split(maxsplit=4)


def test_before_collectstatic_pages_render_and_files_keep_their_names(deployment):
    page, css, status, _, _ = served(deployment)

    assert page == "200"
    assert css == "/static/css/site.css"
    assert status == "200"


def test_after_collectstatic_files_have_hashed_names_compressed_and_cached_for_good(deployment):
    collected = manage("collectstatic", "--noinput", "--verbosity", "0", **deployment)
    assert collected.returncode == 0, collected.stderr

    page, css, status, encoding, cache = served(deployment)

    assert page == "200"
    assert re.fullmatch(r"/static/css/site\.[0-9a-f]{12}\.css", css)
    assert status == "200"
    assert encoding == "gzip"
    assert "immutable" in cache
