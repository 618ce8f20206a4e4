"""Drafts, scheduled articles and their quotes appear on no public surface."""

import datetime as dt

import pytest
from django.utils import timezone
from pytest_django.asserts import assertContains

from articles.models import Quote
from tests.factories import (
    AffiliationFactory,
    ArticleFactory,
    DraftArticleFactory,
    OrganizationFactory,
    PersonFactory,
    QuoteFactory,
)

pytestmark = pytest.mark.django_db

SECRETS = [
    "Zebradraft headline",
    "zebradraft-slug",
    "Zebradraft quoted words",
    "Zebrascheduled headline",
    "zebrascheduled-slug",
    "Zebrascheduled quoted words",
    "Ghost Zebraperson",
    "ghost-zebraperson",
    "Zebraministry",
    "zebraministry",
    "a zebra spokesman",
]


def by(organization, description=""):
    """A quote's source that is not a person: the organization itself, or a described source."""
    kind = Quote.Source.UNNAMED if description else Quote.Source.ORGANIZATION
    return {
        "speaker": None,
        "source_kind": kind,
        "organization": organization,
        "source_description": description,
    }


@pytest.fixture
def newsroom():
    """A person with one published quote, plus a draft and a scheduled article quoting them."""
    now = timezone.now()
    rainsy = PersonFactory(slug="sam-rainsy", name="Sam Rainsy")
    cnrp = OrganizationFactory(slug="cnrp", name="Cambodia National Rescue Party")
    AffiliationFactory(person=rainsy, organization=cnrp, role="Leader")
    ghost = PersonFactory(slug="ghost-zebraperson", name="Ghost Zebraperson")

    published = ArticleFactory(headline="The published story", published_at=now - dt.timedelta(hours=1))
    published.people.add(rainsy)
    published.organizations.add(cnrp)
    QuoteFactory(article=published, speaker=rainsy, text="Words that were published.")
    QuoteFactory(article=published, **by(cnrp), text="Words the party published.")
    ministry = OrganizationFactory(slug="zebraministry", name="Zebraministry")

    draft = DraftArticleFactory(headline="Zebradraft headline", slug="zebradraft-slug", published_at=now)
    scheduled = ArticleFactory(
        headline="Zebrascheduled headline",
        slug="zebrascheduled-slug",
        published_at=now + dt.timedelta(hours=1),
    )
    for article, words in [(draft, "Zebradraft quoted words"), (scheduled, "Zebrascheduled quoted words")]:
        article.people.add(rainsy, ghost)
        article.organizations.add(cnrp)
        QuoteFactory(article=article, speaker=rainsy, text=words, featured=True)
        QuoteFactory(article=article, speaker=ghost, text=f"{words} by a ghost")
        # Quotes by an organization itself and by unnamed sources, one speaking for an organization
        # named only in unpublished articles.
        QuoteFactory(article=article, **by(cnrp), text=f"{words} by the party")
        QuoteFactory(article=article, **by(ministry, "a zebra spokesman"), text=f"{words} by a spokesman")
        QuoteFactory(article=article, **by(None, "a zebra spokesman"), text=f"{words} by someone")
    return {"published": published, "draft": draft, "scheduled": scheduled}


PUBLIC_URLS = [
    "/",
    "/articles/",
    "/articles/?person=sam-rainsy",
    "/articles/?organization=cnrp",
    "/articles/?q=zebradraft",
    "/articles/?q=zebrascheduled",
    "/articles/{year}/",
    "/articles/{year}/{month:02d}/",
    "/quotes/",
    "/quotes/?person=sam-rainsy",
    "/quotes/?organization=cnrp",
    "/quotes/?q=zebradraft",
    "/quotes/?q=zebrascheduled",
    "/people/",
    "/people/?q=zebraperson",
    "/people/sam-rainsy/",
    "/people/sam-rainsy/feed/",
    "/organizations/",
    "/organizations/cnrp/",
    "/organizations/cnrp/feed/",
    "/feeds/articles/",
    "/sitemap.xml",
    "/sitemap-articles.xml",
    "/sitemap-people.xml",
    "/sitemap-organizations.xml",
    "/suggest/people/?q=ghost",
    "/suggest/people/?q=zebraperson",
    "/suggest/organizations/?q=zebraministry",
]


@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_public_page_shows_no_draft_or_scheduled_article(client, newsroom, url):
    day = timezone.localtime(newsroom["published"].published_at)

    response = client.get(url.format(year=day.year, month=day.month))

    assert response.status_code == 200
    text = response.content.decode().lower()
    assert [secret for secret in SECRETS if secret.lower() in text] == []


def test_the_published_story_is_on_those_pages_so_the_check_means_something(client, newsroom):
    assertContains(client.get("/articles/?person=sam-rainsy"), "The published story")
    assertContains(client.get("/quotes/?person=sam-rainsy"), "Words that were published.")
    assertContains(client.get("/people/sam-rainsy/feed/"), "Words that were published.")
    assertContains(client.get("/organizations/cnrp/feed/"), "Words that were published.")
    assertContains(client.get("/organizations/cnrp/feed/"), "The published story")
    for url in ("/organizations/cnrp/", "/organizations/cnrp/feed/", "/quotes/?organization=cnrp"):
        assertContains(client.get(url), "Words the party published.")


@pytest.mark.parametrize("which", ["draft", "scheduled"])
def test_unpublished_articles_own_addresses_are_404_for_readers(client, newsroom, which):
    response = client.get(newsroom[which].get_absolute_url())

    assert response.status_code == 404
    assert "zebra" not in response.content.decode().lower()


def test_people_who_appear_only_in_unpublished_articles_have_no_page_or_feed(client, newsroom):
    assert client.get("/people/ghost-zebraperson/").status_code == 404
    assert client.get("/people/ghost-zebraperson/feed/").status_code == 404


def test_organizations_quoted_only_in_unpublished_articles_have_no_page_or_feed(client, newsroom):
    assert client.get("/organizations/zebraministry/").status_code == 404
    assert client.get("/organizations/zebraministry/feed/").status_code == 404
    assertContains(
        client.get("/quotes/?organization=zebraministry"),
        "No organization with that name appears in published articles.",
    )


def test_unpublished_people_are_not_filter_choices(client, newsroom):
    response = client.get("/quotes/?person=ghost-zebraperson")

    assertContains(response, "No person with that name appears in published articles.")


def test_counts_leave_out_unpublished_quotes_and_articles(client, newsroom):
    assertContains(client.get("/people/"), '<p class="names__count">1 quote</p>', html=True)
    organizations = client.get("/organizations/")
    assertContains(organizations, "1 article")
    person = client.get("/people/sam-rainsy/")
    assertContains(person, "1 quote by Sam Rainsy")
    assertContains(person, "Sam Rainsy was quoted once, in")


def test_related_articles_leave_out_unpublished_ones(client, newsroom):
    other = ArticleFactory(headline="Another published story")
    other.people.add(newsroom["published"].people.get())

    response = client.get(newsroom["published"].get_absolute_url())

    assert [article.headline for article in response.context["related"]] == ["Another published story"]
    assert "zebra" not in response.content.decode().lower()
