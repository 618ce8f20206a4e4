"""What many tests need: the newsroom's clock, and images to upload."""

import datetime as dt
import io
import struct
import zlib
from zoneinfo import ZoneInfo

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

# The newsroom's zone in the test settings (the default TIME_ZONE), in which the seed's dates are printed.
HONG_KONG = ZoneInfo("Asia/Hong_Kong")


def hk(*args):
    """A moment on the newsroom's clock: hk(2018, 3, 27, 17, 55)."""
    return dt.datetime(*args, tzinfo=HONG_KONG)


def image_bytes(size=(40, 30), mode="RGB", kind="PNG", color="teal"):
    buffer = io.BytesIO()
    Image.new(mode, size, color if mode == "RGB" else None).save(buffer, kind)
    return buffer.getvalue()


def png(size=(320, 200), mode="RGB", name="portrait.png"):
    """An uploaded PNG, as a browser sends it."""
    return SimpleUploadedFile(name, image_bytes(size, mode), content_type="image/png")


def declaring_size(content, width, height):
    """The same PNG with its header claiming other dimensions: tiny on disk, huge once decoded."""
    start = 8 + 8  # signature, then the IHDR chunk's length and type
    data = struct.pack(">II", width, height) + content[start + 8 : start + 13]
    crc = struct.pack(">I", zlib.crc32(b"IHDR" + data))
    return content[:start] + data + crc + content[start + 17 :]
