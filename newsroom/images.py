"""Uploaded images: validation by Pillow and the renditions readers are served."""

import io
from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.template.defaultfilters import filesizeformat
from PIL import Image, ImageOps

ALLOWED_FORMATS = {"JPEG", "PNG", "GIF", "WEBP"}


def validate_image(file):
    """Reject what is not a real image in an allowed format, or is too heavy to decode safely.

    The header is read without decoding pixels, so a decompression bomb is refused before it can expand.
    A file already in storage passed when it was uploaded; it is not re-read on every later save.
    """
    if getattr(file, "_committed", False):
        return
    if file.size is not None and file.size > settings.IMAGE_MAX_BYTES:
        raise ValidationError(
            "This image is %(size)s; the limit is %(limit)s.",
            code="image_too_large",
            params={"size": filesizeformat(file.size), "limit": filesizeformat(settings.IMAGE_MAX_BYTES)},
        )
    position = file.tell() if hasattr(file, "tell") else None
    try:
        file.seek(0)
        with Image.open(file) as image:
            width, height = image.size
            kind = image.format
            if width * height > settings.IMAGE_MAX_PIXELS:
                raise ValidationError(
                    "This image is %(w)s × %(h)s pixels; the limit is %(limit)s megapixels.",
                    code="image_too_many_pixels",
                    params={"w": width, "h": height, "limit": settings.IMAGE_MAX_PIXELS // 1_000_000},
                )
            image.verify()
    except ValidationError:
        raise
    except Image.DecompressionBombError as error:
        raise ValidationError(
            "This image has too many pixels to be opened safely.", code="image_too_many_pixels"
        ) from error
    except Exception as error:
        raise ValidationError(
            "This file is not an image Pillow can read (JPEG, PNG, GIF or WebP).", code="invalid_image"
        ) from error
    finally:
        if position is not None:
            file.seek(position)
    if kind not in ALLOWED_FORMATS:
        raise ValidationError(
            "%(kind)s images are not accepted; upload a JPEG, PNG, GIF or WebP.",
            code="image_format",
            params={"kind": kind},
        )


def rendition_name(name, width):
    path = PurePosixPath(name)
    return str(PurePosixPath("renditions") / path.parent / f"{path.stem}-{width}w.jpg")


def make_renditions(field_file):
    """Write a JPEG of each configured width (never upscaled) beside the original in storage."""
    field_file.open("rb")
    try:
        with Image.open(field_file) as original:
            image = ImageOps.exif_transpose(original).convert("RGB")
    finally:
        field_file.close()
    for width in settings.IMAGE_RENDITION_WIDTHS.values():
        copy = image.copy()
        copy.thumbnail((width, width * 4), Image.Resampling.LANCZOS)
        name = rendition_name(field_file.name, width)
        buffer = io.BytesIO()
        copy.save(buffer, "JPEG", quality=82, optimize=True, progressive=True)
        if default_storage.exists(name):
            default_storage.delete(name)
        default_storage.save(name, ContentFile(buffer.getvalue()))


def rendition_url(field_file, size):
    """URL of a named rendition: thumb, small, medium or large (see IMAGE_RENDITION_WIDTHS)."""
    if not field_file:
        return ""
    name = rendition_name(field_file.name, settings.IMAGE_RENDITION_WIDTHS[size])
    return default_storage.url(name)


def srcset(field_file):
    if not field_file:
        return ""
    return ", ".join(
        f"{default_storage.url(rendition_name(field_file.name, width))} {width}w"
        for width in settings.IMAGE_RENDITION_WIDTHS.values()
    )
