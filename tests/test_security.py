"""Production settings as an operator starts them, the headers every page carries, logins throttled
and staff sessions that end."""

import datetime as dt
import json
import secrets

import pytest
import time_machine
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.factories import ArticleFactory, OrganizationFactory, PersonFactory, QuoteFactory
from tests.test_settings import manage

SECURITY_SETTINGS = [
    "SECURE_SSL_REDIRECT",
    "SECURE_PROXY_SSL_HEADER",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SECURE_CONTENT_TYPE_NOSNIFF",
    "SECURE_REFERRER_POLICY",
    "SECURE_CROSS_ORIGIN_OPENER_POLICY",
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
    "SECURE_CSP",
]


def production(**variables):
    return {
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "news.example,testserver",
        **variables,
    }


def production_settings(*names, **variables):
    shown = (
        "import json; from django.conf import settings; "
        f"print(json.dumps({{n: getattr(settings, n) for n in {list(names)!r}}}, default=str))"
    )
    result = manage("shell", "-c", shown, **production(**variables))
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_the_deploy_check_passes_with_production_variables():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **production())

    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_production_serves_https_only_and_says_so_for_a_year():
    found = production_settings(*SECURITY_SETTINGS)

    assert found["SECURE_SSL_REDIRECT"] is True
    assert found["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    assert found["SECURE_HSTS_SECONDS"] == 365 * 24 * 3600
    assert found["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is True
    assert found["SECURE_HSTS_PRELOAD"] is True
    assert found["SESSION_COOKIE_SECURE"] is True
    assert found["CSRF_COOKIE_SECURE"] is True


def test_development_needs_no_https():
    shown = "from django.conf import settings as s; print(s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS)"
    result = manage("shell", "-c", shown, DEBUG="1")
    assert result.stdout.strip().splitlines()[-1] == "False 0"


@pytest.mark.parametrize(
    ("variables", "warning"),
    [
        ({"SECURE_SSL_REDIRECT": "0"}, "security.W008"),
        ({"SECURE_HSTS_SECONDS": "0"}, "security.W004"),
        ({"SECURE_HSTS_INCLUDE_SUBDOMAINS": "0"}, "security.W005"),
        ({"SECURE_COOKIES": "0"}, "security.W012"),
    ],
)
def test_turning_https_off_in_production_is_reported_by_the_deploy_check(variables, warning):
    result = manage("check", "--deploy", "--fail-level", "WARNING", **production(**variables))

    assert result.returncode != 0
    assert warning in result.stderr


def test_the_proxy_header_can_be_named_or_turned_off():
    assert production_settings("SECURE_PROXY_SSL_HEADER", SECURE_PROXY_SSL_HEADER="X-Scheme") == {
        "SECURE_PROXY_SSL_HEADER": ["HTTP_X_SCHEME", "https"]
    }
    assert production_settings("SECURE_PROXY_SSL_HEADER", SECURE_PROXY_SSL_HEADER="") == {
        "SECURE_PROXY_SSL_HEADER": None
    }


@pytest.mark.parametrize(
    "key",
    [
        secrets.token_urlsafe(36)[:49],  # 49 characters
        "abcd" * 20,  # long, but four different characters
        "django-insecure-" + secrets.token_urlsafe(50),  # what startproject generates
    ],
)
def test_production_refuses_a_secret_key_the_deploy_check_would_flag(key):
    for command in (["check"], ["check", "--deploy"], ["migrate", "--check"]):
        result = manage(*command, **production(SECRET_KEY=key))

        assert result.returncode != 0, command
        assert "newsroom.E001" in result.stderr, command
        assert "SECRET_KEY is weak" in result.stderr
        assert "50 characters" in result.stderr


def test_with_a_weak_key_the_settings_still_load_so_the_checks_can_say_what_is_wrong():
    shown = "from django.conf import settings; print(settings.DEBUG, 'newsroom' in settings.INSTALLED_APPS)"
    result = manage("shell", "-c", shown, **production(SECRET_KEY="x" * 50))

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "False True"


def test_production_refuses_a_weak_former_key():
    result = manage("check", **production(SECRET_KEY_FALLBACKS=f"{secrets.token_urlsafe(50)},short"))

    assert result.returncode != 0
    assert "SECRET_KEY_FALLBACKS[1] is weak" in result.stderr
    assert "SECRET_KEY_FALLBACKS[0]" not in result.stderr


def test_production_accepts_fifty_random_characters():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        **production(SECRET_KEY=secrets.token_urlsafe(38)[:50]),
    )

    assert result.returncode == 0, result.stderr


# Headers: every page, with the production settings applied to this process.


@pytest.fixture(scope="module")
def production_security():
    return production_settings(*SECURITY_SETTINGS)


@pytest.fixture
def as_in_production(settings, production_security):
    for name, value in production_security.items():
        setattr(settings, name, tuple(value) if isinstance(value, list) else value)


@pytest.fixture
def site(db):
    person = PersonFactory(name="Sam Rainsy", slug="sam-rainsy")
    article = ArticleFactory(
        headline="Visible story", slug="visible-story", published_at=timezone.now() - dt.timedelta(days=2)
    )
    QuoteFactory(speaker=person, article=article)
    article.organizations.add(OrganizationFactory(name="CNRP", slug="cnrp"))
    return article


def public_pages(article):
    day = timezone.localtime(article.published_at)
    return [
        "/",
        "/articles/",
        "/articles/?q=story",
        f"/articles/{day:%Y}/",
        f"/articles/{day:%Y/%m}/",
        article.get_absolute_url(),
        "/quotes/",
        "/people/",
        "/people/sam-rainsy/",
        "/people/sam-rainsy/feed/",
        "/organizations/",
        "/organizations/cnrp/",
        "/feeds/articles/",
        "/sitemap.xml",
        "/sitemap-articles.xml",
        "/suggest/people/?q=sa",
        "/robots.txt",
        "/healthz/",
        "/no-such-page/",
        "/people/nobody/",
    ]


def test_every_page_carries_the_security_headers_over_https(client, site, as_in_production):
    admin_login = reverse("admin:login")
    for url in [*public_pages(site), admin_login]:
        response = client.get(url, secure=True, headers={"x-forwarded-proto": "https"})

        assert response.status_code in (200, 404), url
        assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload", url
        assert response["X-Content-Type-Options"] == "nosniff", url
        assert response["Referrer-Policy"] == "same-origin", url
        assert response["Cross-Origin-Opener-Policy"] == "same-origin", url
        policy = response["Content-Security-Policy"]
        assert "frame-ancestors 'none'" in policy, url
        assert "unsafe-inline" not in policy and "unsafe-eval" not in policy, url


def test_plain_http_is_sent_to_https_except_the_health_check(client, site, as_in_production):
    response = client.get("/articles/?page=2")
    health = client.get("/healthz/")

    assert response.status_code == 301
    assert response["Location"] == "https://testserver/articles/?page=2"
    assert health.status_code == 200


def test_behind_the_proxy_its_header_says_the_request_came_over_https(client, site, as_in_production):
    assert client.get("/", headers={"x-forwarded-proto": "https"}).status_code == 200
    assert client.get("/", headers={"x-forwarded-proto": "http"}).status_code == 301


# Logins: throttled per account and address, sessions that end.

PASSWORD = "a long and correct horse"


@pytest.fixture
def editor_account(db):
    user = User.objects.create_user("desk", password=PASSWORD, is_staff=True)
    return user


def log_in(client, password, address="192.0.2.10", **headers):
    return client.post(
        reverse("admin:login"),
        {"username": "desk", "password": password, "next": reverse("admin:index")},
        REMOTE_ADDR=address,
        headers=headers,
    )


def logged_in(client):
    return client.get(reverse("admin:index")).status_code == 200


def test_after_the_failure_limit_the_right_password_is_refused_until_the_cool_off_ends(
    settings, editor_account
):
    with time_machine.travel(timezone.now(), tick=False) as clock:
        for _ in range(settings.AXES_FAILURE_LIMIT - 1):
            assert log_in(Client(), "wrong").status_code == 200  # the form again, with its error
        assert log_in(Client(), "wrong").status_code == 429  # the last one allowed

        locked_out = Client()
        response = log_in(locked_out, PASSWORD)
        assert response.status_code == 429
        assert "too many login attempts" in response.content.decode()
        assert not logged_in(locked_out)

        # Any attempt during the cool-off starts it again: an attacker who keeps trying stays out.
        clock.shift(settings.AXES_COOLOFF_TIME - dt.timedelta(seconds=1))
        assert log_in(Client(), PASSWORD).status_code == 429

        clock.shift(settings.AXES_COOLOFF_TIME + dt.timedelta(seconds=1))
        after = Client()
        assert log_in(after, PASSWORD).status_code == 302
        assert logged_in(after)


def test_a_few_typing_mistakes_do_not_lock_anyone_out(settings, editor_account):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        log_in(Client(), "wrong")
    client = Client()

    assert log_in(client, PASSWORD).status_code == 302
    assert logged_in(client)


def test_a_lockout_is_of_the_account_from_that_address_only(settings, editor_account):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in(Client(), "wrong", address="192.0.2.66")

    assert log_in(Client(), PASSWORD, address="192.0.2.66").status_code == 429
    assert log_in(Client(), PASSWORD, address="198.51.100.7").status_code == 302


def test_behind_a_proxy_the_address_it_saw_counts_not_what_the_client_wrote(settings, editor_account):
    settings.TRUSTED_PROXY_COUNT = 1
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        # An attacker writing a new address each time, all seen by the proxy as 203.0.113.5.
        log_in(Client(), "wrong", address="10.0.0.2", x_forwarded_for=f"198.18.0.{attempt}, 203.0.113.5")

    assert log_in(Client(), PASSWORD, address="10.0.0.2", x_forwarded_for="203.0.113.5").status_code == 429
    assert log_in(Client(), PASSWORD, address="10.0.0.2", x_forwarded_for="203.0.113.9").status_code == 302


def test_the_failure_limit_and_cool_off_are_read_from_the_environment():
    found = production_settings(
        "AXES_FAILURE_LIMIT", "AXES_COOLOFF_TIME", LOGIN_FAILURE_LIMIT="8", LOGIN_COOLOFF_MINUTES="60"
    )
    assert found == {"AXES_FAILURE_LIMIT": 8, "AXES_COOLOFF_TIME": "1:00:00"}


def test_a_staff_session_ends_after_the_session_age(settings, editor):
    client = Client()
    with time_machine.travel(timezone.now(), tick=False) as clock:
        client.force_login(editor)
        assert logged_in(client)

        clock.shift(dt.timedelta(seconds=settings.SESSION_COOKIE_AGE - 60))
        assert logged_in(client)

        clock.shift(dt.timedelta(seconds=120))
        response = client.get(reverse("admin:index"))
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("admin:login"))


def test_the_session_age_is_a_working_shift_unless_set():
    assert production_settings("SESSION_COOKIE_AGE") == {"SESSION_COOKIE_AGE": 10 * 3600}
    assert production_settings("SESSION_COOKIE_AGE", SESSION_HOURS="4") == {"SESSION_COOKIE_AGE": 4 * 3600}


def test_with_debug_off_the_app_serves_media_unless_the_web_server_does():
    middleware = "newsroom.images.MediaMiddleware"
    assert middleware in production_settings("MIDDLEWARE")["MIDDLEWARE"]
    assert middleware not in production_settings("MIDDLEWARE", SERVE_MEDIA="0")["MIDDLEWARE"]
