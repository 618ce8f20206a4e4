import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

SERIOUS = {"serious", "critical"}


def serious_violations(axe, page):
    return [
        f"{violation['impact']} {violation['id']}: {violation['help']} "
        f"at {[node['target'] for node in violation['nodes']]}"
        for violation in axe.run(page).response["violations"]
        if violation["impact"] in SERIOUS
    ]


@pytest.mark.parametrize(
    ("path", "heading"),
    [
        ("/", "Newsroom"),
        ("/articles/", "Articles"),
        (
            "/articles/2018/03/27/no-negotiation-with-traitors/",
            re.compile(r"^‘No negotiation with traitors’"),
        ),
        ("/people/", "People"),
        ("/people/sam-rainsy/", "Sam Rainsy"),
        ("/quotes/", "Quotes"),
        ("/organizations/cambodia-national-rescue-party/", "Cambodia National Rescue Party (CNRP)"),
    ],
    ids=["home", "article list", "article", "person list", "person", "quote list", "organization"],
)
def test_reader_page_has_no_serious_accessibility_violations(
    page, story, axe, browser_problems, path, heading
):
    response = page.goto(path)

    assert response.status == 200
    expect(page.get_by_role("heading", level=1)).to_have_text(heading)
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
