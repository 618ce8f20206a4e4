import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

SERIOUS = {"serious", "critical"}
# A phone and a desktop: every reader page is checked at both.
WIDTHS = {"phone": (390, 844), "desktop": (1280, 900)}
ARTICLE = "/articles/2018/03/27/no-negotiation-with-traitors/"
READER_PAGES = [
    ("/", "Newsroom"),
    ("/articles/", "Articles"),
    ("/articles/?date_after=2018-13-45", "Articles"),
    ("/articles/2018/", "Articles from 2018"),
    ("/articles/2018/03/", "Articles from March 2018"),
    (ARTICLE, re.compile(r"^‘No negotiation with traitors’")),
    ("/articles/2018/01/05/ferry-crews-walk-out/", "Ferry crews walk out over harbour pay"),
    ("/quotes/", "Quotes"),
    ("/people/", "People"),
    ("/people/sam-rainsy/", "Sam Rainsy"),
    ("/people/hun-sen/", "Samdech Hun Sen"),
    ("/organizations/", "Organizations"),
    ("/organizations/cambodia-national-rescue-party/", "Cambodia National Rescue Party (CNRP)"),
    ("/organizations/harbour-authority/", "Harbour Authority"),
]
READER_IDS = [
    "home",
    "article list",
    "bad filter",
    "year",
    "month",
    "article",
    "imported article",
    "quote list",
    "person list",
    "person",
    "person quoted once",
    "organization list",
    "organization",
    "organization quoted itself",
]


def serious_violations(axe, page):
    return [
        f"{violation['impact']} {violation['id']}: {violation['help']} "
        f"at {[node['target'] for node in violation['nodes']]}"
        for violation in axe.run(page).response["violations"]
        if violation["impact"] in SERIOUS
    ]


def overflow(page):
    """How far the page is wider than the window, in pixels (0 when it fits)."""
    return page.evaluate("document.documentElement.scrollWidth - window.innerWidth")


@pytest.mark.parametrize("width", WIDTHS, ids=WIDTHS)
@pytest.mark.parametrize(("path", "heading"), READER_PAGES, ids=READER_IDS)
def test_reader_page_fits_the_screen_and_has_no_serious_accessibility_violations(
    page, story, axe, browser_problems, path, heading, width
):
    page.set_viewport_size(dict(zip(("width", "height"), WIDTHS[width], strict=True)))

    response = page.goto(path)

    assert response.status == 200
    expect(page.get_by_role("heading", level=1)).to_have_text(heading)
    assert overflow(page) == 0
    assert serious_violations(axe, page) == []
    assert browser_problems == []


@pytest.mark.parametrize("path", ["/quotes/?date_after=notadate", "/people/sam-rainsy/?date_before=notadate"])
def test_filter_form_showing_an_error_has_no_serious_accessibility_violations(
    page, story, axe, browser_problems, path
):
    page.goto(path)

    expect(page.get_by_role("alert")).to_contain_text("Some of these filters could not be used")
    expect(page.get_by_role("main")).to_contain_text("Enter a valid date.")
    assert serious_violations(axe, page) == []
    assert browser_problems == []


def test_a_quote_shown_with_its_speaker_has_no_serious_accessibility_violations(page, story, axe):
    page.goto(ARTICLE)
    page.locator("q.said").first.focus()

    assert page.locator(".said-by").first.evaluate("e => e.getBoundingClientRect().width") > 20
    assert serious_violations(axe, page) == []


def test_skip_link_is_the_first_tab_stop_and_moves_focus_to_the_main_content(page, story):
    page.goto("/")

    page.keyboard.press("Tab")
    skip_link = page.get_by_role("link", name="Skip to main content")
    expect(skip_link).to_be_focused()
    expect(skip_link).to_be_in_viewport()

    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/#main$"))
    expect(page.get_by_role("main")).to_be_focused()

    page.keyboard.press("Tab")
    latest = page.get_by_role("region", name="Latest articles")
    expect(latest.get_by_role("link", name=story.article.headline)).to_be_focused()
