"""Newsroom settings, read from the environment.

DEBUG is off unless DEBUG=1 is set (`make run` and `make test` set it); with DEBUG off,
SECRET_KEY and ALLOWED_HOSTS must be set too.
"""

import datetime as dt
import os
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default):
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    if value.strip().lower() in {"1", "true", "yes", "on"}:
        return True
    if value.strip().lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name}={value!r}: expected one of 1/0, true/false, yes/no, on/off")


def env_list(name, default=()):
    value = os.environ.get(name)
    if value is None:
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)

_DEV_SECRET_KEY = "django-insecure-newsroom-development-only"
# With DEBUG off it must be set; how strong it is, newsroom.checks judges (as Django's deploy check).
SECRET_KEY = os.environ.get("SECRET_KEY") or (_DEV_SECRET_KEY if DEBUG else "")
# Former keys, comma-separated, while a new one is rolled out: sessions signed with them stay valid.
SECRET_KEY_FALLBACKS = env_list("SECRET_KEY_FALLBACKS")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"] if DEBUG else [])

if not DEBUG:
    _FOR_DEVELOPMENT = "(for development, set DEBUG=1, as `make run` and `make test` do)"
    if not SECRET_KEY:
        raise ImproperlyConfigured(
            "DEBUG is off: set SECRET_KEY to a random string of at least 50 characters, such as the output "
            f"of `python -c 'import secrets; print(secrets.token_urlsafe(50))'` {_FOR_DEVELOPMENT}"
        )
    if not ALLOWED_HOSTS:
        raise ImproperlyConfigured(
            f"DEBUG is off: set ALLOWED_HOSTS to the site's host names, comma-separated {_FOR_DEVELOPMENT}"
        )

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django_filters",
    "reversion",
    "axes",
    "people",
    "articles",
    "newsroom",
]

# Past one machine (see the README's "Deploying"): a read replica, and media on an object store.
DATABASE_REPLICA_URL = os.environ.get("DATABASE_REPLICA_URL", "")
MEDIA_BUCKET = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
# With DEBUG off and media on this machine's disk, the app serves /media/ itself (newsroom.images);
# SERVE_MEDIA=0 when the web server in front serves MEDIA_ROOT instead.
SERVE_MEDIA = not DEBUG and not MEDIA_BUCKET and env_bool("SERVE_MEDIA", True)

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Static files in production (in development, runserver serves them from their folders).
    *([] if DEBUG else ["whitenoise.middleware.WhiteNoiseMiddleware"]),
    *(["newsroom.images.MediaMiddleware"] if SERVE_MEDIA else []),
    # Reads go to the replica, except the admin's, a write's and those just after one.
    *(["newsroom.routers.PrimaryAfterWriteMiddleware"] if DATABASE_REPLICA_URL else []),
    "newsroom.cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into its 429 page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "newsroom.urls"
# Where the admin lives; anything but the default keeps bots that try /admin/ away from the login.
ADMIN_URL = os.environ.get("ADMIN_URL", "admin/").strip("/") + "/"
WSGI_APPLICATION = "newsroom.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.csp",
            ],
        },
    },
]


def database(url):
    config = dj_database_url.parse(
        url, conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")), conn_health_checks=True
    )
    if config["ENGINE"] == "django.db.backends.sqlite3":
        # Readers go on while one writer writes (WAL); a write transaction takes the lock when it
        # begins (IMMEDIATE), so it waits its turn (timeout, seconds) instead of failing half-way.
        config["OPTIONS"] = {
            "transaction_mode": "IMMEDIATE",
            "timeout": int(os.environ.get("SQLITE_TIMEOUT", "30")),
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
        }
    return config


