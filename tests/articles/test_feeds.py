import datetime as dt
import xml.etree.ElementTree as ET

import pytest
from pytest_django.asserts import assertContains

from tests.factories import (
    AffiliationFactory,
    ArticleFactory,
    BylineFactory,
    DraftArticleFactory,
    OrganizationFactory,
    PersonFactory,
    QuoteFactory,
)
from tests.helpers import hk

pytestmark = pytest.mark.django_db

ATOM = {"atom": "http://www.w3.org/2005/Atom"}


def entries(response):
    # XML a browser shows through the feed's stylesheet; an Atom feed by its root element.
    assert response["Content-Type"] == "application/xml; charset=utf-8"
    root = ET.fromstring(response.content)  # raises if the XML is not well formed
    assert root.tag == "{http://www.w3.org/2005/Atom}feed"
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


def test_organization_feed_has_its_members_quotes_and_articles_that_name_it_newest_first(client):
    party = OrganizationFactory(slug="cnrp", name="Cambodia National Rescue Party", short_name="CNRP")
    leader = PersonFactory(name="Sam Rainsy")
    AffiliationFactory(person=leader, organization=party, role="Leader")
    ArticleFactory(headline="The party is dissolved", published_at=hk(2017, 11, 16, 9)).organizations.add(
        party
    )
    QuoteFactory(
        speaker=leader,
        text="We will be back.",
        article=ArticleFactory(headline="Rainsy speaks", published_at=hk(2018, 3, 27, 17, 55)),
    )
    QuoteFactory(text="Words of someone else.")
    DraftArticleFactory(headline="A draft about the party").organizations.add(party)

    response = client.get("/organizations/cnrp/feed/")

    assert entry_titles(response) == ["Sam Rainsy: “We will be back.”", "The party is dissolved"]
    root = ET.fromstring(response.content)
    assert (
        root.find("atom:title", ATOM).text
        == "Cambodia National Rescue Party (CNRP): quotes and articles, Newsroom"
    )
    assert (
        root.find("atom:link[@rel='self']", ATOM).get("href") == "http://testserver/organizations/cnrp/feed/"
    )


def test_organization_feed_for_one_in_no_published_article_is_a_404(client):
    OrganizationFactory(slug="quiet-club").articles.add(DraftArticleFactory())

    assert client.get("/organizations/quiet-club/feed/").status_code == 404
    assert client.get("/organizations/no-such-thing/feed/").status_code == 404


def test_organization_page_links_its_feed_for_feed_readers_and_readers(client):
    party = OrganizationFactory(slug="cnrp", name="Cambodia National Rescue Party")
    ArticleFactory().organizations.add(party)

    response = client.get("/organizations/cnrp/")

    assertContains(
        response,
        '<link rel="alternate" type="application/atom+xml" title="Cambodia National Rescue Party: quotes and '
        'articles" href="/organizations/cnrp/feed/">',
        html=True,
    )
    assertContains(response, '<a href="/organizations/cnrp/feed/">Follow Cambodia National Rescue Party')


@pytest.mark.parametrize(
    "url", ["/feeds/articles/", "/people/sam-rainsy/feed/", "/organizations/cnrp/feed/", "/sitemap.xml",
            "/sitemap-articles.xml"],
)  # fmt: skip
def test_feeds_and_sitemap_name_the_stylesheet_a_browser_shows_them_with(client, url):
    person = PersonFactory(slug="sam-rainsy")
    party = OrganizationFactory(slug="cnrp")
    AffiliationFactory(person=person, organization=party)
    QuoteFactory(speaker=person).article.organizations.add(party)

    response = client.get(url)

    assert response.status_code == 200
    head = response.content.decode()[:300]
    assert '<?xml-stylesheet href="/feeds/readable.xsl"' in head or (
        '<?xml-stylesheet type="text/xsl" href="/feeds/readable.xsl"?>' in head
    )
    ET.fromstring(response.content)  # still well-formed XML for feed readers and search engines


def test_the_stylesheet_is_xslt_that_draws_a_page_of_the_site_without_inline_style_or_script(client):
    response = client.get("/feeds/readable.xsl")

    assert response["Content-Type"] == "text/xsl; charset=utf-8"
    root = ET.fromstring(response.content)
    assert root.tag == "{http://www.w3.org/1999/XSL/Transform}stylesheet"
    text = response.content.decode()
    assert 'href="/static/css/site.css"' in text
    assert "style=" not in text
    assert "<style" not in text
    assert "<script" not in text
