import datetime as dt

import pytest
from django.core import serializers
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import IntegrityError, transaction

from articles.models import public_organizations, public_people
from newsroom.images import rendition_name
from people.models import Affiliation, Alias, Organization, Person
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
from tests.helpers import png

pytestmark = pytest.mark.django_db

TODAY = dt.date(2018, 3, 27)


# Database rules


def test_database_refuses_an_organization_dissolved_before_it_was_founded():
    with pytest.raises(IntegrityError), transaction.atomic():
        OrganizationFactory(founded_on=dt.date(2012, 10, 22), dissolved_on=dt.date(2012, 10, 21))


def test_database_accepts_an_organization_dissolved_the_day_it_was_founded():
    OrganizationFactory(founded_on=dt.date(2012, 10, 22), dissolved_on=dt.date(2012, 10, 22))


def test_database_refuses_an_organization_that_is_its_own_parent():
    organization = OrganizationFactory()
    organization.parent = organization
    with pytest.raises(IntegrityError), transaction.atomic():
        organization.save()


def test_database_refuses_an_affiliation_that_ends_before_it_starts():
    with pytest.raises(IntegrityError), transaction.atomic():
        AffiliationFactory(start_date=dt.date(2013, 1, 1), end_date=dt.date(2012, 12, 31))


def test_database_accepts_an_affiliation_with_an_unknown_start():
    AffiliationFactory(start_date=None, end_date=dt.date(2012, 12, 31))


def test_database_refuses_the_same_role_twice():
    affiliation = AffiliationFactory(role="Leader")
    with pytest.raises(IntegrityError), transaction.atomic():
        AffiliationFactory(person=affiliation.person, organization=affiliation.organization, role="Leader")


def test_database_refuses_an_alias_that_differs_only_in_case():
    AliasFactory(name="Samdech Hun Sen")
    with pytest.raises(IntegrityError), transaction.atomic():
        AliasFactory(name="SAMDECH hun sen")


@pytest.mark.parametrize("factory", [PersonFactory, OrganizationFactory])
def test_database_refuses_a_duplicate_slug(factory):
    factory(slug="hun-sen")
    with pytest.raises(IntegrityError), transaction.atomic():
        factory._meta.model.objects.create(name="Another", slug="hun-sen")


# Validation an editor sees (the admin calls full_clean)


def test_clean_explains_a_dissolution_before_founding():
    organization = OrganizationFactory.build(
        founded_on=dt.date(2012, 10, 22), dissolved_on=dt.date(2012, 1, 1)
    )
    with pytest.raises(ValidationError) as error:
        organization.full_clean()
    assert error.value.message_dict["dissolved_on"] == [
        "An organization cannot be dissolved before it was founded."
    ]


def test_clean_explains_an_affiliation_ending_before_it_starts():
    affiliation = AffiliationFactory.build(
        person=PersonFactory(),
        organization=OrganizationFactory(),
        start_date=TODAY,
        end_date=dt.date(2018, 1, 1),
    )
    with pytest.raises(ValidationError) as error:
        affiliation.full_clean()
    assert error.value.message_dict["end_date"] == ["A role cannot end before it starts."]


def test_clean_refuses_an_alias_used_by_another_person():
    AliasFactory(name="Rainsy", person=PersonFactory(name="Sam Rainsy"))
    alias = Alias(person=PersonFactory(name="Kem Sokha"), name="rainsy")
    with pytest.raises(ValidationError) as error:
        alias.full_clean()
    assert error.value.message_dict["name"] == ["“rainsy” is already an alias of Sam Rainsy."]


def test_clean_refuses_an_alias_that_is_another_persons_name():
    PersonFactory(name="Hun Sen")
    alias = Alias(person=PersonFactory(name="Hun Manet"), name="hun sen")
    with pytest.raises(ValidationError) as error:
        alias.full_clean()
    assert error.value.message_dict["name"] == ["“hun sen” is the name of another person, Hun Sen."]


def test_clean_accepts_an_alias_that_is_the_persons_own_name_in_another_case():
    person = PersonFactory(name="Hun Sen")
    Alias(person=person, name="HUN SEN").full_clean()


# Natural keys


