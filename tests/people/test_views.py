import datetime as dt
import io
import json
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from pytest_django.asserts import assertContains, assertNotContains

from people.models import FormerSlug, Organization
from tests.factories import (
    AffiliationFactory,
    AliasFactory,
    ArticleFactory,
    BylineFactory,
    DraftArticleFactory,
    OrganizationFactory,
    PersonFactory,
    QuoteFactory,
)
from tests.helpers import hk

pytestmark = pytest.mark.django_db


def listed(response):
    return [str(item) for item in response.context["page_obj"]]


# People list


def test_people_list_is_alphabetical_and_only_has_people_in_published_articles(client):
    for name in ["Sam Rainsy", "Hun Sen", "Kem Sokha"]:
        QuoteFactory(speaker=PersonFactory(name=name))
    QuoteFactory(speaker=PersonFactory(name="Only In A Draft"), article=DraftArticleFactory())
    PersonFactory(name="Never Mentioned")

    assert listed(client.get("/people/")) == ["Hun Sen", "Kem Sokha", "Sam Rainsy"]


def test_people_list_counts_published_quotes_only(client):
    speaker = PersonFactory(name="Sam Rainsy")
    QuoteFactory.create_batch(3, speaker=speaker)
    QuoteFactory(speaker=speaker, article=DraftArticleFactory())
    QuoteFactory(speaker=speaker, article=ArticleFactory(published_at=hk(2099, 1, 1, 9)))

    response = client.get("/people/")

    assertContains(response, '<p class="names__count">3 quotes</p>', html=True)


def test_people_list_includes_people_only_mentioned_or_writing(client):
    article = ArticleFactory()
    article.people.add(PersonFactory(name="Mentioned Person"))
    BylineFactory(article=article, author=PersonFactory(name="Staff Writer"))

    response = client.get("/people/")

    assert listed(response) == ["Mentioned Person", "Staff Writer"]
    assertContains(response, '<p class="names__count">0 quotes</p>', html=True)


def test_people_search_matches_names_and_aliases(client):
    hun_sen = PersonFactory(name="Hun Sen")
    AliasFactory(person=hun_sen, name="Samdech Techo")
    QuoteFactory(speaker=hun_sen)
    QuoteFactory(speaker=PersonFactory(name="Sam Rainsy"))

    assert listed(client.get("/people/?q=techo")) == ["Hun Sen"]
    assert listed(client.get("/people/?q=sam")) == ["Hun Sen", "Sam Rainsy"]
    assert listed(client.get("/people/?q=rainsy")) == ["Sam Rainsy"]


def test_people_list_is_paginated(client):
    article = ArticleFactory()
    article.people.set(PersonFactory.create_batch(55))

    assert len(listed(client.get("/people/"))) == 50
    assert len(listed(client.get("/people/?page=2"))) == 5


# Person page


@pytest.fixture
def sam_rainsy():
    person = PersonFactory(
        slug="sam-rainsy",
        name="Sam Rainsy",
        description="Former leader of the Cambodia National Rescue Party",
        biography="Lives in exile.\n\nStill influential.",
    )
    AliasFactory(person=person, name="Rainsy")
    cnrp = OrganizationFactory(slug="cnrp", name="Cambodia National Rescue Party", short_name="CNRP")
    AffiliationFactory(
        person=person,
        organization=cnrp,
        role="President",
        start_date=dt.date(2012, 7, 17),
        end_date=dt.date(2017, 2, 11),
    )
    article = ArticleFactory(headline="No negotiation with traitors", published_at=hk(2018, 3, 27, 17, 55))
    article.organizations.add(cnrp)
    for text in ["First words.", "Second words.", "Third words."]:
        QuoteFactory(
            speaker=person, article=article, text=text, said_on=dt.date(2018, 3, 26), context="on Facebook"
        )
    QuoteFactory(
        speaker=person,
        article=ArticleFactory(headline="An older interview", published_at=hk(2017, 11, 20, 9)),
        text="Older words.",
        said_on=dt.date(2017, 11, 16),
    )
    return person


def test_person_page_shows_who_they_are(client, sam_rainsy):
    response = client.get("/people/sam-rainsy/")

    assertContains(response, "<h1>Sam Rainsy</h1>", html=True)
    assertContains(response, "Former leader of the Cambodia National Rescue Party")
    assertContains(response, "<p>Still influential.</p>", html=True)
    assertContains(response, "Also written as “Rainsy”.")


def test_person_page_lists_roles_over_time_with_organization_links(client, sam_rainsy):
    response = client.get("/people/sam-rainsy/")

    assertContains(
        response, '<a href="/organizations/cnrp/">Cambodia National Rescue Party (CNRP)</a>', html=True
    )
    assertContains(response, "<td>President</td>", html=True)
    assertContains(response, '<time datetime="2012-07-17">17 July 2012</time>', html=True)
    assertContains(response, '<time datetime="2017-02-11">11 February 2017</time>', html=True)


