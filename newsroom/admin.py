"""Admin pieces both apps use."""

from django.contrib import admin
from django.utils.html import format_html

from newsroom.images import rendition_url


class ImagePreviewMixin:
    """A list column and a read-only form field showing a model's uploaded image as a thumbnail.

    Set `image_field` and `alt_field` to the names of the image and its alt text; list `thumbnail`
    in list_display and `image_preview` in readonly_fields.
    """

    image_field = "image"
    alt_field = "image_alt"

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == self.image_field and field is not None:
            # The admin puts a file input under a <legend>, which names the group but not the
            # input itself: a screen reader would announce an unnamed "Choose file" button.
            field.widget.attrs.setdefault(
                "aria-label", str(field.label or db_field.verbose_name).capitalize()
            )
        return field

    def _thumbnail(self, obj, width):
        file = getattr(obj, self.image_field)
        if not file:
            return ""
        alt = getattr(obj, self.alt_field)
        return format_html(
            '<img src="{}" alt="{}" width="{}" loading="lazy">', rendition_url(file, "thumb"), alt, width
        )

    @admin.display(description="image")
    def thumbnail(self, obj):
        return self._thumbnail(obj, width=48)

    @admin.display(description="current image")
    def image_preview(self, obj):
        return self._thumbnail(obj, width=160) or "No image yet."