def test_natural_keys_load_the_same_rows_again_without_duplicates(tmp_path):
    cnrp = OrganizationFactory(name="Cambodia National Rescue Party", slug="cnrp")
    youth = OrganizationFactory(name="CNRP youth wing", slug="cnrp-youth", parent=cnrp)
    rainsy = PersonFactory(name="Sam Rainsy", slug="sam-rainsy")
    AliasFactory(person=rainsy, name="Rainsy")
    AffiliationFactory(person=rainsy, organization=cnrp, role="Leader", end_date=dt.date(2017, 2, 11))
    AffiliationFactory(person=rainsy, organization=youth, role="Patron")
    path = tmp_path / "people.json"
    objects = [
        *Organization.objects.all(),
        *Person.objects.all(),
        *Alias.objects.all(),
        *Affiliation.objects.all(),
    ]
    path.write_text(
        serializers.serialize("json", objects, use_natural_foreign_keys=True, use_natural_primary_keys=True)
    )
    before = {
        model: sorted(model.objects.values_list("pk", flat=True))
        for model in (Organization, Person, Alias, Affiliation)
    }

    call_command("loaddata", path, verbosity=0)
    call_command("loaddata", path, verbosity=0)

    after = {
        model: sorted(model.objects.values_list("pk", flat=True))
        for model in (Organization, Person, Alias, Affiliation)
    }
    assert after == before
    assert Organization.objects.get_by_natural_key("cnrp-youth").parent == cnrp
    assert Alias.objects.get_by_natural_key("RAINSY").person == rainsy
    leader = Affiliation.objects.get_by_natural_key("sam-rainsy", "cnrp", "Leader")
    assert (leader.person, leader.organization, leader.end_date) == (rainsy, cnrp, dt.date(2017, 2, 11))


def test_natural_keys_recreate_the_rows_in_an_empty_database(tmp_path):
    cnrp = OrganizationFactory(name="Cambodia National Rescue Party", slug="cnrp")
    OrganizationFactory(name="CNRP youth wing", slug="cnrp-youth", parent=cnrp)
    rainsy = PersonFactory(name="Sam Rainsy", slug="sam-rainsy")
    AliasFactory(person=rainsy, name="Rainsy")
    AffiliationFactory(person=rainsy, organization=cnrp, role="Leader")
    path = tmp_path / "people.json"
    # The youth wing comes before its parent party, so loading must resolve a reference further down the file.
    objects = [
        *Organization.objects.order_by("-slug"),
        rainsy,
        *Alias.objects.all(),
        *Affiliation.objects.all(),
    ]
    path.write_text(
        serializers.serialize("json", objects, use_natural_foreign_keys=True, use_natural_primary_keys=True)
    )
    Affiliation.objects.all().delete()
    Alias.objects.all().delete()
    Person.objects.all().delete()
    Organization.objects.all().delete()

    call_command("loaddata", path, verbosity=0)
    call_command("loaddata", path, verbosity=0)

    assert Person.objects.count() == 1
    assert Organization.objects.count() == 2
    assert Organization.objects.get(slug="cnrp-youth").parent.slug == "cnrp"
    assert Alias.objects.get().person.slug == "sam-rainsy"
    assert Affiliation.objects.get().organization.slug == "cnrp"


# What readers may see


def test_people_appearing_in_published_articles_are_those_mentioned_quoted_or_writing_in_public_articles():
    mentioned, quoted, author = PersonFactory(), PersonFactory(), PersonFactory()
    article = ArticleFactory()
    article.people.add(mentioned)
    QuoteFactory(article=article, speaker=quoted)
    BylineFactory(article=article, author=author)

    assert set(public_people()) == {mentioned, quoted, author}


@pytest.mark.parametrize(
    "article_factory",
    [
        DraftArticleFactory,
        lambda: ArticleFactory(published_at=dt.datetime.now(dt.UTC) + dt.timedelta(hours=1)),
    ],
    ids=["draft", "scheduled"],
)
def test_people_appearing_in_published_articles_leaves_out_those_only_in_hidden_articles(article_factory):
    article = article_factory()
    article.people.add(PersonFactory())
    QuoteFactory(article=article)
    BylineFactory(article=article)

    assert list(public_people()) == []


def test_people_appearing_in_published_articles_lists_each_person_once():
    person = PersonFactory()
    for _ in range(2):
        QuoteFactory(speaker=person, article=ArticleFactory())

    assert list(public_people()) == [person]


def test_public_organizations_are_those_a_published_article_names_never_a_role_alone():
    mentioned, members_quoted, unseen = OrganizationFactory(), OrganizationFactory(), OrganizationFactory()
    article = ArticleFactory()
    article.organizations.add(mentioned)
    speaker = AffiliationFactory(organization=members_quoted).person
    QuoteFactory(article=article, speaker=speaker)
    draft = DraftArticleFactory()
    draft.organizations.add(unseen)

    assert set(public_organizations()) == {mentioned}


# Photos


def test_saving_a_person_with_an_uploaded_photo_writes_its_renditions(settings):
    person = PersonFactory(photo=png())

    for width in settings.IMAGE_RENDITION_WIDTHS.values():
        assert (settings.MEDIA_ROOT / rendition_name(person.photo.name, width)).is_file()


def test_saving_a_person_again_leaves_the_renditions_alone(settings):
    person = PersonFactory(photo=png())
    thumb = settings.MEDIA_ROOT / rendition_name(person.photo.name, settings.IMAGE_RENDITION_WIDTHS["thumb"])
    thumb.unlink()

    person.description = "Former leader of the opposition"
    person.save()

    assert not thumb.exists()
