"""Reporters write drafts; editors publish, unpublish and delete. Checked with real users in real groups."""

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from articles.models import Article, Quote
from newsroom.roles import EDITORS, REPORTERS
from tests.articles.test_admin import changeform_data
from tests.factories import ArticleFactory, DraftArticleFactory, PersonFactory, QuoteFactory

pytestmark = pytest.mark.django_db

PUBLISH_ACTIONS = {
    "publish_selected": "Publish selected articles",
    "unpublish_selected": "Unpublish selected articles (back to draft)",
}


@pytest.fixture
def editors_form(editor):
    """The form as an editor sees it (`reporter_client` and `editor_client` are one client)."""
    client = Client()
    client.force_login(editor)
    return lambda url, **changes: changeform_data(client.get(url), **changes)


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def status_of(article):
    return Article.objects.values_list("status", flat=True).get(pk=article.pk)


def bulk(client, action, *articles):
    return client.post(
        reverse("admin:articles_article_changelist"),
        {"action": action, "_selected_action": [article.pk for article in articles]},
    )


def action_choices(response):
    return dict(response.context["action_form"].fields["action"].choices)


# The groups migrate creates


def test_migrate_creates_both_groups():
    assert set(Group.objects.values_list("name", flat=True)) >= {EDITORS, REPORTERS}


def test_only_editors_hold_the_publishing_and_deleting_permissions(editor, reporter):
    for permission in ("articles.publish_article", "articles.delete_article"):
        assert editor.has_perm(permission)
        assert not reporter.has_perm(permission)


def test_reporters_may_write_articles_and_quotes(reporter):
    for codename in (
        "add_article",
        "change_article",
        "add_quote",
        "change_quote",
        "delete_quote",
        "add_byline",
    ):
        assert reporter.has_perm(f"articles.{codename}")


# Reporters: drafts only


def test_reporter_adds_an_article_as_a_draft_even_when_posting_published(reporter_client):
    add = reverse("admin:articles_article_add")
    data = changeform_data(reporter_client.get(add), headline="Talks ruled out", slug="talks-ruled-out")
    data["status"] = Article.Status.PUBLISHED

    response = reporter_client.post(add, data)

    assert response.status_code == 302
    assert Article.objects.get(slug="talks-ruled-out").status == Article.Status.DRAFT


def test_reporter_cannot_publish_by_posting_the_change_form(reporter_client):
    draft = DraftArticleFactory(headline="First version")
    data = changeform_data(reporter_client.get(change_url(draft)), headline="Second version")
    assert "status" not in data
    data["status"] = Article.Status.PUBLISHED

    response = reporter_client.post(change_url(draft), data)

    assert response.status_code == 302
    draft.refresh_from_db()
    assert (draft.headline, draft.status) == ("Second version", Article.Status.DRAFT)


def test_reporter_sees_the_status_but_is_offered_no_way_to_change_it(reporter_client):
    response = reporter_client.get(change_url(DraftArticleFactory()))

    assert "status" not in response.context["adminform"].form.fields
    assert "state" in response.context["adminform"].readonly_fields
    assert 'name="_publish"' not in response.text and 'name="_unpublish"' not in response.text


def test_reporter_cannot_publish_by_pressing_a_button_they_are_not_shown(reporter_client):
    draft = DraftArticleFactory()
    data = changeform_data(reporter_client.get(change_url(draft)), _publish="Save and publish")

    reporter_client.post(change_url(draft), data)

    assert status_of(draft) == Article.Status.DRAFT


def test_reporter_cannot_publish_with_the_bulk_action(reporter_client):
    draft = DraftArticleFactory()

    bulk(reporter_client, "publish_selected", draft)

    assert status_of(draft) == Article.Status.DRAFT


def test_reporter_cannot_unpublish_with_the_bulk_action(reporter_client):
    published = ArticleFactory()

    bulk(reporter_client, "unpublish_selected", published)

    assert status_of(published) == Article.Status.PUBLISHED


def test_reporter_cannot_publish_with_the_change_form_action(reporter_client):
    draft = DraftArticleFactory()

    reporter_client.post(
        change_url(draft), {"CHANGE_FORM-action": "publish_selected", "_selected_action": [draft.pk]}
    )

    assert status_of(draft) == Article.Status.DRAFT


def test_reporter_is_not_offered_the_publishing_actions(reporter_client):
    ArticleFactory()

    response = reporter_client.get(reverse("admin:articles_article_changelist"))

    assert response.status_code == 200
    assert not set(PUBLISH_ACTIONS) & set(
        response.context["cl"].model_admin.get_actions(response.wsgi_request)
    )
    assert "Publish selected articles" not in response.content.decode()