DATABASES = {"default": database(os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
if DATABASE_REPLICA_URL:
    # Tests read the replica as the primary itself (Django's test mirror).
    DATABASES["replica"] = {**database(DATABASE_REPLICA_URL), "TEST": {"MIRROR": "default"}}
    DATABASE_ROUTERS = ["newsroom.routers.PrimaryReplicaRouter"]
# After a write, a client reads from the primary for this long: more than the replica lags behind.
DATABASE_REPLICA_PIN_SECONDS = int(os.environ.get("DATABASE_REPLICA_PIN_SECONDS", "5"))

REDIS_URL = os.environ.get("REDIS_URL", "")
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    if REDIS_URL
    else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
}
# How long an anonymous reader's page is kept (0: never); any editorial change clears them all.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "300"))

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Failed logins (django-axes, recorded in the database, so shared by every app server): after
# LOGIN_FAILURE_LIMIT wrong passwords for one account from one address, that account is refused
# there, even with the right password, for LOGIN_COOLOFF_MINUTES (any attempt meanwhile starts the
# cool-off again). A success clears the count.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = dt.timedelta(minutes=int(os.environ.get("LOGIN_COOLOFF_MINUTES", "15")))
# The account and the address together: an attacker cannot lock an editor out from their own desk.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# Proxies in front of the app (a load balancer, a web server) that append the client's address
# to X-Forwarded-For; 0 when clients connect to gunicorn directly.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))


def client_ip(request):
    """The client's address: the one the first trusted proxy saw, never a value the client wrote."""
    from django.conf import settings

    proxies = settings.TRUSTED_PROXY_COUNT
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    if proxies and len(forwarded) >= proxies and forwarded[-proxies]:
        return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR")


AXES_CLIENT_IP_CALLABLE = client_ip

# Only staff log in; a login lasts a working shift, then they log in again.
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_HOURS", "10")) * 3600

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = os.environ.get("TIME_ZONE", "Asia/Hong_Kong")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
# In production, static files are served compressed, under names that change with their content
# (once collectstatic has run); in development, from the folders as they are.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "newsroom.storage.StaticFilesStorage"
    },
}
# Until collectstatic has run, whitenoise serves the folders themselves, under the files' own names.
WHITENOISE_USE_FINDERS = not (STATIC_ROOT / "staticfiles.json").exists()
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Media on an object store (S3 or any S3-compatible one), shared by every app server: set the
# bucket, and the endpoint for a store that is not AWS's; the credentials are boto3's usual
# AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY. Files are public (readers' images) under names no one
# can guess; they never change once written, so browsers and CDNs keep them.
MEDIA_ORIGIN = ""
if MEDIA_BUCKET:
    try:
        import storages  # noqa: F401
    except ImportError:
        raise ImproperlyConfigured(
            "AWS_STORAGE_BUCKET_NAME is set: install the object store's client with `pip install '.[s3]'`"
        ) from None
    _custom_domain = os.environ.get("AWS_S3_CUSTOM_DOMAIN", "")
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": MEDIA_BUCKET,
            "location": os.environ.get("AWS_LOCATION", "media"),
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "custom_domain": _custom_domain or None,
            "default_acl": None,
            "querystring_auth": False,
            "file_overwrite": False,
            "object_parameters": {"CacheControl": "public, max-age=31536000, immutable"},
        },
    }
    if _custom_domain:
        MEDIA_ORIGIN = f"https://{_custom_domain}"
    else:
        _endpoint = urlsplit(os.environ.get("AWS_S3_ENDPOINT_URL", ""))
        MEDIA_ORIGIN = (
            f"{_endpoint.scheme}://{_endpoint.netloc}"
            if _endpoint.netloc
            else f"https://{MEDIA_BUCKET}.s3.amazonaws.com"
        )

# Uploaded images: larger files or pixel counts are refused before decoding (decompression bombs).
# The pixel limits bound a worker's memory while it checks an upload and makes its renditions: a
# JPEG is decoded at a fraction of its size, PNG, GIF and WebP only whole (an animation's frames
# count together). Peak resident memory above a worker's ~55 MB at rest, measured at the limits by
# scripts/image_memory.py: a 40-megapixel JPEG +65 MB; at 10 megapixels, a PNG +62 MB (RGB) to
# +100 MB (with transparency), a GIF +72 MB, a WebP +153 MB.
IMAGE_MAX_BYTES = int(os.environ.get("IMAGE_MAX_BYTES", 10 * 1024 * 1024))
IMAGE_MAX_PIXELS = int(os.environ.get("IMAGE_MAX_PIXELS", 10_000_000))
IMAGE_MAX_PIXELS_JPEG = int(os.environ.get("IMAGE_MAX_PIXELS_JPEG", 40_000_000))
IMAGE_RENDITION_WIDTHS = {"thumb": 160, "small": 480, "medium": 960, "large": 1600}

SITE_NAME = os.environ.get("SITE_NAME", "Newsroom")

# HTTPS. In production the site is served over HTTPS only, by a proxy or load balancer that ends
# TLS and says so in X-Forwarded-Proto (which it must set itself, never pass on from a client).
# Each can be turned off (0) while a deployment is being set up; `check --deploy` then says so.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_REDIRECT_EXEMPT = [r"^healthz/$"]  # load balancers ask over plain HTTP
_proxy_header = os.environ.get("SECURE_PROXY_SSL_HEADER", "" if DEBUG else "X-Forwarded-Proto").strip()
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_" + _proxy_header.upper().replace("-", "_"), "https") if _proxy_header else None
)
# A year, for this host and its subdomains, and eligible for browsers' preload lists.
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "0" if DEBUG else "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", not DEBUG)
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", not DEBUG)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# Content-Security-Policy: the site has no inline scripts or styles, so it can be strict.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:", *([MEDIA_ORIGIN] if MEDIA_ORIGIN else [])],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
