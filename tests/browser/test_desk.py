"""The editors' desk in Chromium, as an editor uses it at ordinary screen sizes: publishing keeps the
edit, the quote inline fits, an import is corrected before saving, the custom pages are accessible."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.test import Client
from playwright.sync_api import expect

from articles.models import Article
from newsroom.roles import EDITORS
from people.models import Person
from tests.browser.test_accessibility import serious_violations
from tests.factories import DraftArticleFactory, QuoteFactory, UserFactory

pytestmark = pytest.mark.browser

SEED = Path(settings.BASE_DIR) / "seeds" / "scmp-2018-03-27-hun-sen-no-negotiation.txt"


@pytest.fixture
def editor_page(page, live_server, transactional_db):
    """The test's page, logged in as an editor."""
    editor = UserFactory(username="desk-editor", groups=[EDITORS])
    client = Client()
    client.force_login(editor)
    assert client.session[SESSION_KEY]
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    return page


def overflowing(page, selector):
    """Elements matching `selector` that reach past the right edge of the window."""
    return page.evaluate(
        """(selector) => [...document.querySelectorAll(selector)]
            .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
            .map(e => e.name || e.id || e.className)""",
        selector,
    )


def test_an_edit_made_before_publishing_is_published_with_it(editor_page, browser_problems):
    draft = DraftArticleFactory(standfirst="Before the edit.")
    editor_page.set_viewport_size({"width": 1280, "height": 900})
    editor_page.goto(f"/admin/articles/article/{draft.pk}/change/")

    expect(editor_page.get_by_role("button", name="Save and unpublish")).to_have_count(0)
    editor_page.get_by_label("Standfirst").fill("Written, then published at once.")
    editor_page.get_by_role("button", name="Save and publish").click()

    expect(editor_page.get_by_text("Published “")).to_be_visible()
    draft.refresh_from_db()
    assert (draft.status, draft.standfirst) == (Article.Status.PUBLISHED, "Written, then published at once.")
    expect(editor_page.get_by_role("button", name="Save and unpublish")).to_be_visible()
    assert browser_problems == []


@pytest.mark.parametrize("width", [1280, 1024])
def test_the_quote_inline_fits_and_shows_each_error_beside_its_field(editor_page, width):
    quote = QuoteFactory(article=DraftArticleFactory())
    editor_page.set_viewport_size({"width": width, "height": 900})
    editor_page.goto(f"/admin/articles/article/{quote.article.pk}/change/")

    assert (
        overflowing(editor_page, ".quotes-inline input, .quotes-inline textarea, .quotes-inline select") == []
    )
    editor_page.get_by_role("button", name=re.compile("Add another quote", re.I)).click()
    new = editor_page.locator(".quotes-inline .inline-related:not(.empty-form)").last
    assert new.locator("input[name$='-said_on']").input_value() != ""  # the article's day, by default
    new.locator("input[name$='-said_on']").fill("2018-13-45")
    new.locator("textarea[name$='-text']").fill("Words added by hand.")
    editor_page.get_by_role("button", name="Save", exact=True).click()

    error = editor_page.locator(".quotes-inline .errorlist").first
    expect(error).to_be_visible()
    box, window = error.bounding_box(), editor_page.viewport_size
    assert box["x"] >= 0 and box["x"] + box["width"] <= window["width"]


def test_an_editor_corrects_an_import_before_saving_it(editor_page, browser_problems):
    Person.objects.create(name="Hun Sen", slug="hun-sen")
    editor_page.set_viewport_size({"width": 1280, "height": 900})
    editor_page.goto("/admin/articles/article/import/")
    editor_page.get_by_label("Paste the article").fill(SEED.read_text(encoding="utf-8"))
    editor_page.get_by_role("button", name="Preview what is found").click()

    expect(editor_page.get_by_role("heading", name="Check what was found, then save")).to_be_visible()
    rows = editor_page.locator(".import__quotes tbody tr")
    count = rows.count()
    assert count >= 3
    rows.nth(1).get_by_label("Keep").uncheck()
    for n in range(count):
        rows.nth(n).get_by_label("Pull quote").set_checked(n == 0)
    editor_page.get_by_role("button", name="Save as draft").click()

    expect(editor_page.get_by_text("Imported “")).to_be_visible()
    article = Article.objects.get()
    assert article.quotes.count() == count - 1
    assert article.quotes.get(featured=True).position == 0
    assert browser_problems == []


def test_the_desks_own_pages_have_no_serious_accessibility_violations(editor_page, axe):
    article = QuoteFactory(article=DraftArticleFactory()).article
    editor_page.set_viewport_size({"width": 1280, "height": 900})
    editor_page.goto(f"/admin/articles/article/{article.pk}/change/")
    editor_page.get_by_role("button", name="Save", exact=True).click()
    editor_page.goto(f"/admin/articles/article/{article.pk}/change/")
    editor_page.get_by_role("button", name="Save", exact=True).click()

    pages = [
        "/admin/articles/article/import/",
        f"/admin/articles/article/{article.pk}/history/",
        f"/admin/articles/article/{article.pk}/history/compare/",
        f"/admin/articles/article/{article.pk}/change/",
    ]
    for path in pages:
        editor_page.goto(path)
        assert serious_violations(axe, editor_page) == [], path
    editor_page.goto("/admin/articles/article/import/")
    editor_page.get_by_label("Paste the article").fill(SEED.read_text(encoding="utf-8"))
    editor_page.get_by_role("button", name="Preview what is found").click()
    assert serious_violations(axe, editor_page) == [], "import preview"
    assert "Django administration" not in editor_page.title()
