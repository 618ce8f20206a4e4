"""Peak memory of a worker checking an upload at the pixel limits and making its renditions.

For each format and colour mode, a picture as close to its limit as a 4:3 frame allows (settings
IMAGE_MAX_PIXELS_JPEG and IMAGE_MAX_PIXELS) goes through validate_image and make_renditions in a
process of its own, as an upload does in a gunicorn worker; the table gives the process's resident
memory at rest and its peak (VmHWM) above it. The figures are quoted in newsroom/settings.py.

    .venv/bin/python scripts/image_memory.py
"""

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CASES = [
    ("JPEG", "RGB"),
    ("JPEG", "L"),
    ("PNG", "RGB"),
    ("PNG", "RGBA"),
    ("PNG", "P"),
    ("GIF", "P"),
    ("WEBP", "RGB"),
]


def memory(field):
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no {field} in /proc/self/status (this measures on Linux)")


def picture(kind, mode, limit, folder):
    """A file of the format, as many pixels as the limit allows in a 4:3 frame, mostly flat colour."""
    from PIL import Image, ImageDraw

    width = int((limit * 4 / 3) ** 0.5)
    height = limit // width
    image = Image.new(mode, (width, height), "teal" if mode in ("RGB", "RGBA", "P") else 128)
    ImageDraw.Draw(image).rectangle((width // 4, height // 4, width // 2, height // 2), fill=20)
    path = Path(folder) / f"upload-{mode}.{kind.lower()}"
    image.save(path, kind)
    return path


def measure(path):
    """In the child process: the picture checked and rendered, as an upload is; prints a table row."""
    import django

    django.setup()
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.db.models.fields.files import FieldFile
    from PIL import Image

    from newsroom.images import make_renditions, validate_image
    from people.models import Person

    path = Path(path)
    content = path.read_bytes()
    with Image.open(path) as image:
        kind, mode, (width, height) = image.format, image.mode, image.size
    at_rest = memory("VmRSS:")
    validate_image(SimpleUploadedFile(path.name, content))
    name = default_storage.save(f"people/{path.name}", ContentFile(content))
    make_renditions(FieldFile(Person(), Person._meta.get_field("photo"), name))
    peak = memory("VmHWM:")
    print(
        f"| {kind} {mode} | {width} × {height} ({width * height / 1e6:.1f} MP) "
        f"| {len(content) / 1024:,.0f} KB | {at_rest:.0f} MB | {peak:.0f} MB | +{peak - at_rest:.0f} MB |"
    )


def main():
    import django

    django.setup()
    from newsroom.images import pixel_limit

    print("| image | pixels | file | at rest | peak | above rest |")
    print("|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as folder:
        for kind, mode in CASES:
            path = picture(kind, mode, pixel_limit(kind), folder)
            media = Path(folder) / "media"
            env = {**os.environ, "MEDIA_ROOT": str(media), "PYTHONPATH": str(ROOT)}
            subprocess.run([sys.executable, __file__, "--measure", str(path)], cwd=ROOT, env=env, check=True)


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    os.environ.setdefault("DEBUG", "1")
    sys.path.insert(0, str(ROOT))
    if sys.argv[1:2] == ["--measure"]:
        measure(sys.argv[2])
    else:
        main()
