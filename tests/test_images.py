import io
import struct

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models.fields.files import FieldFile
from PIL import Image

from newsroom.images import make_renditions, rendition_name, rendition_url, validate_image
from people.models import Person
from tests.helpers import declaring_size, image_bytes


def upload(content, name="photo.png"):
    return SimpleUploadedFile(name, content, content_type="image/png")


def test_validate_image_accepts_a_real_png():
    validate_image(upload(image_bytes()))


@pytest.mark.parametrize("kind", ["JPEG", "GIF", "WEBP"])
def test_validate_image_accepts_the_other_web_formats(kind):
    validate_image(upload(image_bytes(kind=kind), name=f"photo.{kind.lower()}"))


def test_validate_image_rejects_text_named_like_a_photo():
    with pytest.raises(ValidationError) as error:
        validate_image(upload(b"This is not a picture at all.\n" * 10, name="photo.jpg"))
    assert error.value.code == "invalid_image"


def test_validate_image_rejects_a_format_readers_cannot_display():
    with pytest.raises(ValidationError) as error:
        validate_image(upload(image_bytes(kind="BMP"), name="photo.bmp"))
    assert error.value.code == "image_format"


def test_validate_image_rejects_a_file_over_the_byte_limit(settings):
    content = image_bytes()
    settings.IMAGE_MAX_BYTES = len(content) - 1
    with pytest.raises(ValidationError) as error:
        validate_image(upload(content))
    assert error.value.code == "image_too_large"


def test_validate_image_accepts_a_file_at_the_byte_limit(settings):
    content = image_bytes()
    settings.IMAGE_MAX_BYTES = len(content)
    validate_image(upload(content))


def test_validate_image_rejects_too_many_pixels(settings):
    settings.IMAGE_MAX_PIXELS = 40 * 30 - 1
    with pytest.raises(ValidationError) as error:
        validate_image(upload(image_bytes(size=(40, 30))))
    assert error.value.code == "image_too_many_pixels"


def test_validate_image_rejects_a_small_blank_file_that_decodes_past_the_default_limit():
    content = image_bytes(size=(8000, 8000), mode="1")
    assert len(content) < 100_000
    with pytest.raises(ValidationError) as error:
        validate_image(upload(content))
    assert error.value.code == "image_too_many_pixels"


def test_validate_image_rejects_a_header_declaring_huge_dimensions():
    bomb = declaring_size(image_bytes(size=(1, 1), mode="L"), 100_000, 100_000)
    assert struct.unpack(">II", bomb[16:24]) == (100_000, 100_000)
    assert len(bomb) < 100
    with pytest.raises(ValidationError) as error:
        validate_image(upload(bomb))
    assert error.value.code == "image_too_many_pixels"


def test_validate_image_leaves_the_file_where_it_was():
    file = upload(image_bytes())
    file.seek(5)
    validate_image(file)
    assert file.tell() == 5


def test_rendition_name_puts_a_jpeg_of_each_width_under_renditions():
    assert rendition_name("people/2018/hun-sen.png", 160) == "renditions/people/2018/hun-sen-160w.jpg"


def test_make_renditions_writes_each_width_without_upscaling(settings):
    name = default_storage.save("people/2018/wide.png", ContentFile(image_bytes(size=(600, 300))))
    make_renditions(_stored(name))

    for size, width in settings.IMAGE_RENDITION_WIDTHS.items():
        path = settings.MEDIA_ROOT / rendition_name(name, width)
        assert path.exists(), size
        with Image.open(path) as rendition:
            assert rendition.format == "JPEG"
            assert rendition.width == min(width, 600)


def test_rendition_url_is_empty_without_a_file():
    assert rendition_url(None, "thumb") == ""


def test_rendition_url_points_into_media(settings):
    assert rendition_url(_stored("people/2018/a.png"), "thumb") == "/media/renditions/people/2018/a-160w.jpg"


def _stored(name):
    return FieldFile(Person(), Person._meta.get_field("photo"), name)


def test_a_jpeg_has_a_pixel_limit_of_its_own(settings):
    # A JPEG's renditions are decoded at a fraction of its size; other formats only whole.
    settings.IMAGE_MAX_PIXELS = 40 * 30 - 1
    validate_image(upload(image_bytes(size=(40, 30), kind="JPEG"), name="photo.jpg"))
    settings.IMAGE_MAX_PIXELS_JPEG = 40 * 30 - 1
    with pytest.raises(ValidationError) as error:
        validate_image(upload(image_bytes(size=(40, 30), kind="JPEG"), name="photo.jpg"))
    assert error.value.code == "image_too_many_pixels"
    assert "the limit for JPEG images" in error.value.message % error.value.params


def test_an_animation_counts_the_pixels_of_every_frame(settings):
    frames = [Image.new("RGB", (40, 30), color).convert("P") for color in ("red", "green", "blue")]
    buffer = io.BytesIO()
    frames[0].save(buffer, "GIF", save_all=True, append_images=frames[1:])
    settings.IMAGE_MAX_PIXELS = 40 * 30 * 3
    validate_image(upload(buffer.getvalue(), name="moving.gif"))
    settings.IMAGE_MAX_PIXELS = 40 * 30 * 3 - 1
    with pytest.raises(ValidationError) as error:
        validate_image(upload(buffer.getvalue(), name="moving.gif"))
    assert "in 3 frames" in error.value.message % error.value.params
