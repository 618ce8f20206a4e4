"""The readers' pages in Chromium, as a reader meets them on a desktop and on a phone: who said what
in the story, a person's chart, filters that fold on a phone, feeds and the sitemap a browser shows."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.test_accessibility import ARTICLE, overflow

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture
def phone(browser, live_server, browser_problems):
    """A touch screen 390 px wide, reporting its problems like the desktop page does."""
    context = browser.new_context(base_url=live_server.url, viewport=PHONE, has_touch=True, is_mobile=True)
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.on("pageerror", lambda error: browser_problems.append(f"uncaught error on {page.url}: {error}"))
    yield page
    context.close()


def hun_sen_quote(page):
    return page.locator("q", has_text="There will be no negotiation with traitors")


def first_line(locator):
    """A point in the first words of an inline element, which may begin mid-line after other words
    (its first box may be no more than its opening quotation mark), scrolled into view."""
    locator.scroll_into_view_if_needed()
    return locator.evaluate(
        """e => {
            const r = [...e.getClientRects()].find(r => r.width > 20);
            return {x: r.x + 12, y: r.y + r.height / 2};
        }"""
    )


def drawn(locator):
    """Whether the element is drawn as more than the 1 px box that keeps it for screen readers only."""
    return locator.evaluate(
        "e => e.getBoundingClientRect().width > 20 && e.getBoundingClientRect().height > 10"
    )


def expect_drawn(locator):
    locator.page.wait_for_function(
        "e => e.getBoundingClientRect().width > 20 && e.getBoundingClientRect().height > 10",
        arg=locator.element_handle(),
        timeout=5_000,
    )


# 1. Who said what, in the story


def test_a_quote_in_the_story_names_its_speaker_on_hover_and_leads_to_their_page(
    page, story, browser_problems
):
    page.goto(ARTICLE)
    quote = hun_sen_quote(page)
    speaker = page.locator(".said-by", has=page.get_by_role("link", name="Hun Sen"))
    expect(quote).to_have_attribute("id", f"quote-{story.hun_sen_quote.pk}")
    assert not drawn(speaker)

    point = first_line(quote)
    page.mouse.move(point["x"], point["y"])

    expect_drawn(speaker)
    expect(speaker).to_contain_text("Hun Sen, Prime Minister, Government of Cambodia")
    speaker.get_by_role("link", name="Hun Sen").click()
    expect(page).to_have_url(re.compile(r"/people/hun-sen/$"))
    assert browser_problems == []


def test_a_keyboard_reaches_the_quote_then_its_speaker(page, story):
    page.goto(ARTICLE)
    quote = hun_sen_quote(page)

    quote.focus()
    expect_drawn(page.locator(".said-by").first)
    page.keyboard.press("Tab")

    link = page.locator(".said-by").first.get_by_role("link", name="Hun Sen")
    expect(link).to_be_focused()
    expect_drawn(page.locator(".said-by").first)  # still shown, now that its link has the focus
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/people/hun-sen/$"))


def test_a_tap_on_a_quote_names_its_speaker_on_a_phone(phone, story):
    phone.goto(ARTICLE)
    quote = hun_sen_quote(phone)
    quote.scroll_into_view_if_needed()
    point = first_line(quote)

    phone.touchscreen.tap(point["x"], point["y"])

    speaker = phone.locator(".said-by").first
    expect_drawn(speaker)
    expect(speaker).to_contain_text("Hun Sen")
    assert overflow(phone) == 0  # the speaker's card fits the screen too


def test_a_quotes_address_lands_on_it_in_the_story(page, story):
    page.goto(story.hun_sen_quote.get_absolute_url())

    quote = hun_sen_quote(page)
    expect(quote).to_be_in_viewport()
    expect_drawn(page.locator(".said-by").first)
    assert page.evaluate("location.hash") == f"#quote-{story.hun_sen_quote.pk}"


def test_the_pull_quote_sits_in_the_story_and_its_words_show_twice_at_most(page, story):
    page.goto(ARTICLE)

    paragraphs = page.locator(".article__body > p")
    pull_quote = page.get_by_role("complementary", name="Pull quote")
    expect(pull_quote).to_contain_text("a real culture of dialogue must replace")
    assert paragraphs.first.evaluate(
        "(p, q) => !!(p.compareDocumentPosition(q) & 4)", pull_quote.element_handle()
    )
    assert page.evaluate("document.body.innerText").count("a real culture of dialogue must replace") == 2


def test_the_article_uses_a_desktops_width_with_who_is_in_the_story_beside_it(page, story):
    page.set_viewport_size(DESKTOP)
    page.goto(ARTICLE)

    story_box = page.locator("article.article").bounding_box()
    people = page.get_by_role("region", name="People in this story")
    side_box = people.bounding_box()
    assert side_box["x"] >= story_box["x"] + story_box["width"]
    expect(people).to_contain_text("Sam Rainsy")
    expect(people).to_contain_text("Former leader, CNRP")
    related = page.get_by_role("region", name="Related articles")
    expect(related.get_by_role("link", name=story.older_article.headline)).to_be_visible()


# 3. A person page that explains itself


def test_the_chart_labels_every_month_legibly_on_a_desktop(page, story):
    page.set_viewport_size(DESKTOP)
    page.goto("/people/sam-rainsy/")

    labels = page.locator("svg.chart__svg text.chart__label")
    expect(labels).to_have_text(["Jan", "2018", "Feb", "Mar"])
    for label in labels.all():
        assert label.bounding_box()["height"] >= 9  # as drawn, after the SVG is scaled to its box
    # The table stays for screen readers.
    expect(page.get_by_role("table", name="Quotes by Sam Rainsy per month")).to_be_attached()


def test_the_chart_becomes_labelled_rows_on_a_phone(phone, story):
    phone.goto("/people/sam-rainsy/")

    expect(phone.locator("svg.chart__svg")).to_be_hidden()
    table = phone.get_by_role("table", name="Quotes by Sam Rainsy per month")
    expect(table).to_be_visible()
    rows = table.locator("tbody th")
    expect(rows).to_have_text(["January 2018", "February 2018", "March 2018"])
    for row in rows.all():
        assert float(row.evaluate("th => getComputedStyle(th).fontSize").removesuffix("px")) >= 14
    assert overflow(phone) == 0


def test_someone_quoted_once_is_told_in_a_sentence_with_their_role_as_who_they_are(page, story):
    story.hun_sen.description = ""
    story.hun_sen.save()

    page.goto("/people/hun-sen/")

    expect(page.get_by_text("Hun Sen was quoted once, in March 2018.")).to_be_visible()
    expect(page.locator("svg.chart__svg")).to_have_count(0)
    expect(page.get_by_role("form", name="Filter quotes by date")).to_have_count(0)
    expect(page.locator(".profile__description")).to_have_text("Prime Minister, Government of Cambodia")


# 5. Right on a phone


def test_filters_fold_behind_a_filter_control_on_a_phone_and_work_without_script(browser, live_server, story):
    context = browser.new_context(base_url=live_server.url, viewport=PHONE, java_script_enabled=False)
    phone = context.new_page()
    phone.goto("/articles/")
    form = phone.get_by_role("form", name="Filter articles")
    expect(form).to_be_hidden()
    expect(phone.get_by_role("heading", name=re.compile(r"\d+ articles?"))).to_be_in_viewport()

    phone.locator("summary", has_text="Filter").click()
    expect(form).to_be_visible()
    form.get_by_label("Person").fill("Hun Sen")
    form.get_by_role("button", name="Filter").click()

    expect(phone).to_have_url(re.compile(r"/articles/\?.*person=Hun\+Sen"))
    expect(phone.locator("summary", has_text="Filter")).to_contain_text("(1 chosen)")
    expect(phone.get_by_role("link", name=story.article.headline)).to_be_visible()
    context.close()


def test_filters_are_open_on_a_desktop(page, story):
    page.set_viewport_size(DESKTOP)
    page.goto("/quotes/")

    expect(page.get_by_role("form", name="Filter quotes")).to_be_visible()
    expect(page.locator("summary", has_text="Filter")).to_be_hidden()


def test_a_bad_date_is_shown_back_in_its_field_with_the_error_on_a_phone(phone, story):
    phone.goto("/articles/?date_after=2018-13-45")

    field = phone.get_by_label("on or after")
    expect(field).to_be_visible()
    expect(field).to_have_value("2018-13-45")
    expect(phone.get_by_role("group", name="Published")).to_contain_text("Enter a valid date.")
    assert overflow(phone) == 0


def test_a_long_address_wraps_and_a_source_shows_its_host_on_a_phone(phone, story):
    phone.goto(story.ferry.get_absolute_url())

    expect(phone.get_by_role("link", name="example.org", exact=True)).to_be_visible()
    assert overflow(phone) == 0


# 6. Feeds and the sitemap a browser can show


# Elements with a style attribute, less Chromium's own banner (an element of its own in some
# versions, a <div> with inline style in others).
# Chromium's own element (newer builds keep its words in a shadow root), or its older plain banner.
CSP_REFUSED_STYLE = """() => [...document.querySelectorAll("[style]")].filter(e => {
    if (e.closest("xslt-warning-banner")) return false;
    const banner = e.closest("body > div[style]");
    return !(banner && banner.textContent.includes("This site uses XSLT"));
}).length"""


@pytest.mark.parametrize(
    ("path", "heading"),
    [
        ("/feeds/articles/", "Newsroom: latest articles"),
        ("/people/sam-rainsy/feed/", "Sam Rainsy: quotes and articles, Newsroom"),
        (
            "/organizations/cambodia-national-rescue-party/feed/",
            re.compile(r"^Cambodia National Rescue Party"),
        ),
        ("/sitemap.xml", "Sitemap"),
        ("/sitemap-articles.xml", "Sitemap"),
    ],
)
def test_feeds_and_the_sitemap_are_pages_of_the_site_in_a_browser(
    page, story, path, heading, browser_problems
):
    page.goto(path)

    expect(page.get_by_role("heading", level=1)).to_have_text(heading)
    expect(page.locator("header.site-header")).to_have_css("background-color", "rgb(19, 41, 75)")
    if "feed" in path:
        expect(page.get_by_text("This is a web feed.")).to_be_visible()
        expect(page.locator("article.item").first.get_by_role("link")).to_have_attribute(
            "href", re.compile("^http")
        )
    # The page's own markup needs nothing the CSP refuses. (Chromium adds a banner of its own about
    # XSLT's deprecation, with inline style the CSP blocks: not the site's, so not counted.)
    assert page.evaluate(CSP_REFUSED_STYLE) == 0
    own = [p for p in browser_problems if "inline" not in p and "Content Security Policy" not in p]
    assert own == []