def test_person_page_does_not_link_organizations_without_a_public_page(client):
    # Mentioned but never quoted, so their club is not named or quoted in any published article.
    person = PersonFactory(slug="mentioned-only")
    ArticleFactory().people.add(person)
    AffiliationFactory(person=person, organization=OrganizationFactory(slug="quiet-club", name="Quiet Club"))

    response = client.get("/people/mentioned-only/")

    assertContains(response, "Quiet Club")
    assertNotContains(response, 'href="/organizations/quiet-club/"')


def test_person_page_lists_their_quotes_newest_said_first(client, sam_rainsy):
    response = client.get("/people/sam-rainsy/")

    texts = [quote.text for quote in response.context["page_obj"]]
    assert texts[-1] == "Older words."
    assert len(texts) == 4
    assertContains(response, "4 quotes by Sam Rainsy")


def test_person_page_quotes_filter_by_date_said(client, sam_rainsy):
    response = client.get("/people/sam-rainsy/?date_before=2017-12-31")

    assert [quote.text for quote in response.context["page_obj"]] == ["Older words."]
    assertContains(response, "<legend>Said</legend>", html=True)
    assertContains(
        response, '<input type="date" name="date_before" value="2017-12-31" id="id_date_1">', html=True
    )


def test_person_page_quotes_are_paginated(client, sam_rainsy):
    QuoteFactory.create_batch(20, speaker=sam_rainsy, said_on=dt.date(2016, 1, 1))

    response = client.get("/people/sam-rainsy/?page=2")

    assert len(response.context["page_obj"]) == 4
    assertContains(response, 'href="?page=1#quotes"')


def test_person_page_lists_articles_that_mention_them(client, sam_rainsy):
    mention = ArticleFactory(headline="A story about the opposition")
    mention.people.add(sam_rainsy)
    ArticleFactory(headline="A story about the weather")

    response = client.get("/people/sam-rainsy/")

    assertContains(response, "A story about the opposition")
    assertContains(response, "No negotiation with traitors")
    assertNotContains(response, "A story about the weather")
    assertContains(response, 'href="/articles/?person=sam-rainsy"')


def test_person_page_draws_an_accessible_chart_of_quotes_per_month(client, sam_rainsy):
    response = client.get("/people/sam-rainsy/")

    svg = re.search(r"<svg .*?</svg>", response.text, re.S).group(0)
    assert 'role="img"' in svg
    assert '<title id="chart-title">Quotes by Sam Rainsy per month</title>' in svg
    assert "style=" not in svg
    # A bar for each month with quotes (November 2017, March 2018); every month from the first to
    # the last is labelled, with its year under the first and under January.
    assert svg.count('<rect class="chart__bar"') == 2
    labels = re.findall(r'<text class="chart__label"[^>]*>([^<]*)</text>', svg)
    assert labels == ["Nov", "2017", "Dec", "Jan", "2018", "Feb", "Mar"]
    table = re.search(r'<table class="chart__table">.*?</table>', response.text, re.S).group(0)
    assert re.findall(r'<th scope="row">([^<]*)</th><td><span class="chart__count">(\d+)</span>', table) == [
        ("November 2017", "1"),
        ("December 2017", "0"),
        ("January 2018", "0"),
        ("February 2018", "0"),
        ("March 2018", "3"),
    ]


def test_person_page_charts_a_long_career_by_quarter(client, sam_rainsy):
    QuoteFactory(speaker=sam_rainsy, said_on=dt.date(2015, 2, 1))

    response = client.get("/people/sam-rainsy/")

    svg = re.search(r"<svg .*?</svg>", response.text, re.S).group(0)
    assert '<title id="chart-title">Quotes by Sam Rainsy per quarter</title>' in svg
    labels = re.findall(r'<text class="chart__label"[^>]*>([^<]*)</text>', svg)
    assert labels[:3] == ["Q1", "2015", "Q2"]
    assert labels.count("Q1") == 4  # 2015 to 2018
    assertContains(response, '<th scope="row">January–March 2018</th>', html=False)


def test_person_quoted_fewer_than_three_times_gets_a_sentence_not_a_chart_or_a_filter(client):
    person = PersonFactory(slug="rarely-quoted", name="Rarely Quoted")
    QuoteFactory(speaker=person, said_on=dt.date(2018, 3, 26))
    QuoteFactory(speaker=person, said_on=dt.date(2018, 5, 2))

    response = client.get("/people/rarely-quoted/")

    assertContains(response, "Rarely Quoted was quoted twice, in March 2018 and May 2018.")
    assertNotContains(response, "<svg")
    assertNotContains(response, 'aria-label="Filter quotes by date"')
    # A filter already in the address stays, so it can be changed or cleared.
    filtered = client.get("/people/rarely-quoted/?date_after=2018-04-01")
    assertContains(filtered, 'aria-label="Filter quotes by date"')


