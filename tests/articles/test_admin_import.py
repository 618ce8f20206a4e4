from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from articles.models import Article, Quote
from people.models import Person

SEED = Path(settings.BASE_DIR) / "seeds" / "scmp-2018-03-27-hun-sen-no-negotiation.txt"
IMPORT_URL = reverse("admin:articles_article_import")

pytestmark = pytest.mark.django_db


@pytest.fixture
def known_people():
    call_command("loaddata", *sorted((SEED.parent / "fixtures").glob("*.json")), verbosity=0)


def form(**fields):
    return {"time_zone": "Asia/Hong_Kong", "outlet": "", "source_url": "", "text": "", **fields}


def test_preview_shows_the_extracted_quotes_and_writes_nothing(editor_client, known_people):
    response = editor_client.post(IMPORT_URL, form(text=SEED.read_text(encoding="utf-8"), preview="1"))

    assert response.status_code == 200
    page = response.content.decode()
    assert "4 quotes found" in page
    assert "There will be no negotiation with traitors" in page
    assert page.count("<td>Sam Rainsy") == 3
    assert "Save as draft" in page
    assert not Article.objects.exists()


def test_saving_a_reviewed_import_creates_a_draft_with_its_quotes(editor_client, known_people):
    text = SEED.read_text(encoding="utf-8")
    response = editor_client.post(IMPORT_URL, form(text=text, save="1"))

    article = Article.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:articles_article_change", args=[article.pk])
    assert article.status == Article.Status.DRAFT
    assert article.quotes.count() == 4
    assert article.quotes.get(featured=True).speaker.slug == "sam-rainsy"


def test_importing_the_same_copy_twice_updates_rather_than_duplicates(editor_client, known_people):
    text = SEED.read_text(encoding="utf-8")
    editor_client.post(IMPORT_URL, form(text=text, save="1"))
    editor_client.post(IMPORT_URL, form(text=text, save="1"))

    assert Article.objects.count() == 1
    assert Quote.objects.count() == 4


def test_an_uploaded_copy_is_previewed_like_a_pasted_one(editor_client, known_people):
    upload = SimpleUploadedFile("seed.txt", SEED.read_bytes(), content_type="text/plain")
    response = editor_client.post(IMPORT_URL, {**form(preview="1"), "file": upload})

    assert "4 quotes found" in response.content.decode()
    # The reviewed text travels with the form, so saving does not need the upload again.
    assert response.context["form"]["text"].value().startswith("‘No negotiation with traitors’")


def test_a_new_speaker_is_flagged_for_review_before_saving(editor_client):
    text = (
        "Harbour plan approved\n\nFriday, September 6, 2019\n\n"
        "“We have waited ten years for this harbour,” said council leader Maria Okafor.\n"
    )
    response = editor_client.post(IMPORT_URL, form(text=text, preview="1"))

    assert "Maria Okafor <strong>(new person, will await review)</strong>" in response.content.decode()
    assert not Person.objects.exists()


def test_a_malformed_copy_is_a_form_error_naming_the_line(editor_client):
    response = editor_client.post(IMPORT_URL, form(text="A headline\n\nNo date line here.\n", preview="1"))

    assert response.status_code == 200
    errors = response.context["form"].errors["text"]
    assert "the pasted article" in errors[0] and "date" in errors[0]
    assert not Article.objects.exists()


def test_pasting_and_uploading_at_once_is_refused(editor_client):
    upload = SimpleUploadedFile("seed.txt", SEED.read_bytes(), content_type="text/plain")
    response = editor_client.post(IMPORT_URL, {**form(text="Something", preview="1"), "file": upload})

    assert "one of the two" in response.content.decode()


def test_reporters_may_import_but_only_as_drafts(reporter_client, known_people):
    reporter_client.post(IMPORT_URL, form(text=SEED.read_text(encoding="utf-8"), save="1"))

    assert Article.objects.get().status == Article.Status.DRAFT


def test_the_article_list_links_to_the_import_page(editor_client):
    response = editor_client.get(reverse("admin:articles_article_changelist"))

    assert IMPORT_URL in response.content.decode()


def test_visitors_who_are_not_staff_cannot_reach_the_import_page(client):
    response = client.get(IMPORT_URL)

    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_a_reporter_cannot_rewrite_a_published_article_by_importing_its_copy_again(
    editor_client, reporter_client, known_people
):
    text = SEED.read_text(encoding="utf-8")
    editor_client.post(IMPORT_URL, form(text=text, save="1"))
    Article.objects.update(status=Article.Status.PUBLISHED)

    edited = text.replace("There will be no negotiation", "There will never be negotiation")
    response = reporter_client.post(IMPORT_URL, form(text=edited, save="1"))

    assert response.status_code == 200
    assert "which you may not change" in response.content.decode()
    assert Quote.objects.filter(text__startswith="There will be no negotiation").exists()
