from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from articles.models import Article, Quote
from people.models import Organization, Person

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
    assert page.count('Sam Rainsy <span class="help">(person)</span>') == 3
    assert "Save as draft" in page
    assert not Article.objects.exists()


def save(client, text, **fields):
    """Preview the copy, then save it as the preview found it."""
    return client.post(IMPORT_URL, choices_of(previewed(client, text, **fields)))


def test_saving_a_reviewed_import_creates_a_draft_with_its_quotes(editor_client, known_people):
    text = SEED.read_text(encoding="utf-8")
    response = save(editor_client, text)

    article = Article.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:articles_article_change", args=[article.pk])
    assert article.status == Article.Status.DRAFT
    assert article.quotes.count() == 4
    assert article.quotes.get(featured=True).speaker.slug == "sam-rainsy"


def test_importing_the_same_copy_twice_updates_rather_than_duplicates(editor_client, known_people):
    text = SEED.read_text(encoding="utf-8")
    save(editor_client, text)
    save(editor_client, text)

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

    page = response.content.decode()
    assert "Maria Okafor <span" in page and "(new person, will await review)" in page
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
    save(reporter_client, SEED.read_text(encoding="utf-8"))

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
    save(editor_client, text)
    Article.objects.update(status=Article.Status.PUBLISHED)

    edited = text.replace("There will be no negotiation", "There will never be negotiation")
    response = reporter_client.post(IMPORT_URL, form(text=edited, save="1"))

    assert response.status_code == 200
    assert "which you may not change" in response.content.decode()
    assert Quote.objects.filter(text__startswith="There will be no negotiation").exists()


# The preview is a form an editor corrects


def previewed(client, text, **fields):
    response = client.post(IMPORT_URL, form(text=text, preview="1", **fields))
    assert response.status_code == 200, response.context["form"].errors
    return response


def choices_of(response, **changes):
    """What the preview's form posts back to save, with `changes` ({"quotes-1-keep": ""}, ...)."""
    data = {"save": "1"}
    page_form = response.context["form"]
    for name in page_form.fields:
        value = page_form[name].value()
        if value is not None and name != "file":
            data[name] = value.pk if hasattr(value, "pk") else value
    formset = response.context["choices"]
    management = formset.management_form
    for name in management.fields:
        data[management.add_prefix(name)] = management[name].value()
    for choice in formset.forms:
        for name in choice.fields:
            value = choice[name].value()
            if name in ("keep", "featured"):
                if value:
                    data[choice.add_prefix(name)] = "on"
            elif value is not None:
                data[choice.add_prefix(name)] = value.pk if hasattr(value, "pk") else value
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def test_an_editor_credits_a_quote_to_someone_else_drops_one_and_picks_the_pull_quote(
    editor_client, known_people
):
    response = previewed(editor_client, SEED.read_text(encoding="utf-8"))
    found = [quote.text for quote, _ in response.context["quotes"]]
    hun_sen = Person.objects.get(slug="hun-sen")
    last = len(found) - 1

    editor_client.post(
        IMPORT_URL,
        choices_of(
            response,
            **{"quotes-0-speaker": hun_sen.pk, "quotes-1-keep": "", f"quotes-{last}-featured": "on"},
            **{f"quotes-{i}-featured": "" for i in range(last)},
        ),
    )

    article = Article.objects.get()
    assert list(article.quotes.values_list("text", flat=True)) == [found[0], *found[2:]]
    assert article.quotes.get(text=found[0]).speaker == hun_sen
    assert article.quotes.get(featured=True).text == found[last]


def test_an_editor_makes_quotes_an_organizations_and_an_unnamed_sources(editor_client, known_people):
    response = previewed(editor_client, SEED.read_text(encoding="utf-8"))
    found = [quote.text for quote, _ in response.context["quotes"]]
    party = Organization.objects.get(slug="cambodia-national-rescue-party")

    editor_client.post(
        IMPORT_URL,
        choices_of(
            response,
            **{
                "quotes-0-source_kind": "organization",
                "quotes-0-speaker": "",
                "quotes-0-organization": party.pk,
            },
            **{"quotes-1-source_kind": "unnamed", "quotes-1-speaker": "", "quotes-1-description": "an aide"},
        ),
    )

    article = Article.objects.get()
    by_party, by_aide = article.quotes.get(text=found[0]), article.quotes.get(text=found[1])
    assert (by_party.source_kind, by_party.organization, by_party.speaker) == ("organization", party, None)
    assert (by_aide.source_kind, by_aide.source_description, by_aide.speaker) == ("unnamed", "an aide", None)


