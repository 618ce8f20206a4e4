"""Every change kept with who made it and when; two versions compared side by side; a restore is a new
version, and restoring a published article's earlier text is an editor's right."""

import io
import re

import pytest
from django.core.management import call_command
from django.urls import reverse
from reversion.models import Revision, Version

from articles.models import Article, Quote
from people.models import Person
from tests.articles.test_admin import changeform_data
from tests.factories import DraftArticleFactory, PersonFactory, QuoteFactory

pytestmark = pytest.mark.django_db


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def edit(client, article, **changes):
    response = client.post(change_url(article), changeform_data(client.get(change_url(article)), **changes))
    assert response.status_code == 302, response.context and response.context["adminform"].form.errors
    return response


def revisions_of(article):
    """The article's revisions, oldest first."""
    versions = Version.objects.get_for_object(article).select_related("revision__user").order_by("pk")
    return [version.revision for version in versions]


def test_each_save_in_the_admin_is_kept_with_who_and_when(editor_client, editor):
    article = DraftArticleFactory(headline="First headline")
    edit(editor_client, article, headline="Second headline")
    edit(editor_client, article, headline="Third headline")

    history = editor_client.get(reverse("admin:articles_article_history", args=[article.pk]))

    assert [r.user for r in revisions_of(article)] == [editor, editor]
    assert "Compare the two chosen versions" in history.text
    assert history.text.count('name="revision"') == 2


def test_two_versions_compare_side_by_side_with_their_text_and_quotes(editor_client):
    quote = QuoteFactory(
        article=DraftArticleFactory(body="One.\n\nThe ferries stopped on Monday."), text="Old words."
    )
    article = quote.article
    edit(editor_client, article)
    data = changeform_data(
        editor_client.get(change_url(article)), body="One.\n\nThe ferries stopped on Tuesday."
    )
    data["quotes-0-text"] = "New words."
    editor_client.post(change_url(article), data)
    first, second = revisions_of(article)

    page = editor_client.get(
        reverse("admin:articles_article_compare", args=[article.pk]), {"revision": [first.pk, second.pk]}
    )

    assert page.status_code == 200
    assert "<del>Monday.</del>" in page.text and "<ins>Tuesday.</ins>" in page.text
    assert "Old words." in page.text and "New words." in page.text
    assert re.search(r"Changed: text", page.text)


def test_an_editor_restores_an_earlier_version_and_the_restore_is_kept_too(editor_client):
    article = DraftArticleFactory(headline="The right headline")
    QuoteFactory(article=article, text="Words that were there.")
    edit(editor_client, article)
    first = revisions_of(article)[0]
    data = changeform_data(editor_client.get(change_url(article)), headline="A wrong headline")
    data["quotes-0-DELETE"] = "on"
    editor_client.post(change_url(article), data)
    assert not article.quotes.exists()

    version = Version.objects.get_for_object(article).get(revision=first)
    url = reverse("admin:articles_article_revision", args=[article.pk, version.pk])
    response = editor_client.post(url, changeform_data(editor_client.get(url)))

    assert response.status_code == 302
    article.refresh_from_db()
    assert article.headline == "The right headline"
    assert article.quotes.filter(text="Words that were there.").exists()
    assert "Reverted to previous version" in revisions_of(article)[-1].get_comment()


def test_restoring_a_published_version_is_an_editors_right(reporter_client, editor_client):
    article = DraftArticleFactory(headline="Published text")
    edit(editor_client, article, _publish="Save and publish")
    edit(editor_client, article, _unpublish="Save and unpublish")
    published = next(
        v
        for v in Version.objects.get_for_object(article)
        if v.field_dict["status"] == Article.Status.PUBLISHED
    )
    url = reverse("admin:articles_article_revision", args=[article.pk, published.pk])

    assert reporter_client.get(url).status_code == 403
    assert reporter_client.post(url, {}).status_code == 403
    assert editor_client.get(url).status_code == 200


def test_people_and_organizations_keep_versions_too(editor_client):
    person = PersonFactory(name="Sam Rainsey", slug="sam-rainsy")
    url = reverse("admin:people_person_change", args=[person.pk])
    form = editor_client.get(url)
    data = {k: v for k, v in changeform_data(form, name="Sam Rainsy").items()}
    assert editor_client.post(url, data).status_code == 302

    [version] = Version.objects.get_for_object(person)
    assert version.field_dict["name"] == "Sam Rainsy"


def test_a_load_of_seeds_is_a_revision_named_for_it_holding_the_articles_and_quotes():
    call_command("load_seeds", stdout=io.StringIO(), stderr=io.StringIO())

    article = Article.objects.get()
    [revision] = revisions_of(article)
    assert revision.get_comment().startswith("Loaded by load_seeds from")
    assert revision.user is None
    held = Version.objects.filter(revision=revision)
    assert held.filter(content_type__model="quote").count() == Quote.objects.count() == 4
    assert held.get(content_type__model="article").field_dict["headline"] == article.headline


def test_a_dry_run_keeps_no_revision():
    call_command("load_seeds", "--dry-run", stdout=io.StringIO(), stderr=io.StringIO())

    assert not Revision.objects.exists()
    assert not Person.objects.exists()