def test_reporter_may_view_a_published_article_but_not_change_it(reporter_client):
    published = ArticleFactory()

    response = reporter_client.get(change_url(published))

    assert response.status_code == 200
    assert response.context["has_change_permission"] is False
    assert response.context["adminform"].form.fields == {}
    assert 'name="_save"' not in response.content.decode()


def test_reporter_cannot_change_a_published_article_by_posting_its_form(reporter_client, editors_form):
    published = ArticleFactory(headline="As published")
    data = editors_form(change_url(published), headline="Quietly changed", status="draft")

    response = reporter_client.post(change_url(published), data)

    assert response.status_code == 403
    published.refresh_from_db()
    assert (published.headline, published.status) == ("As published", Article.Status.PUBLISHED)


@pytest.mark.parametrize("article_factory", [ArticleFactory, DraftArticleFactory], ids=["published", "draft"])
def test_reporter_cannot_delete_an_article(reporter_client, article_factory):
    article = article_factory()
    url = reverse("admin:articles_article_delete", args=[article.pk])

    response = reporter_client.post(url, {"post": "yes"})

    assert response.status_code == 403
    assert Article.objects.filter(pk=article.pk).exists()


def test_reporter_cannot_delete_with_the_bulk_action(reporter_client):
    published = ArticleFactory()

    bulk(reporter_client, "delete_selected", published)

    assert Article.objects.filter(pk=published.pk).exists()


def test_quotes_and_bylines_of_a_published_article_are_read_only_for_a_reporter(reporter_client):
    published = QuoteFactory().article

    response = reporter_client.get(change_url(published))

    for inline in response.context["inline_admin_formsets"]:
        assert not (inline.has_add_permission or inline.has_change_permission or inline.has_delete_permission)
    assert 'name="quotes-0-text"' not in response.content.decode()


def test_quotes_and_bylines_of_a_draft_are_editable_for_a_reporter(reporter_client):
    draft = QuoteFactory(article=DraftArticleFactory()).article

    response = reporter_client.get(change_url(draft))

    for inline in response.context["inline_admin_formsets"]:
        assert inline.has_add_permission and inline.has_change_permission and inline.has_delete_permission
    assert 'name="quotes-0-text"' in response.content.decode()


def test_reporter_cannot_change_or_delete_a_quote_of_a_published_article(reporter_client, editors_form):
    quote = QuoteFactory(text="As said.")
    url = reverse("admin:articles_quote_change", args=[quote.pk])
    data = editors_form(url, text="Not as said.")

    changed = reporter_client.post(url, data)
    deleted = reporter_client.post(reverse("admin:articles_quote_delete", args=[quote.pk]), {"post": "yes"})

    assert (changed.status_code, deleted.status_code) == (403, 403)
    quote.refresh_from_db()
    assert quote.text == "As said."


def test_reporter_cannot_bulk_delete_quotes_of_a_published_article(reporter_client):
    published, draft = QuoteFactory(), QuoteFactory(article=DraftArticleFactory())

    response = reporter_client.post(
        reverse("admin:articles_quote_changelist"),
        {"action": "delete_selected", "_selected_action": [published.pk, draft.pk], "post": "yes"},
    )

    assert response.status_code == 403
    assert Quote.objects.count() == 2


def test_reporter_edits_and_deletes_quotes_of_a_draft(reporter_client):
    quote = QuoteFactory(article=DraftArticleFactory(), text="First take.")
    other = QuoteFactory(article=quote.article)
    url = reverse("admin:articles_quote_change", args=[quote.pk])

    changed = reporter_client.post(url, changeform_data(reporter_client.get(url), text="Second take."))
    deleted = reporter_client.post(reverse("admin:articles_quote_delete", args=[other.pk]), {"post": "yes"})

    assert (changed.status_code, deleted.status_code) == (302, 302)
    assert list(Quote.objects.values_list("text", flat=True)) == ["Second take."]


def test_reporter_cannot_attach_a_quote_to_a_published_article(reporter_client):
    published = ArticleFactory()
    add = reverse("admin:articles_quote_add")
    data = changeform_data(
        reporter_client.get(add),
        text="Slipped in.",
        speaker=PersonFactory().pk,
        article=published.pk,
        said_on="27/03/2018",
    )

    response = reporter_client.post(add, data)

    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not published.quotes.exists()


def test_reporter_article_autocomplete_offers_only_drafts(reporter_client):
    ArticleFactory(headline="Published talks story")
    DraftArticleFactory(headline="Draft talks story")

    response = reporter_client.get(
        reverse("admin:autocomplete"),
        {"app_label": "articles", "model_name": "quote", "field_name": "article", "term": "talks"},
    )

    assert [result["text"] for result in response.json()["results"]] == ["Draft talks story"]


