"""The admin's "Import an article" page: paste or upload a raw copy, review what was extracted, save."""

import zoneinfo

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.text import slugify

from articles.ingest import SeedFormatError, parse_document
from articles.loader import LoaderError
from articles.loader.files import Source
from articles.loader.run import load_document
from articles.models import Article
from people.models import Organization

MAX_UPLOAD_BYTES = 2 * 1024 * 1024


class ImportForm(forms.Form):
    text = forms.CharField(
        label="Paste the article",
        required=False,
        widget=forms.Textarea(attrs={"rows": 16, "cols": 90}),
        help_text="Headline on the first line, then the standfirst, the date line "
        "(“PUBLISHED : Tuesday, 27 March, 2018, 5:55pm” or “Friday, September 6, 2019”) and the body, "
        "paragraphs separated by blank lines.",
    )
    file = forms.FileField(label="…or upload it", required=False, help_text="A UTF-8 .txt file.")
    outlet = forms.ModelChoiceField(
        Organization.objects.filter(kind=Organization.Kind.NEWS_OUTLET),
        required=False,
        help_text="The outlet that first published it.",
    )
    source_url = forms.URLField(label="Source URL", required=False, assume_scheme="https")
    time_zone = forms.ChoiceField(
        choices=[(z, z) for z in sorted(zoneinfo.available_timezones())],
        initial=settings.TIME_ZONE,
        help_text="The zone the copy's printed times are in.",
    )

    def clean(self):
        data = super().clean()
        text, upload = data.get("text", ""), data.get("file")
        if bool(text.strip()) == bool(upload):
            raise forms.ValidationError("Paste the article or upload a file, one of the two.")
        if upload:
            if upload.size > MAX_UPLOAD_BYTES:
                raise forms.ValidationError(
                    {"file": "This file is over 2 MB; an article copy is much smaller."}
                )
            raw = upload.read()
            name = upload.name
        else:
            raw = text.encode("utf-8")
            name = "the pasted article"
        if "time_zone" not in data:
            return data
        try:
            self.document = parse_document(raw, source=name, tz=zoneinfo.ZoneInfo(data["time_zone"]))
        except SeedFormatError as error:
            raise forms.ValidationError({"file" if upload else "text": str(error)}) from error
        data["text"] = raw.decode("utf-8-sig")
        return data

    def source(self):
        data = self.cleaned_data
        key = data["source_url"] or f"{self.document.published_at:%Y-%m-%d}-{slugify(self.document.headline)}"
        return Source(
            path=None,
            display=self.document.source,
            key=f"admin:{key}"[:255],
            outlet=data["outlet"].slug if data["outlet"] else None,
            source_url=data["source_url"],
            time_zone=zoneinfo.ZoneInfo(data["time_zone"]),
            status=Article.Status.DRAFT,
        )


def import_article(request, model_admin):
    if not model_admin.has_add_permission(request):
        raise PermissionDenied
    form = ImportForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        source = form.source()
        existing = Article.objects.filter(source_key=source.key).first()
        if existing and not model_admin.has_change_permission(request, existing):
            # Re-importing a copy rewrites its article: not a way round the published-article lock.
            form.add_error(None, f"This copy updates “{existing.headline}”, which you may not change.")
        elif "save" in request.POST:
            try:
                load_document(source, form.document, user=request.user)
            except LoaderError as error:
                form.add_error(None, str(error))
            else:
                article = Article.objects.get(source_key=source.key)
                messages.success(
                    request, f"Imported “{article.headline}” as {article.get_status_display().lower()}."
                )
                return redirect(reverse("admin:articles_article_change", args=[article.pk]))
        else:
            try:
                report = load_document(source, form.document, dry_run=True)
            except LoaderError as error:
                form.add_error(None, str(error))
            else:
                # Saving sends back what the editor reviewed: the text travels in the form, not the upload.
                form = ImportForm(initial={**form.cleaned_data, "file": None})
    return _render(request, model_admin, form, report)


def _render(request, model_admin, form, report):
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "title": "Import an article",
        "form": form,
        "preview": report.articles[0] if report else None,
        "new_people": report.new_people if report else [],
        "media": model_admin.media + form.media,
    }
    return TemplateResponse(request, "admin/articles/article/import.html", context)
