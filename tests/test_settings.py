"""Settings read at start-up, so each case runs manage.py in a fresh process with its own environment."""

import os
import subprocess
import sys

from django.conf import settings

SETTINGS_VARIABLES = {
    "DEBUG",
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "DATABASE_URL",
    "CONN_MAX_AGE",
    "SECURE_COOKIES",
}
LONG_SECRET_KEY = "k" * 20 + "-not-the-development-key-" + "x" * 20


def manage(*args, **variables):
    env = {name: value for name, value in os.environ.items() if name not in SETTINGS_VARIABLES}
    env["DJANGO_SETTINGS_MODULE"] = "newsroom.settings"
    env.update(variables)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = manage("check", DEBUG="0", ALLOWED_HOSTS="news.example")
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_refuses_the_development_secret_key():
    result = manage(
        "check",
        DEBUG="0",
        ALLOWED_HOSTS="news.example",
        SECRET_KEY="django-insecure-newsroom-development-only",
    )
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = manage("check", DEBUG="0", SECRET_KEY=LONG_SECRET_KEY)
    assert result.returncode != 0
    assert "ALLOWED_HOSTS" in result.stderr
    assert "SECRET_KEY" not in result.stderr


def test_production_starts_with_a_secret_key_and_allowed_hosts():
    result = manage("check", DEBUG="0", SECRET_KEY=LONG_SECRET_KEY, ALLOWED_HOSTS="news.example")
    assert result.returncode == 0, result.stderr


def test_debug_is_off_unless_set_and_says_how_to_develop():
    result = manage("check")
    assert result.returncode != 0
    assert "DEBUG is off" in result.stderr
    assert "DEBUG=1" in result.stderr


def test_development_needs_only_debug():
    result = manage("check", DEBUG="1")
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_database_url_chooses_the_database(tmp_path):
    path = tmp_path / "x.sqlite3"
    result = manage(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.DATABASES['default']['NAME'])",
        DATABASE_URL=f"sqlite:///{path}",
        DEBUG="1",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == str(path)


def test_without_database_url_development_uses_the_sqlite_file_in_the_project():
    result = manage(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.DATABASES['default']['NAME'])",
        DEBUG="1",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == str(settings.BASE_DIR / "db.sqlite3")
