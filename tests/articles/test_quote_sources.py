"""Quotes by a person, by an organization itself, and by an unnamed source, as readers meet them:
in the story, the quote lists, an organization's page and its feed."""

import datetime as dt
import xml.etree.ElementTree as ET

import pytest
from pytest_django.asserts import assertContains, assertNotContains

from articles.models import Quote
from tests.factories import (
    AffiliationFactory,
    ArticleFactory,
    OrganizationFactory,
    PersonFactory,
    QuoteFactory,
)
from tests.helpers import hk

pytestmark = pytest.mark.django_db

ATOM = {"atom": "http://www.w3.org/2005/Atom"}
BODY = (
    "The ministry defended the ferry contract on Monday.\n\n"
    "“The tender was open to every bidder,” the ministry said in a statement.\n\n"
    "“Nobody was told the terms in advance,” a spokeswoman for the ministry said.\n\n"
    "“We will appeal,” Sam Rainsy said.\n\n"
    "“It was all decided in a back room,” one analyst said."
)


@pytest.fixture
def sources():
    ministry = OrganizationFactory(slug="ministry-of-transport", name="Ministry of Transport")
    cnrp = OrganizationFactory(slug="cnrp", name="Cambodia National Rescue Party", short_name="CNRP")
    rainsy = PersonFactory(slug="sam-rainsy", name="Sam Rainsy")
    AffiliationFactory(person=rainsy, organization=cnrp, role="Leader")
    article = ArticleFactory(
        slug="ferry-contract", headline="Ferry contract defended", body=BODY, published_at=hk(2018, 4, 2, 9)
    )
    article.organizations.add(cnrp)
    said = {"article": article, "said_on": dt.date(2018, 4, 2)}
    return {
        "article": article,
        "ministry": ministry,
        "cnrp": cnrp,
        "by_ministry": QuoteFactory(
            **said,
            position=0,
            speaker=None,
            source_kind=Quote.Source.ORGANIZATION,
            organization=ministry,
            text="The tender was open to every bidder,",
        ),
        "by_spokeswoman": QuoteFactory(
            **said,
            position=1,
            speaker=None,
            source_kind=Quote.Source.UNNAMED,
            organization=ministry,
            source_description="a spokeswoman for the ministry",
            text="Nobody was told the terms in advance,",
        ),
        "by_rainsy": QuoteFactory(**said, position=2, speaker=rainsy, text="We will appeal,"),
        "by_analyst": QuoteFactory(
            **said,
            position=3,
            speaker=None,
            source_kind=Quote.Source.UNNAMED,
            source_description="one analyst",
            text="It was all decided in a back room,",
        ),
    }


def test_the_quote_list_credits_each_kind_of_source(client, sources):
    response = client.get("/quotes/")

    assertContains(
        response,
        '<a class="quote__speaker" href="/organizations/ministry-of-transport/">Ministry of Transport</a>',
    )
    assertContains(
        response,
        '<span class="quote__speaker">A spokeswoman for the ministry</span><span class="quote__role">, '
        '<a class="quote__organization" href="/organizations/ministry-of-transport/">'
        "Ministry of Transport</a></span>",
    )
    assertContains(response, '<span class="quote__speaker">One analyst</span>,')
    assertContains(response, '<a class="quote__speaker" href="/people/sam-rainsy/">Sam Rainsy</a>')


def test_the_story_credits_each_kind_of_source_where_its_words_are(client, sources):
    response = client.get(sources["article"].get_absolute_url())

    for key in ("by_ministry", "by_spokeswoman", "by_analyst", "by_rainsy"):
        assertContains(response, f'id="quote-{sources[key].pk}"', count=1)
    # Inside a sentence the description reads as printed.
    assertContains(response, '<span class="quote__speaker">one analyst</span>')
    assertContains(response, '<span class="quote__speaker">a spokeswoman for the ministry</span>')
    # Every organization quoted, or spoken for, is among those in the story.
    assertContains(
        response,
        '<a class="cast__name" href="/organizations/ministry-of-transport/">Ministry of Transport</a>',
    )


def test_an_organization_awaiting_review_is_credited_by_name_without_a_link(client, sources):
    sources["ministry"].needs_review = True
    sources["ministry"].save()

    for url in ("/quotes/", sources["article"].get_absolute_url()):
        response = client.get(url)
        assertContains(response, "Ministry of Transport")
        assertNotContains(response, 'href="/organizations/ministry-of-transport/"')
    assert client.get("/organizations/ministry-of-transport/").status_code == 404


def test_an_organizations_page_shows_its_own_quotes_beside_its_members(client, sources):
    ministry = client.get("/organizations/ministry-of-transport/")
    cnrp = client.get("/organizations/cnrp/")

    assert [quote.text for quote in ministry.context["quotes"]] == [
        "The tender was open to every bidder,",
        "Nobody was told the terms in advance,",
    ]
    assert [quote.text for quote in cnrp.context["quotes"]] == ["We will appeal,"]


def test_the_organization_filter_takes_its_own_quotes_and_its_members(client, sources):
    AffiliationFactory(person=sources["by_rainsy"].speaker, organization=sources["ministry"], role="Adviser")

    response = client.get("/quotes/?organization=ministry-of-transport")

    assert sorted(quote.text for quote in response.context["page_obj"]) == [
        "Nobody was told the terms in advance,",
        "The tender was open to every bidder,",
        "We will appeal,",
    ]


def test_the_organization_feed_has_its_own_quotes_and_members_quotes(client, sources):
    response = client.get("/organizations/ministry-of-transport/feed/")

    root = ET.fromstring(response.content)
    entries = {
        entry.find("atom:title", ATOM).text: entry.findtext("atom:author/atom:name", None, ATOM)
        for entry in root.findall("atom:entry", ATOM)
    }
    assert entries["Ministry of Transport: “The tender was open to every bidder,”"] == "Ministry of Transport"
    assert (
        entries["A spokeswoman for the ministry: “Nobody was told the terms in advance,”"]
        == "A spokeswoman for the ministry"
    )
    assert "Sam Rainsy: “We will appeal,”" not in entries
