"""System checks for production settings that Django's own checks judge too leniently."""

from django.conf import settings
from django.core.checks import Error, Tags, register
from django.core.checks.security.base import (
    SECRET_KEY_INSECURE_PREFIX,
    SECRET_KEY_MIN_LENGTH,
    SECRET_KEY_MIN_UNIQUE_CHARACTERS,
)


def weak_secret_key(key):
    """As Django's deploy check (security.W009) judges a key: short, repetitive or a generated default."""
    return (
        len(key) < SECRET_KEY_MIN_LENGTH
        or len(set(key)) < SECRET_KEY_MIN_UNIQUE_CHARACTERS
        or key.startswith(SECRET_KEY_INSECURE_PREFIX)
    )


# Not a deploy-only check: with DEBUG off, migrate, runserver and check refuse a weak key too. An
# error rather than Django's warning, because sessions, password resets and signed values rest on it.
@register(Tags.security)
def check_secret_keys(app_configs, **kwargs):
    if settings.DEBUG:
        return []
    keys = [("SECRET_KEY", settings.SECRET_KEY)]
    keys += [(f"SECRET_KEY_FALLBACKS[{i}]", key) for i, key in enumerate(settings.SECRET_KEY_FALLBACKS)]
    return [
        Error(
            f"{name} is weak: it has fewer than {SECRET_KEY_MIN_LENGTH} characters, fewer than "
            f"{SECRET_KEY_MIN_UNIQUE_CHARACTERS} different ones, "
            f"or starts with '{SECRET_KEY_INSECURE_PREFIX}'.",
            hint="Set it to a random value such as the output of "
            "`python -c 'import secrets; print(secrets.token_urlsafe(50))'`.",
            id="newsroom.E001",
        )
        for name, key in keys
        if weak_secret_key(key)
    ]
