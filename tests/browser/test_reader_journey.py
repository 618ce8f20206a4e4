import re

import pytest
from playwright.sync_api import expect

from tests.browser.test_readers_pages import first_line

pytestmark = pytest.mark.browser


def test_reader_filters_a_persons_quotes_by_date_then_follows_them_to_the_article_and_a_speaker(
    page, story, browser_problems
):
    page.goto("/")
    expect(page.get_by_role("heading", name="Latest articles")).to_be_visible()

    page.get_by_role("navigation", name="Main").get_by_role("link", name="People").click()
    expect(page).to_have_url(re.compile(r"/people/$"))
    page.get_by_role("main").get_by_role("link", name="Sam Rainsy", exact=True).click()
    expect(page).to_have_url(re.compile(r"/people/sam-rainsy/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Sam Rainsy")
    quotes = page.get_by_role("region", name=re.compile(r"quotes? by Sam Rainsy$"))
    expect(quotes.get_by_role("heading", level=2)).to_have_text("4 quotes by Sam Rainsy")

    date_filter = page.get_by_role("form", name="Filter quotes by date")
    date_filter.get_by_role("group", name="Said").get_by_label("on or after").fill("2018-03-01")
    date_filter.get_by_role("group", name="Said").get_by_label("on or before").fill("2018-03-31")
    date_filter.get_by_role("button", name="Filter").click()

    expect(page).to_have_url(re.compile(r"/people/sam-rainsy/\?date_after=2018-03-01&date_before=2018-03-31"))
    expect(quotes.get_by_role("heading", level=2)).to_have_text("3 quotes by Sam Rainsy")
    expect(quotes.get_by_role("listitem")).to_have_count(3)
    for quote in story.march_quotes:
        expect(quotes).to_contain_text(quote.text)
    expect(quotes).not_to_contain_text(story.january_quote.text)
    expect(quotes).to_contain_text("26 March 2018")
    expect(quotes).not_to_contain_text("9 January 2018")

    quotes.get_by_role("link", name=story.article.headline).first.click()
    expect(page).to_have_url(re.compile(r"/articles/2018/03/27/no-negotiation-with-traitors/#quote-\d+$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(story.article.headline)
    expect(page.get_by_text("Published 27 March 2018, 17:55")).to_be_visible()

    in_story = page.locator("q", has_text=story.hun_sen_quote.text)
    point = first_line(in_story)
    page.mouse.move(point["x"], point["y"])
    page.locator(".said-by").get_by_role("link", name="Hun Sen", exact=True).click()
    expect(page).to_have_url(re.compile(r"/people/hun-sen/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Samdech Hun Sen")
    expect(page.get_by_role("region", name="1 quote by Hun Sen")).to_contain_text(story.hun_sen_quote.text)

    assert browser_problems == []