def test_person_page_says_who_they_are_from_their_latest_role_without_a_description(client, sam_rainsy):
    sam_rainsy.description = ""
    sam_rainsy.save()

    response = client.get("/people/sam-rainsy/")

    assertContains(
        response,
        '<p class="profile__description">Former president, Cambodia National Rescue Party</p>',
        html=True,
    )


def test_person_page_quotes_show_the_role_held_on_the_day_said(client, sam_rainsy):
    response = client.get("/people/sam-rainsy/")

    # The quotes of 2017 and 2018 were said after his presidency ended in February 2017.
    assertContains(response, '<span class="quote__role">, former president, CNRP</span>', count=4, html=True)


def test_person_page_has_person_json_ld_and_a_feed_link(client, sam_rainsy):
    response = client.get("/people/sam-rainsy/")

    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', response.text, re.S)
    data = json.loads(match.group(1))
    assert data["@type"] == "Person"
    assert data["name"] == "Sam Rainsy"
    assert data["url"] == "http://testserver/people/sam-rainsy/"
    assert data["alternateName"] == ["Rainsy"]
    assertContains(response, 'href="/people/sam-rainsy/feed/"')
    assertContains(response, '<link rel="canonical" href="http://testserver/people/sam-rainsy/">', html=True)


def test_person_page_shows_their_photo_with_alt_text(client):
    buffer = io.BytesIO()
    Image.new("RGB", (600, 800), "grey").save(buffer, "PNG")
    person = PersonFactory(
        slug="hun-sen",
        photo=SimpleUploadedFile("hun-sen.png", buffer.getvalue(), content_type="image/png"),
        photo_alt="Hun Sen smiling",
    )
    QuoteFactory(speaker=person)

    response = client.get("/people/hun-sen/")

    assertContains(response, 'alt="Hun Sen smiling"')
    # Renditions are named by the random name the upload was given, never the uploader's.
    assert re.search(r'srcset="[^"]*-480w\.jpg 480w', response.text)


def test_person_in_no_published_article_is_a_404(client):
    QuoteFactory(speaker=PersonFactory(slug="draft-only"), article=DraftArticleFactory())
    PersonFactory(slug="never-mentioned")

    assert client.get("/people/draft-only/").status_code == 404
    assert client.get("/people/never-mentioned/").status_code == 404


# Organizations


@pytest.fixture
def cnrp():
    party = OrganizationFactory(
        slug="cnrp",
        name="Cambodia National Rescue Party",
        short_name="CNRP",
        kind=Organization.Kind.POLITICAL_PARTY,
        country="Cambodia",
        founded_on=dt.date(2012, 7, 17),
        dissolved_on=dt.date(2017, 11, 16),
        website="https://cnrp.example.org/",
        description="The main opposition party.",
        parent=OrganizationFactory(slug="opposition-alliance", name="Opposition Alliance"),
    )
    leader = PersonFactory(slug="sam-rainsy", name="Sam Rainsy")
    AffiliationFactory(person=leader, organization=party, role="President", start_date=dt.date(2012, 7, 17))
    AffiliationFactory(person=PersonFactory(name="Unknown Member"), organization=party, role="Member")
    article = ArticleFactory(headline="The party is dissolved")
    article.organizations.add(party)
    QuoteFactory(speaker=leader, text="We will be back.")
    return party


def test_organization_list_shows_organizations_in_published_articles_with_counts(client, cnrp):
    OrganizationFactory(name="Only In A Draft").articles.add(DraftArticleFactory())

    response = client.get("/organizations/")

    assert listed(response) == ["Cambodia National Rescue Party"]
    assertContains(response, "1 article")


def test_counts_beside_a_list_stop_where_counting_further_would_cost_the_whole_archive(client, monkeypatch):
    monkeypatch.setattr("newsroom.querysets.COUNT_CAP", 2)
    busy, quiet = PersonFactory(name="A busy speaker"), PersonFactory(name="A quiet speaker")
    QuoteFactory.create_batch(3, speaker=busy)
    QuoteFactory.create_batch(2, speaker=quiet)

    response = client.get("/people/")

    assertContains(response, "2+ quotes")
    assertContains(response, "2 quotes")


def test_organization_list_search_matches_short_names(client, cnrp):
    OrganizationFactory(name="Cambodian People's Party", short_name="CPP").articles.add(ArticleFactory())

    assert listed(client.get("/organizations/?q=cnrp")) == ["Cambodia National Rescue Party"]


