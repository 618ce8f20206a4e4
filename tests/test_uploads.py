"""What is kept of an upload: no metadata, no uploader's file name, nothing at all of a broken file."""

import io
import re
import subprocess
import sys

import pytest
from django import forms
from django.conf import settings as django_settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image, PngImagePlugin

from newsroom.images import ORIENTATION, pixel_limit, rendition_name, strip_metadata, validate_image
from people.models import Person

pytestmark = pytest.mark.django_db

CAMERA, SOFTWARE, PLACE = "SecretCam X100", "SecretSoft 2.1", "SECRET-PLACE"
XMP = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:Description>SECRET-XMP</rdf:Description></x:xmpmeta>'
SECRETS = [CAMERA.encode(), SOFTWARE.encode(), PLACE.encode(), b"SECRET-XMP", b"SECRET-COMMENT", b"GPS"]


def exif(orientation=1):
    data = Image.Exif()
    data[0x010F] = CAMERA  # Make
    data[0x0131] = SOFTWARE
    data[0x010E] = PLACE  # ImageDescription
    data[ORIENTATION] = orientation
    data[0x8825] = {1: "N", 2: (22.0, 17.0, 3.0), 3: "E", 4: (114.0, 9.0, 41.0)}  # GPS position
    return data


def photo(kind="JPEG", size=(300, 200), orientation=1):
    """A photo as cameras and phones write them: EXIF with GPS, XMP, a comment."""
    image = Image.frombytes("RGB", size, bytes(range(256)) * (size[0] * size[1] * 3 // 256 + 1))
    buffer = io.BytesIO()
    if kind == "JPEG":
        image.save(buffer, "JPEG", exif=exif(orientation), xmp=XMP, comment=b"SECRET-COMMENT", quality=90)
    elif kind == "PNG":
        info = PngImagePlugin.PngInfo()
        info.add_text("Comment", "SECRET-COMMENT")
        info.add_itxt("XML:com.adobe.xmp", XMP.decode())
        image.save(buffer, "PNG", pnginfo=info, exif=exif(orientation))
    elif kind == "WEBP":
        image.save(buffer, "WEBP", exif=exif(orientation), xmp=XMP, lossless=True)
    elif kind == "GIF":
        image.convert("P").save(buffer, "GIF", comment=b"SECRET-COMMENT")
    return buffer.getvalue()


def mpo():
    """A phone's JPEG carrying a second picture (a depth map, a preview) after the first."""
    first, second = Image.new("RGB", (64, 48), "teal"), Image.new("RGB", (64, 48), "orange")
    buffer = io.BytesIO()
    first.save(buffer, "MPO", save_all=True, append_images=[second], exif=exif())
    return buffer.getvalue()


def admin_form_data(response, **changes):
    """What the admin's rendered add form posts back, with `changes`."""
    data = {}
    for inline in response.context["inline_admin_formsets"]:
        management = inline.formset.management_form
        data.update({management.add_prefix(name): management[name].value() for name in management.fields})
    form = response.context["adminform"].form
    for name, field in form.fields.items():
        value = form[name].value()
        if value is not None and not isinstance(field, forms.FileField | forms.BooleanField):
            data[form.add_prefix(name)] = value
    data.update(changes)
    return data


def add_person(client, upload):
    url = reverse("admin:people_person_add")
    return client.post(
        url, admin_form_data(client.get(url), name="Sam Rainsy", slug="sam-rainsy", photo=upload)
    )


def stored_files():
    root = django_settings.MEDIA_ROOT
    return sorted(str(path.relative_to(root)) for path in root.rglob("*") if path.is_file())


def test_a_photo_uploaded_in_the_admin_keeps_none_of_its_metadata(editor_client):
    upload = SimpleUploadedFile("sam-rainsy-at-home-in-paris.jpg", photo("JPEG"), content_type="image/jpeg")

    response = add_person(editor_client, upload)

    assert response.status_code == 302
    person = Person.objects.get(slug="sam-rainsy")
    files = stored_files()
    assert len(files) == 1 + len(django_settings.IMAGE_RENDITION_WIDTHS)
    for name in files:
        content = (django_settings.MEDIA_ROOT / name).read_bytes()
        assert not [secret for secret in SECRETS if secret in content], name
        with Image.open(io.BytesIO(content)) as stored:
            assert dict(stored.getexif()) in ({}, {ORIENTATION: 1}), name
            assert "xmp" not in stored.info and "comment" not in stored.info, name
    assert person.photo.name in files


def test_the_stored_original_has_the_uploaded_pixels(editor_client):
    content = photo("JPEG")

    add_person(editor_client, SimpleUploadedFile("a.jpg", content, content_type="image/jpeg"))

    stored = Person.objects.get().photo
    with Image.open(io.BytesIO(content)) as uploaded, Image.open(stored.path) as kept:
        assert kept.tobytes() == uploaded.tobytes()


def test_the_stored_original_has_a_random_name_and_the_real_format_for_extension(editor_client):
    png_named_like_a_jpeg = SimpleUploadedFile(
        "Sam Rainsy at home.JPG", photo("PNG"), content_type="image/jpeg"
    )

    add_person(editor_client, png_named_like_a_jpeg)

    name = Person.objects.get().photo.name
    assert re.fullmatch(r"people/\d{4}/[0-9a-f]{32}\.png", name), name
    assert "rainsy" not in name.lower()
    assert stored_files() == sorted(
        [name, *(rendition_name(name, width) for width in django_settings.IMAGE_RENDITION_WIDTHS.values())]
    )


def test_two_uploads_of_one_file_name_get_names_nobody_could_guess():
    names = set()
    for slug in ("first", "second"):
        person = Person(name=slug, slug=slug, photo=SimpleUploadedFile("portrait.jpg", photo()))
        person.save()
        names.add(person.photo.name)
    assert len(names) == 2
    assert not any("portrait" in name for name in names)


@pytest.mark.parametrize("kind", ["JPEG", "PNG", "WEBP", "GIF"])
def test_each_format_loses_its_metadata_and_keeps_its_pixels(kind):
    content = photo(kind)
    assert [secret for secret in SECRETS if secret in content]

    found, cleaned = strip_metadata(content)

    assert found == kind
    assert not [secret for secret in SECRETS if secret in cleaned]
    with Image.open(io.BytesIO(content)) as before, Image.open(io.BytesIO(cleaned)) as after:
        assert after.format == kind
        assert after.convert("RGB").tobytes() == before.convert("RGB").tobytes()


@pytest.mark.parametrize("kind", ["JPEG", "PNG", "WEBP"])
def test_a_turned_photo_keeps_its_orientation_and_its_renditions_stand_upright(kind):
    person = Person(
        name="Turned", slug="turned", photo=SimpleUploadedFile(f"x.{kind}", photo(kind, orientation=6))
    )
    person.save()

    with Image.open(person.photo.path) as kept:
        assert dict(kept.getexif()) == {ORIENTATION: 6}
    with Image.open(django_settings.MEDIA_ROOT / rendition_name(person.photo.name, 160)) as thumb:
        assert thumb.size == (160, 240)  # 300 × 200 turned a quarter
        assert not thumb.getexif()


def test_a_phone_photo_with_a_second_picture_is_stored_as_the_first_alone():
    assert Image.open(io.BytesIO(mpo())).format == "MPO"
    validate_image(SimpleUploadedFile("phone.jpg", mpo()))

    person = Person(name="Phone", slug="phone", photo=SimpleUploadedFile("phone.jpg", mpo()))
    person.save()

    with Image.open(person.photo.path) as kept:
        assert kept.format == "JPEG"
        assert getattr(kept, "n_frames", 1) == 1
        assert kept.getpixel((10, 10))[2] > 100  # teal, the first picture


def truncated(kind="JPEG"):
    content = photo(kind, size=(400, 300))
    return content[: len(content) * 2 // 3]


@pytest.mark.parametrize("kind", ["JPEG", "PNG", "WEBP", "GIF"])
def test_validation_refuses_an_image_cut_short(kind):
    with pytest.raises(ValidationError) as error:
        validate_image(SimpleUploadedFile(f"cut.{kind.lower()}", truncated(kind)))
    assert error.value.code == "invalid_image"


def test_a_truncated_upload_is_refused_in_the_admin_and_nothing_is_stored(editor_client):
    response = add_person(
        editor_client, SimpleUploadedFile("cut.jpg", truncated(), content_type="image/jpeg")
    )

    assert response.status_code == 200
    assert 'id="id_photo_error"' in response.content.decode()  # the photo's error, beside it
    assert not Person.objects.exists()
    assert stored_files() == []


def test_a_broken_image_saved_without_validation_is_removed_with_an_error():
    person = Person(name="Broken", slug="broken", photo=SimpleUploadedFile("cut.jpg", truncated()))

    with pytest.raises(ValidationError) as error:
        person.save()

    assert error.value.code == "invalid_image"
    assert stored_files() == []


@pytest.mark.parametrize("kind", ["JPEG", "PNG"])
def test_a_picture_at_the_pixel_limit_is_checked_and_rendered_in_bounded_memory(kind, tmp_path):
    # Decoding a 40-megapixel JPEG whole and copying it, as renditions once did, takes ~500 MB more.
    limit = pixel_limit(kind)
    width = int((limit * 4 / 3) ** 0.5)
    path = tmp_path / f"big.{kind.lower()}"
    Image.new("RGBA" if kind == "PNG" else "RGB", (width, limit // width), "teal").save(path, kind)

    run = subprocess.run(
        [sys.executable, "scripts/image_memory.py", "--measure", str(path)],
        cwd=django_settings.BASE_DIR,
        env={
            "DEBUG": "1",
            "MEDIA_ROOT": str(tmp_path / "media"),
            "PYTHONPATH": str(django_settings.BASE_DIR),
        },
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert run.returncode == 0, run.stderr
    above_rest = int(re.search(r"\+(\d+) MB", run.stdout)[1])
    assert above_rest < 160, run.stdout


@pytest.fixture
def media_served(settings):
    """As with DEBUG off and media on this machine's disk (SERVE_MEDIA)."""
    settings.MIDDLEWARE = [
        settings.MIDDLEWARE[0],
        "newsroom.images.MediaMiddleware",
        *settings.MIDDLEWARE[1:],
    ]


def test_media_are_served_as_images_that_browsers_keep(client, media_served):
    person = Person(name="Sam", slug="sam", photo=SimpleUploadedFile("sam.jpg", photo()))
    person.save()

    response = client.get(person.photo.url)
    rendition = client.get("/media/" + rendition_name(person.photo.name, 160))

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == person.photo.read()
    assert response["Content-Type"] == "image/jpeg"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert "immutable" in response["Cache-Control"]
    assert rendition.status_code == 200


@pytest.mark.parametrize(
    "path",
    [
        "/media/",
        "/media/people/",
        "/media/../newsroom/settings.py",
        "/media/%2e%2e/%2e%2e/etc/passwd",
        "/media/people/nothing.jpg",
        "/media/notes.txt",
        "/media/a%00.jpg",
    ],
)
def test_media_serve_nothing_but_stored_images(client, media_served, path):
    (django_settings.MEDIA_ROOT / "people").mkdir(parents=True)
    (django_settings.MEDIA_ROOT / "notes.txt").write_text("private")

    response = client.get(path)

    assert response.status_code in (400, 404)
