"""Uploaded images: validation by Pillow, what is stored of them, the renditions readers are served.

An upload is checked before anything is stored (format, bytes, pixels, and a full decode, so a
truncated file is refused with the form's error). What is stored is the upload under a random name,
with its metadata cut out of the file losslessly (no re-encoding): camera, GPS position, software,
dates, comments, XMP and embedded thumbnails go; the pixels, the colour profile and the orientation
stay. Renditions are JPEGs decoded at no more than twice their size where the format allows it
(JPEG), so a worker's memory is bounded by the pixel limits (see IMAGE_MAX_PIXELS in the settings).
"""

import io
import math
import secrets
import struct
import zlib
from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import SuspiciousOperation, ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import Http404
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.deconstruct import deconstructible
from django.views.static import serve
from PIL import Image, ImageOps, ImageSequence

# Pillow calls a phone camera's JPEG with a depth map or a preview "MPO"; it is stored as a JPEG.
EXTENSIONS = {"JPEG": ".jpg", "MPO": ".jpg", "PNG": ".png", "GIF": ".gif", "WEBP": ".webp"}
ALLOWED_FORMATS = set(EXTENSIONS)
ORIENTATION = 0x0112


def validate_image(file):
    """Reject what is not a whole, real image in an allowed format, or is too heavy to decode safely.

    The header is read first, so a decompression bomb is refused before it can expand; then every
    frame is decoded (a JPEG at an eighth of its size, which still reads all of it), so a truncated
    or corrupt file is refused here rather than failing once stored. A file already in storage
    passed when it was uploaded; it is not re-read on every later save.
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
            kind = image.format
            _check_pixels(image)
            if kind in ALLOWED_FORMATS:
                _decode_every_frame(image)
    except ValidationError:
        raise
    except Image.DecompressionBombError as error:
        raise ValidationError(
            "This image has too many pixels to be opened safely.", code="image_too_many_pixels"
        ) from error
    except Exception as error:
        raise ValidationError(
            "This file is not a whole image Pillow can read (JPEG, PNG, GIF or WebP): it may be cut "
            "short or damaged.",
            code="invalid_image",
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


def pixel_limit(kind):
    """A JPEG is decoded at a fraction of its size for renditions; the other formats only whole."""
    return settings.IMAGE_MAX_PIXELS_JPEG if kind in ("JPEG", "MPO") else settings.IMAGE_MAX_PIXELS


def _check_pixels(image):
    width, height = image.size
    frames = getattr(image, "n_frames", 1)
    limit = pixel_limit(image.format)
    if width * height * frames > limit:
        raise ValidationError(
            "This image is %(w)s × %(h)s pixels%(frames)s; the limit for %(kind)s images is %(limit)s "
            "megapixels.",
            code="image_too_many_pixels",
            params={
                "w": width,
                "h": height,
                "frames": f" in {frames} frames" if frames > 1 else "",
                "kind": "JPEG" if image.format in ("JPEG", "MPO") else "PNG, GIF and WebP",
                "limit": f"{limit / 1_000_000:g}",
            },
        )


def _decode_every_frame(image):
    if image.format in ("JPEG", "MPO"):
        image.draft(image.mode, (max(1, image.width // 8), max(1, image.height // 8)))
        image.load()
        return
    for frame in ImageSequence.Iterator(image):
        frame.load()


@deconstructible
class UnguessableName:
    """upload_to: the month's folder and a random name; nothing of the uploader's file name is kept."""

    def __init__(self, folder):
        self.folder = folder

    def __call__(self, instance, filename):
        suffix = PurePosixPath(filename).suffix.lower()
        extension = ".jpg" if suffix in (".jpeg", ".jpe") else suffix if suffix in EXTENSIONS.values() else ""
        return f"{timezone.localdate().strftime(self.folder)}{secrets.token_hex(16)}{extension}"

    def __eq__(self, other):
        return isinstance(other, UnguessableName) and other.folder == self.folder


def rendition_name(name, width):
    path = PurePosixPath(name)
    return str(PurePosixPath("renditions") / path.parent / f"{path.stem}-{width}w.jpg")


def make_renditions(field_file):
    """Store the original without its metadata, and a JPEG of each configured width (never upscaled).

    Run on every newly stored image. An image that cannot be read is removed from storage, and the
    error says so (validate_image refuses such a file before it is stored; this is for the rest).
    """
    storage, name = field_file.storage, field_file.name
    try:
        with storage.open(name, "rb") as stored:
            original = stored.read()
        kind, cleaned = strip_metadata(original)
        renditions = _renditions(cleaned)
    except Exception as error:
        storage.delete(name)
        raise ValidationError(
            "The image %(name)s could not be read, and was removed.",
            code="invalid_image",
            params={"name": name},
        ) from error
    proper = str(PurePosixPath(name).with_suffix(EXTENSIONS[kind]))
    if cleaned != original or proper != name:
        storage.delete(name)
        saved = storage.save(proper, ContentFile(cleaned))
        if saved != name:
            _rename(field_file, saved)
    for width, content in renditions:
        rendition = rendition_name(field_file.name, width)
        if storage.exists(rendition):
            storage.delete(rendition)
        storage.save(rendition, ContentFile(content))


def _rename(field_file, name):
    instance, field = field_file.instance, field_file.field
    field_file.name = name
    setattr(instance, field.attname, name)
    if instance.pk is not None:
        type(instance)._base_manager.filter(pk=instance.pk).update(**{field.attname: name})


def _renditions(data):
    """(width, JPEG bytes) of each rendition, largest first, from one decode of the first frame."""
    widths = sorted(settings.IMAGE_RENDITION_WIDTHS.values(), reverse=True)
    with Image.open(io.BytesIO(data)) as opened:
        image = _decoded_for(opened, widths[0])
    renditions = []
    for width in widths:
        image.thumbnail((width, width * 4), Image.Resampling.LANCZOS)
        buffer = io.BytesIO()
        image.save(buffer, "JPEG", quality=82, optimize=True, progressive=True)
        renditions.append((width, buffer.getvalue()))
    return renditions


def _decoded_for(image, width):
    """The first frame, upright, in RGB on white, no larger than the largest rendition."""
    orientation = image.getexif().get(ORIENTATION, 1)
    if image.format in ("JPEG", "MPO"):
        # Decoded at a power-of-two reduction that stays at least twice the largest rendition
        # (as Pillow's own thumbnail() does): a fraction of the memory of the full picture.
        shown_width, shown_height = image.size[::-1] if orientation in (5, 6, 7, 8) else image.size
        scale = min(1, width / shown_width, width * 4 / shown_height)
        image.draft("RGB", (math.ceil(image.width * scale * 2), math.ceil(image.height * scale * 2)))
    image.load()
    ImageOps.exif_transpose(image, in_place=True)
    if image.mode not in ("L", "LA", "RGB", "RGBA"):
        transparent = image.mode in ("PA", "RGBa", "La") or "transparency" in image.info
        image = image.convert("RGBA" if transparent else "RGB")
    image.thumbnail((width, width * 4), Image.Resampling.LANCZOS)
    if image.mode in ("LA", "RGBA"):
        background = Image.new("RGB", image.size, "white")
        background.paste(image, mask=image.getchannel("A"))
        return background
    return image.convert("RGB")


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


# Metadata, cut out of the file's own structure: what a format needs to show the picture is kept.


def strip_metadata(data):
    """(Pillow's name of the format, the same image without its metadata), or ValueError."""
    with Image.open(io.BytesIO(data)) as image:
        kind = image.format
        orientation = image.getexif().get(ORIENTATION, 1)
    strip = {
        "JPEG": _strip_jpeg,
        "MPO": _strip_jpeg,
        "PNG": _strip_png,
        "GIF": _strip_gif,
        "WEBP": _strip_webp,
    }
    if kind not in strip:
        raise ValueError(f"{kind} images are not accepted")
    return kind, strip[kind](data, orientation if orientation in range(2, 9) else None)


def _orientation_exif(orientation):
    """An EXIF block holding the orientation alone (b"Exif\\0\\0" and a TIFF structure)."""
    exif = Image.Exif()
    exif[ORIENTATION] = orientation
    return exif.tobytes()


# JPEG: segments up to the first scan, then entropy-coded data until the next marker, and so on to
# the end of the image; anything after it (an MPO's other pictures) is dropped.
_JFIF = b"JFIF\x00"
_ICC = b"ICC_PROFILE\x00"


def _strip_jpeg(data, orientation):
    if data[:2] != b"\xff\xd8":
        raise ValueError("not a JPEG")
    out = [b"\xff\xd8"]
    if orientation:
        exif = _orientation_exif(orientation)
        out.append(b"\xff\xe1" + struct.pack(">H", len(exif) + 2) + exif)
    i, end = 2, len(data)
    while True:
        if i >= end or data[i] != 0xFF:
            raise ValueError("a JPEG segment does not start with a marker")
        while i < end and data[i] == 0xFF:
            i += 1
        if i >= end:
            raise ValueError("a JPEG cut short")
        marker = data[i]
        i += 1
        if marker == 0xD9:
            out.append(b"\xff\xd9")
            return b"".join(out)
        if 0xD0 <= marker <= 0xD7 or marker == 0x01:
            out.append(bytes((0xFF, marker)))
            continue
        (length,) = struct.unpack(">H", data[i : i + 2])
        segment = data[i : i + length]
        if len(segment) != length or length < 2:
            raise ValueError("a JPEG segment cut short")
        i += length
        kept = _kept_jpeg_segment(marker, segment)
        if kept is not None:
            out.append(bytes((0xFF, marker)) + kept)
        if marker == 0xDA:
            scan = i
            while True:
                i = data.find(b"\xff", i)
                if i < 0 or i + 1 >= end:
                    raise ValueError("a JPEG cut short in its image data")
                following = data[i + 1]
                if following == 0x00 or 0xD0 <= following <= 0xD7:
                    i += 2
                elif following == 0xFF:
                    i += 1
                else:
                    break
            out.append(data[scan:i])


def _kept_jpeg_segment(marker, segment):
    """The segment (length and body) to write, or None to drop it."""
    body = segment[2:]
    if marker == 0xE0:  # JFIF, without the thumbnail it may carry
        if body.startswith(_JFIF) and len(body) >= 14:
            return struct.pack(">H", 16) + body[:12] + b"\x00\x00"
        return None
    if marker == 0xE2:  # colour profile; not FlashPix or the MPO index
        return segment if body.startswith(_ICC) else None
    if marker == 0xEE:  # Adobe: how the colours were transformed, needed to decode them
        return segment if body.startswith(b"Adobe") else None
    if 0xE0 <= marker <= 0xEF or marker == 0xFE:  # EXIF, XMP, IPTC, comments, vendors' blocks
        return None
    return segment


# PNG: chunks; the critical ones, and the ancillary ones that say how to show the pixels.
_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_PNG_KEPT = {
    b"tRNS", b"gAMA", b"cHRM", b"sRGB", b"iCCP", b"sBIT", b"bKGD", b"pHYs", b"cICP", b"mDCV", b"cLLI",
    b"acTL", b"fcTL", b"fdAT",
}  # fmt: skip


def _strip_png(data, orientation):
    if not data.startswith(_PNG_SIGNATURE):
        raise ValueError("not a PNG")
    out, i = [_PNG_SIGNATURE], len(_PNG_SIGNATURE)
    while True:
        length, kind = struct.unpack(">I4s", data[i : i + 8])
        chunk = data[i : i + 12 + length]
        if len(chunk) != 12 + length:
            raise ValueError("a PNG chunk cut short")
        i += 12 + length
        if kind == b"IDAT" and orientation:
            exif = _orientation_exif(orientation)[6:]
            out.append(_png_chunk(b"eXIf", exif))
            orientation = None
        if kind[0:1].isupper() or kind in _PNG_KEPT:
            out.append(chunk)
        if kind == b"IEND":
            return b"".join(out)


def _png_chunk(kind, body):
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


# GIF: blocks; images with their graphic controls, the animation's loop, no comments or XMP.
def _strip_gif(data, orientation):
    if data[:6] not in (b"GIF87a", b"GIF89a"):
        raise ValueError("not a GIF")
    packed = data[10]
    i = 13 + (3 << ((packed & 7) + 1) if packed & 0x80 else 0)
    out = [data[:i]]
    while True:
        if i >= len(data):
            raise ValueError("a GIF cut short")
        block = data[i]
        if block == 0x3B:
            out.append(b"\x3b")
            return b"".join(out)
        if block == 0x2C:
            packed = data[i + 9]
            start, i = i, i + 10 + (3 << ((packed & 7) + 1) if packed & 0x80 else 0) + 1
            i = _gif_sub_blocks(data, i)
            out.append(data[start:i])
        elif block == 0x21:
            label, start = data[i + 1], i
            i = _gif_sub_blocks(data, i + 2)
            if label in (0xF9, 0x01) or (label == 0xFF and data[start + 3 : start + 14] == b"NETSCAPE2.0"):
                out.append(data[start:i])
        else:
            raise ValueError("an unknown GIF block")


def _gif_sub_blocks(data, i):
    while True:
        if i >= len(data):
            raise ValueError("a GIF cut short")
        size = data[i]
        i += 1 + size
        if size == 0:
            return i


# WebP: RIFF chunks; the image and animation chunks and the colour profile.
_WEBP_KEPT = {b"VP8 ", b"VP8L", b"VP8X", b"ALPH", b"ANIM", b"ANMF", b"ICCP"}
_VP8X_EXIF, _VP8X_XMP = 0x08, 0x04


def _strip_webp(data, orientation):
    if data[:4] != b"RIFF" or data[8:12] != b"WEBP":
        raise ValueError("not a WebP")
    chunks, i = [], 12
    while i < len(data):
        kind, length = struct.unpack("<4sI", data[i : i + 8])
        body = data[i + 8 : i + 8 + length]
        if len(body) != length:
            raise ValueError("a WebP chunk cut short")
        i += 8 + length + (length & 1)
        if kind == b"VP8X":
            body = (
                bytes((body[0] & ~(_VP8X_EXIF | _VP8X_XMP) | (_VP8X_EXIF if orientation else 0),)) + body[1:]
            )
        if kind in _WEBP_KEPT:
            chunks.append((kind, body))
    if orientation and chunks and chunks[0][0] == b"VP8X":
        chunks.append((b"EXIF", _orientation_exif(orientation)[6:]))
    payload = b"".join(
        kind + struct.pack("<I", len(body)) + body + (b"\x00" if len(body) & 1 else b"")
        for kind, body in chunks
    )
    return b"RIFF" + struct.pack("<I", len(payload) + 4) + b"WEBP" + payload


# Serving /media/ from this machine's disk (SERVE_MEDIA): only images, never a listing, marked so
# that a browser shows them as images and nothing else; names never change, so they are kept.
MEDIA_TYPES = {".jpg": "image/jpeg", ".png": "image/png", ".gif": "image/gif", ".webp": "image/webp"}


class MediaMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.prefix = "/" + settings.MEDIA_URL.strip("/") + "/"

    def __call__(self, request):
        if not request.path.startswith(self.prefix):
            return self.get_response(request)
        path = request.path[len(self.prefix) :]
        if request.method not in ("GET", "HEAD") or PurePosixPath(path).suffix.lower() not in MEDIA_TYPES:
            raise Http404("No such file.")
        if "\x00" in path:
            raise SuspiciousOperation("A NUL in a media path.")
        response = serve(request, path, document_root=settings.MEDIA_ROOT)
        if response.status_code == 200:
            response["Content-Type"] = MEDIA_TYPES[PurePosixPath(path).suffix.lower()]
        response["Cache-Control"] = "public, max-age=31536000, immutable"
        response["Content-Security-Policy"] = "default-src 'none'; sandbox"
        response["X-Content-Type-Options"] = "nosniff"
        return response