def test_organization_page_shows_its_details(client, cnrp):
    response = client.get("/organizations/cnrp/")

    assertContains(response, "<h1>Cambodia National Rescue Party (CNRP)</h1>", html=True)
    assertContains(response, "<dd>Political party</dd>", html=True)
    assertContains(response, "<dd>Cambodia</dd>", html=True)
    assertContains(response, '<time datetime="2012-07-17">17 July 2012</time>', html=True)
    assertContains(response, '<time datetime="2017-11-16">16 November 2017</time>', html=True)
    assertContains(response, "Opposition Alliance")
    assertNotContains(response, 'href="/organizations/opposition-alliance/"')
    assertContains(response, 'href="https://cnrp.example.org/"')
    assertContains(response, "The main opposition party.")


def test_organization_page_links_a_public_parent(client, cnrp):
    cnrp.parent.articles.add(ArticleFactory())

    assertContains(client.get("/organizations/cnrp/"), 'href="/organizations/opposition-alliance/"')


def test_organization_page_lists_members_roles_articles_and_member_quotes(client, cnrp):
    response = client.get("/organizations/cnrp/")

    assertContains(response, '<a href="/people/sam-rainsy/">Sam Rainsy</a>', html=True)
    assertContains(response, "<td>President</td>", html=True)
    assertContains(response, "The party is dissolved")
    assertContains(response, "We will be back.")
    # A member who appears in no published article has no public page, so is not listed.
    assertNotContains(response, "Unknown Member")


def test_organization_in_no_published_article_is_a_404(client):
    OrganizationFactory(slug="quiet-club")

    assert client.get("/organizations/quiet-club/").status_code == 404


# Addresses of records merged into others


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("/people/rainsy-sam/", "/people/sam-rainsy/"),
        ("/people/rainsy-sam/?date_after=2018-01-01", "/people/sam-rainsy/?date_after=2018-01-01"),
        ("/people/rainsy-sam/feed/", "/people/sam-rainsy/feed/"),
        ("/organizations/rescue-party/", "/organizations/cnrp/"),
        ("/organizations/rescue-party/feed/", "/organizations/cnrp/feed/"),
    ],
)
def test_an_old_address_redirects_permanently_to_the_record_kept(client, cnrp, old, new):
    FormerSlug.objects.create(slug="rainsy-sam", person=cnrp.affiliations.get(role="President").person)
    FormerSlug.objects.create(slug="rescue-party", organization=cnrp)

    response = client.get(old)

    assert response.status_code == 301
    assert response["Location"] == new


def test_an_old_address_of_someone_without_a_public_page_is_a_404(client):
    hidden = PersonFactory(slug="new-name", needs_review=True)
    QuoteFactory(speaker=hidden)
    FormerSlug.objects.create(slug="old-name", person=hidden)

    assert client.get("/people/old-name/").status_code == 404
    assert client.get("/people/old-name/feed/").status_code == 404


# Suggestions for the filters' name fields


def suggested(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return [(row["value"], row["label"]) for row in response.json()["suggestions"]]


def test_person_suggestions_complete_a_name_from_its_first_letters_and_submit_the_slug(client):
    for name, slug in [
        ("Sam Rainsy", "sam-rainsy"),
        ("Samdech Techo", "samdech-techo"),
        ("Hun Sen", "hun-sen"),
    ]:
        QuoteFactory(speaker=PersonFactory(name=name, slug=slug))
    QuoteFactory(speaker=PersonFactory(name="Samantha Draftonly"), article=DraftArticleFactory())

    assert suggested(client, "/suggest/people/?q=Rain") == [("sam-rainsy", "Sam Rainsy")]
    assert sorted(suggested(client, "/suggest/people/?q=sam")) == [
        ("sam-rainsy", "Sam Rainsy"),
        ("samdech-techo", "Samdech Techo"),
    ]


def test_organization_suggestions_name_organizations_in_published_articles(client):
    article = ArticleFactory()
    article.organizations.add(OrganizationFactory(name="Cambodia National Rescue Party", slug="cnrp"))
    DraftArticleFactory().organizations.add(OrganizationFactory(name="Cambodian Draft League"))

    assert suggested(client, "/suggest/organizations/?q=camb") == [("cnrp", "Cambodia National Rescue Party")]


@pytest.mark.parametrize("typed", ["", "s", "  s ", "!!", "«»—"])
def test_suggestions_wait_for_two_letters_of_a_word(client, typed):
    QuoteFactory(speaker=PersonFactory(name="Sam Rainsy"))

    assert suggested(client, f"/suggest/people/?q={typed}") == []
