import datetime as dt
import xml.etree.ElementTree as ET

import pytest

from tests.factories import (
    ArticleFactory,
    BylineFactory,
    DraftArticleFactory,
    PersonFactory,
    QuoteFactory,
)
from tests.helpers import hk

pytestmark = pytest.mark.django_db

ATOM = {"atom": "http://www.w3.org/2005/Atom"}


def entries(response):
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)  # raises if the XML is not well formed
    return root.findall("atom:entry", ATOM)


def entry_titles(response):
    return [entry.find("atom:title", ATOM).text for entry in entries(response)]


def test_article_feed_lists_published_articles_newest_first(client):
    ArticleFactory(headline="Older", published_at=hk(2018, 3, 1, 9))
    ArticleFactory(headline="Newer", published_at=hk(2018, 3, 27, 17, 55))
    DraftArticleFactory(headline="Draft")

    assert entry_titles(client.get("/feeds/articles/")) == ["Newer", "Older"]


def test_article_feed_entries_link_to_the_article_with_its_bylines(client):
    article = ArticleFactory(headline="Hun Sen speaks", published_at=hk(2018, 3, 27, 17, 55))
    BylineFactory(article=article, author=PersonFactory(name="Prak Chan Thul"))

    (entry,) = entries(client.get("/feeds/articles/"))

    assert (
        entry.find("atom:link", ATOM).get("href")
        == "http://testserver/articles/2018/03/27/" + article.slug + "/"
    )
    assert entry.find("atom:author/atom:name", ATOM).text == "Prak Chan Thul"
    assert dt.datetime.fromisoformat(entry.find("atom:published", ATOM).text) == hk(2018, 3, 27, 17, 55)


def test_article_feed_summary_shows_markup_as_text(client):
    ArticleFactory(standfirst="Tags like <script>alert(1)</script> stay text & plain")

    (entry,) = entries(client.get("/feeds/articles/"))

    # The summary is HTML; once a reader decodes it, the tags are text again.
    assert (
        entry.find("atom:summary", ATOM).text
        == "Tags like &lt;script&gt;alert(1)&lt;/script&gt; stay text &amp; plain"
    )


def test_person_feed_has_their_quotes_and_articles_that_mention_them_newest_first(client):
    person = PersonFactory(slug="sam-rainsy", name="Sam Rainsy")
    old = ArticleFactory(headline="Old mention", published_at=hk(2018, 1, 5, 9))
    old.people.add(person)
    QuoteFactory(
        speaker=person,
        text="I continue to believe in dialogue.",
        article=ArticleFactory(headline="Rainsy speaks", published_at=hk(2018, 3, 27, 17, 55)),
        said_on=dt.date(2018, 3, 26),
    )
    ArticleFactory(headline="Not about him")

    titles = entry_titles(client.get("/people/sam-rainsy/feed/"))

    assert titles == ["Sam Rainsy: “I continue to believe in dialogue.”", "Rainsy speaks", "Old mention"]


def test_person_feed_quote_entry_says_when_and_where_it_was_said(client):
    quote = QuoteFactory(context="on his Facebook page", said_on=dt.date(2018, 3, 26))

    feed = entries(client.get(f"/people/{quote.speaker.slug}/feed/"))

    (entry,) = [e for e in feed if e.find("atom:link", ATOM).get("href").endswith(f"#quote-{quote.pk}")]
    summary = entry.find("atom:summary", ATOM).text
    assert quote.text in summary
    assert "Said on 26 March 2018, on his Facebook page." in summary


def test_person_feed_for_someone_not_in_any_published_article_is_a_404(client):
    QuoteFactory(speaker=PersonFactory(slug="only-in-drafts"), article=DraftArticleFactory())

    assert client.get("/people/only-in-drafts/feed/").status_code == 404
    assert client.get("/people/nobody-at-all/feed/").status_code == 404
