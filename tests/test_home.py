import datetime as dt
import re

import pytest
from django.template.loader import render_to_string
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from newsroom.templatetags.site import first_sentence
from tests.factories import (
    AffiliationFactory,
    ArticleFactory,
    DraftArticleFactory,
    OrganizationFactory,
    PersonFactory,
    QuoteFactory,
)
from tests.helpers import hk

pytestmark = pytest.mark.django_db


def test_home_lists_the_latest_published_articles_newest_first(client):
    ArticleFactory(headline="Story from yesterday", published_at=timezone.now() - dt.timedelta(days=1))
    ArticleFactory(headline="Story from this morning", published_at=timezone.now() - dt.timedelta(hours=3))

    response = client.get("/")

    assert response.text.index("Story from this morning") < response.text.index("Story from yesterday")
    assertContains(response, '<a href="/articles/">All articles</a>', html=True)


def test_home_shows_at_most_ten_articles(client):
    for hours in range(12):
        ArticleFactory(
            headline=f"Story {hours} hours old", published_at=timezone.now() - dt.timedelta(hours=hours + 1)
        )

    response = client.get("/")

    assertContains(response, "Story 9 hours old")
    assertNotContains(response, "Story 10 hours old")


def test_home_shows_the_latest_quotes_featured_first_and_none_stale(client):
    QuoteFactory(
        text="An old pull quote.", featured=True, article=ArticleFactory(published_at=hk(2018, 3, 27, 9))
    )
    for hour in range(5):
        QuoteFactory(
            text=f"Said today, number {hour}.", article=ArticleFactory(published_at=hk(2019, 6, 3, hour))
        )
    featured = QuoteFactory(
        text="Today's pull quote.", featured=True, article=ArticleFactory(published_at=hk(2019, 6, 2))
    )
    QuoteFactory(text="Featured in a draft.", featured=True, article=DraftArticleFactory())

    response = client.get("/")

    shown = [quote.text for quote in response.context["quotes"]]
    assert shown[0] == "Today's pull quote."
    assert shown[1:] == ["Said today, number 4.", "Said today, number 3.", "Said today, number 2."]
    assertContains(response, f'href="{featured.speaker.get_absolute_url()}"')
    assertContains(response, f'href="{featured.article.get_absolute_url()}"')
    assertNotContains(response, "An old pull quote.")
    assertNotContains(response, "Featured in a draft.")


def test_home_is_the_newsrooms_own_page_not_djangos(client):
    response = client.get("/")

    assertNotContains(response, "The install worked successfully")
    assertContains(response, "<title>Newsroom</title>", html=True)
    assertContains(response, '<link rel="stylesheet" href="/static/css/site.css">', html=True)
    for section in ("Articles", "Quotes", "People", "Organizations"):
        assertContains(response, f">{section}</a>")
    assertContains(response, "Nothing has been published yet.")


def test_unknown_address_gets_a_friendly_404_in_the_site_design(client):
    response = client.get("/no/such/page/")

    assert response.status_code == 404
    assertContains(response, "We couldn’t find that page", status_code=404)
    assertContains(response, '<nav class="site-nav" aria-label="Main">', status_code=404)
    assertContains(response, '<label for="not-found-q">Search articles</label>', status_code=404, html=True)


def test_500_page_renders_without_a_request_or_context():
    html = render_to_string("500.html")

    assert "Something went wrong on our side" in html
    assert 'href="/static/css/site.css"' in html
    assert '<main id="main"' in html


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/articles/",
        "/quotes/",
        "/people/",
        "/people/sam-rainsy/",
        "/organizations/",
        "/organizations/cnrp/",
    ],
)
def test_pages_need_no_inline_script_or_style_under_the_content_security_policy(client, url):
    speaker = PersonFactory(slug="sam-rainsy", name="Sam Rainsy")
    AffiliationFactory(person=speaker, organization=OrganizationFactory(slug="cnrp"))
    QuoteFactory(speaker=speaker, featured=True)

    response = client.get(url)

    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert " style=" not in response.text
    assert "<style" not in response.text
    for tag, code in re.findall(r"(<script[^>]*>)(.*?)</script>", response.text, re.DOTALL):
        # Data for search engines, or a script file of the site's own: never inline code.
        assert 'type="application/ld+json"' in tag or (re.search(r'src="/static/', tag) and not code.strip())


def test_home_leads_with_the_newest_article_and_its_image(client):
    from tests.helpers import png

    ArticleFactory(headline="The story of yesterday", published_at=timezone.now() - dt.timedelta(days=1))
    lead = ArticleFactory(
        headline="The morning story",
        published_at=timezone.now() - dt.timedelta(hours=2),
        lead_image=png(size=(1200, 800), name="lead.png"),
        lead_image_alt="Ferries at the pier",
    )

    response = client.get("/")

    story = re.search(r'<article class="lead-story[^"]*">.*?</article>', response.text, re.S).group(0)
    assert lead.headline in story
    assert 'alt="Ferries at the pier"' in story
    assert "The story of yesterday" not in story
    assertContains(response, "The story of yesterday")


def test_home_lists_say_a_first_sentence_where_there_is_no_standfirst_and_show_thumbnails(client):
    from tests.helpers import png

    ArticleFactory(
        headline="A story without a summary",
        standfirst="",
        body="U.S. officials met on Monday in Washington. They agreed on nothing.\n\nMore later.",
        lead_image=png(size=(800, 600), name="thumb.png"),
        published_at=timezone.now() - dt.timedelta(days=2),
    )
    ArticleFactory(headline="The lead", published_at=timezone.now() - dt.timedelta(hours=1))

    response = client.get("/")

    assertContains(
        response, '<p class="item__summary">U.S. officials met on Monday in Washington.</p>', html=True
    )
    assertNotContains(response, "They agreed on nothing.")
    assert re.search(r'<img class="item__image" src="[^"]+-\d+w\.jpg"', response.text)


@pytest.mark.parametrize(
    ("body", "sentence"),
    [
        ("Dr. Kem Sokha spoke on Monday. Then he left.", "Dr. Kem Sokha spoke on Monday."),
        (
            "MADISON, Wis. (AP) — Gov. Peter Lindgren traded accusations Friday. The ruling stands.",
            "MADISON, Wis. (AP) — Gov. Peter Lindgren traded accusations Friday.",
        ),
        ("“We will be back,” he said. Then he left.", "“We will be back,” he said."),
    ],
)
def test_a_first_sentence_ends_at_a_full_stop_not_after_a_title_or_a_dateline(body, sentence):
    assert first_sentence(body) == sentence


def test_home_quotes_show_the_speakers_role_on_the_day(client):
    speaker = PersonFactory(name="Sam Rainsy")
    party = OrganizationFactory(name="Cambodia National Rescue Party", short_name="CNRP")
    AffiliationFactory(person=speaker, organization=party, role="Leader", end_date=dt.date(2017, 2, 11))
    QuoteFactory(speaker=speaker, text="The sooner the better.", said_on=dt.date(2018, 3, 26))

    response = client.get("/")

    assertContains(response, '<span class="quote__role">, former leader, CNRP</span>', html=True)