def test_a_source_changed_without_saying_who_is_a_form_error(editor_client, known_people):
    response = previewed(editor_client, SEED.read_text(encoding="utf-8"))

    again = editor_client.post(
        IMPORT_URL,
        choices_of(response, **{"quotes-0-source_kind": "organization", "quotes-0-organization": ""}),
    )

    assert "Choose the organization that said it." in again.text
    assert not Article.objects.exists()


def test_quotes_by_an_unknown_organization_and_a_lone_attribution_are_shown_before_saving(editor_client):
    text = (
        "Refinery to close\n\nFriday, September 6, 2019\n\n"
        "“The plant has not made money for six years,” the Harbour Refining Company said in a statement.\n\n"
        "—Troy Roberts on the closure\n\nThe plant employs 400 people.\n"
    )
    response = editor_client.post(IMPORT_URL, form(text=text, preview="1"))

    page = response.content.decode()
    assert "Harbour Refining Company <span" in page and "(new organization, will await review)" in page
    assert "an attribution whose quote is missing: “—Troy Roberts on the closure”" in page.replace(
        "&#x27;", "'"
    )


def test_two_pull_quotes_are_refused_and_nothing_is_saved(editor_client, known_people):
    response = previewed(editor_client, SEED.read_text(encoding="utf-8"))

    again = editor_client.post(
        IMPORT_URL, choices_of(response, **{"quotes-0-featured": "on", "quotes-1-featured": "on"})
    )

    assert "Choose one pull quote at most." in again.text
    assert not Article.objects.exists()


def test_an_outlet_not_yet_known_is_created_with_the_article(editor_client, known_people):
    response = previewed(
        editor_client, SEED.read_text(encoding="utf-8"), new_outlet="South China Morning Post"
    )

    editor_client.post(IMPORT_URL, choices_of(response))

    outlet = Article.objects.get().source_outlet
    assert (outlet.name, outlet.kind) == ("South China Morning Post", "outlet")


def test_times_show_in_the_newsrooms_format_and_zones_are_a_searchable_list(editor_client, known_people):
    response = previewed(editor_client, SEED.read_text(encoding="utf-8"))

    assert "27 March 2018, 17:55 HKT" in response.text
    assert "T00:00:00+08:00" not in response.text
    zones = response.context["zones"]
    assert zones[0] == "Asia/Hong_Kong" and "Europe/London" in zones
    assert 'list="time-zones"' in response.text


def test_an_unknown_time_zone_is_a_form_error(editor_client):
    response = editor_client.post(
        IMPORT_URL, form(text=SEED.read_text(encoding="utf-8"), time_zone="Mars/Olympus", preview="1")
    )

    assert "“Mars/Olympus” is not a time zone" in response.text


def test_the_same_copy_pasted_again_without_its_address_is_an_update_not_a_new_article(
    editor_client, known_people
):
    text = SEED.read_text(encoding="utf-8")
    first = previewed(editor_client, text, source_url="https://www.scmp.com/news/asia/article/2139087")
    editor_client.post(IMPORT_URL, choices_of(first))
    article = Article.objects.get()

    again = previewed(editor_client, text)

    assert again.context["found"].existing == article
    assert "Saving <strong>updates</strong>" in again.text
    editor_client.post(IMPORT_URL, choices_of(again))
    assert Article.objects.count() == 1


def test_a_copy_updated_before_it_was_published_is_refused_on_its_line(editor_client):
    text = SEED.read_text(encoding="utf-8").replace(
        "UPDATED : Tuesday, 27 March, 2018", "UPDATED : Monday, 26 March, 2018"
    )

    response = editor_client.post(IMPORT_URL, form(text=text, preview="1"))

    [error] = response.context["form"].errors["text"]
    assert "UPDATED" in error and "line" in error
    assert not Article.objects.exists()


def test_an_import_is_a_revision_named_for_it_with_who_imported(editor_client, editor, known_people):
    from reversion.models import Version

    response = previewed(editor_client, SEED.read_text(encoding="utf-8"))
    editor_client.post(IMPORT_URL, choices_of(response))

    [version] = Version.objects.get_for_object(Article.objects.get())
    assert version.revision.user == editor
    assert "import page" in version.revision.get_comment()
