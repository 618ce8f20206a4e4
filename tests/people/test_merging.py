"""Two records for one person (or organization) become one: every link moves, nothing is lost."""

import pytest
from django.urls import reverse

from articles.models import Article, Quote, public_people
from people.merging import former_person, merge_organizations, merge_people
from people.models import Alias, Organization, Person
from tests.factories import (
    AffiliationFactory,
    AliasFactory,
    ArticleFactory,
    BylineFactory,
    OrganizationFactory,
    PersonFactory,
    QuoteFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_records():
    kept = PersonFactory(name="Pope Francis", slug="pope-francis")
    other = PersonFactory(name="Francis", slug="francis", needs_review=True)
    AliasFactory(person=other, name="Jorge Mario Bergoglio")
    shared = ArticleFactory()
    shared.people.add(kept, other)
    QuoteFactory(speaker=other, article=shared, text="Who am I to judge?")
    QuoteFactory(speaker=other, text="The church is a field hospital.")
    BylineFactory(author=other, article=shared)
    vatican = OrganizationFactory(name="Holy See")
    AffiliationFactory(person=kept, organization=vatican, role="Pope")
    AffiliationFactory(person=other, organization=vatican, role="Pope")
    AffiliationFactory(person=other, organization=OrganizationFactory(name="Society of Jesus"), role="Member")
    return kept, other


def test_merging_moves_quotes_mentions_bylines_roles_and_aliases_to_the_one_kept(two_records):
    kept, other = two_records

    assert merge_people(kept, [other]) == 1

    assert not Person.objects.filter(pk=other.pk).exists()
    assert set(Quote.objects.values_list("speaker__slug", flat=True)) == {"pope-francis"}
    assert Article.objects.filter(people=kept).count() == 2  # the shared article once, the other's
    assert kept.bylines.count() == 1
    assert sorted(kept.affiliations.values_list("role", flat=True)) == ["Member", "Pope"]
    assert set(kept.aliases.values_list("name", flat=True)) == {"Francis", "Jorge Mario Bergoglio"}
    kept.refresh_from_db()
    assert not kept.needs_review


def test_a_merged_address_leads_to_the_one_kept(two_records):
    kept, other = two_records
    merge_people(kept, [other])

    assert former_person("francis") == kept


def test_merged_organizations_keep_their_members_and_articles(two_records):
    party = OrganizationFactory(name="Cambodia National Rescue Party", slug="cnrp")
    copy = OrganizationFactory(name="CNRP", slug="cnrp-2", short_name="CNRP", needs_review=True)
    ArticleFactory().organizations.add(copy)
    AffiliationFactory(organization=copy, role="Leader")

    merge_organizations(party, [copy])

    assert not Organization.objects.filter(pk=copy.pk).exists()
    assert party.articles.count() == 1 and party.affiliations.count() == 1
    party.refresh_from_db()
    assert party.short_name == "CNRP"


def test_an_editor_merges_people_from_the_list_choosing_the_one_kept(editor_client, two_records):
    kept, other = two_records
    url = reverse("admin:people_person_changelist")
    selected = {"action": "merge_selected", "_selected_action": [kept.pk, other.pk]}

    choice = editor_client.post(url, selected)
    assert choice.status_code == 200 and "Which record is the one to keep?" in choice.text

    done = editor_client.post(url, {**selected, "kept": kept.pk, "post": "yes"})
    assert done.status_code == 302
    assert list(Person.objects.filter(slug__in=["francis", "pope-francis"])) == [kept]


def test_reporters_are_not_offered_the_merge(reporter_client, two_records):
    response = reporter_client.get(reverse("admin:people_person_changelist"))

    assert "merge_selected" not in response.text


def test_people_an_import_created_have_no_public_page_until_reviewed(client, editor_client):
    newcomer = PersonFactory(name="Mary", slug="mary", needs_review=True)
    quote = QuoteFactory(speaker=newcomer, text="He was a kind man.")

    assert newcomer not in public_people()
    assert client.get("/people/mary/").status_code == 404
    assert client.get("/people/mary/feed/").status_code == 404
    assert "He was a kind man." in client.get(quote.article.get_absolute_url()).text

    editor_client.post(
        reverse("admin:people_person_changelist"),
        {"action": "mark_reviewed", "_selected_action": [newcomer.pk]},
    )
    assert client.get("/people/mary/").status_code == 200


def test_merging_leaves_alias_names_unique(two_records):
    kept, other = two_records
    Alias.objects.create(person=kept, name="Bergoglio")

    merge_people(kept, [other])

    names = list(Alias.objects.values_list("name", flat=True))
    assert len(names) == len({name.casefold() for name in names})
    assert "Bergoglio" in names and "Francis" in names