# Editors: everything, one at a time or in bulk


def test_editor_publishes_from_the_change_form_and_the_edit_made_there_is_saved(editor_client):
    draft = DraftArticleFactory(standfirst="Before the edit.")
    form = editor_client.get(change_url(draft))
    assert 'name="_publish" value="Save and publish"' in form.text
    assert 'name="_unpublish"' not in form.text

    response = editor_client.post(
        change_url(draft),
        changeform_data(form, standfirst="Edited, then published.", _publish="Save and publish"),
    )

    assert response.status_code == 302
    draft.refresh_from_db()
    assert (draft.status, draft.standfirst) == (Article.Status.PUBLISHED, "Edited, then published.")


def test_editor_unpublishes_from_the_change_form_saving_the_edit_too(editor_client):
    published = ArticleFactory(standfirst="As published.")
    form = editor_client.get(change_url(published))
    assert 'name="_unpublish" value="Save and unpublish"' in form.text
    assert 'name="_publish"' not in form.text

    editor_client.post(
        change_url(published), changeform_data(form, standfirst="Corrected.", _unpublish="Save and unpublish")
    )

    published.refresh_from_db()
    assert (published.status, published.standfirst) == (Article.Status.DRAFT, "Corrected.")


def test_publishing_a_form_with_an_error_publishes_nothing_and_keeps_what_was_typed(editor_client):
    draft = DraftArticleFactory(headline="Before")
    form = editor_client.get(change_url(draft))

    response = editor_client.post(
        change_url(draft), changeform_data(form, headline="", standfirst="Typed but not saved.", _publish="1")
    )

    assert response.status_code == 200
    assert "Typed but not saved." in response.text
    assert status_of(draft) == Article.Status.DRAFT


def test_the_change_form_offers_no_action_bar_to_publish_a_second_way(editor_client):
    form = editor_client.get(change_url(DraftArticleFactory()))

    assert "CHANGE_FORM-action" not in form.text
    assert "status" not in form.context["adminform"].form.fields


def test_editor_is_offered_the_publishing_actions(editor_client):
    ArticleFactory()

    response = editor_client.get(reverse("admin:articles_article_changelist"))

    choices = action_choices(response)
    for name, description in PUBLISH_ACTIONS.items():
        assert choices[name] == description


def test_editor_publishes_the_selected_drafts_in_bulk(editor_client):
    first, second, left_alone = DraftArticleFactory(), DraftArticleFactory(), DraftArticleFactory()

    response = bulk(editor_client, "publish_selected", first, second)

    assert response.status_code == 302
    assert [status_of(a) for a in (first, second, left_alone)] == ["published", "published", "draft"]


def test_editor_unpublishes_the_selected_articles_in_bulk(editor_client):
    first, second, left_alone = ArticleFactory(), ArticleFactory(), ArticleFactory()

    bulk(editor_client, "unpublish_selected", first, second)

    assert [status_of(a) for a in (first, second, left_alone)] == ["draft", "draft", "published"]


def test_bulk_publishing_keeps_a_scheduled_time(editor_client):
    draft = DraftArticleFactory(published_at="2099-01-01T08:00:00+08:00")

    bulk(editor_client, "publish_selected", draft)

    draft.refresh_from_db()
    assert draft.status == Article.Status.PUBLISHED
    assert not draft.is_public


def test_bulk_publishing_is_recorded_in_the_history(editor_client, editor):
    draft = DraftArticleFactory()

    bulk(editor_client, "publish_selected", draft)

    history = editor_client.get(reverse("admin:articles_article_history", args=[draft.pk]))
    [entry] = history.context["action_list"]
    assert (entry["revision"].user, entry["revision"].get_comment()) == (editor, "Published")


def test_editor_deletes_a_published_article(editor_client):
    published = QuoteFactory().article

    response = editor_client.post(
        reverse("admin:articles_article_delete", args=[published.pk]), {"post": "yes"}
    )

    assert response.status_code == 302
    assert not Article.objects.filter(pk=published.pk).exists()
    assert not Quote.objects.exists()


def test_editor_deletes_published_articles_in_bulk(editor_client):
    first, second = ArticleFactory(), ArticleFactory()

    editor_client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "delete_selected", "_selected_action": [first.pk, second.pk], "post": "yes"},
    )

    assert not Article.objects.exists()


def test_editor_changes_quotes_of_a_published_article(editor_client):
    quote = QuoteFactory(text="As said.")
    url = reverse("admin:articles_quote_change", args=[quote.pk])

    response = editor_client.post(url, changeform_data(editor_client.get(url), text="As corrected."))

    assert response.status_code == 302
    quote.refresh_from_db()
    assert quote.text == "As corrected."
