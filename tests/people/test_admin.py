import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from newsroom.images import rendition_name, rendition_url
from people.models import Affiliation, Alias, Organization, Person
from tests.factories import (
    AffiliationFactory,
    AliasFactory,
    OrganizationFactory,
    PersonFactory,
    QuoteFactory,
)
from tests.helpers import png

pytestmark = pytest.mark.django_db


def inline_rows(prefix, *rows, initial=0):
    data = {f"{prefix}-TOTAL_FORMS": str(len(rows)), f"{prefix}-INITIAL_FORMS": str(initial)}
    for index, row in enumerate(rows):
        data.update({f"{prefix}-{index}-{name}": value for name, value in row.items()})
    return data


def person_data(aliases=(), affiliations=(), **fields):
    return {
        "name": "Sam Rainsy",
        "slug": "sam-rainsy",
        "honorific": "",
        "description": "Former leader of the Cambodia National Rescue Party",
        "nationality": "Cambodian",
        "photo_alt": "",
        "biography": "",
        **inline_rows("aliases", *aliases),
        **inline_rows("affiliations", *affiliations),
        **fields,
    }


def organization_data(members=(), **fields):
    return {
        "name": "Cambodia National Rescue Party",
        "slug": "cnrp",
        "short_name": "CNRP",
        "kind": Organization.Kind.POLITICAL_PARTY,
        "country": "Cambodia",
        "description": "",
        "website": "",
        **inline_rows("affiliations", *members),
        **fields,
    }


def assert_every_filter_works(client, url):
    response = client.get(url)
    assert response.status_code == 200
    changelist = response.context["cl"]
    checked = 0
    for spec in changelist.filter_specs:
        for choice in spec.choices(changelist):
            filtered = client.get(url + choice["query_string"])
            assert filtered.status_code == 200, (spec.title, choice["query_string"])
            assert "e" not in filtered.wsgi_request.GET, (spec.title, choice["query_string"])
            checked += 1
    return checked


@pytest.fixture
def rainsy():
    cnrp = OrganizationFactory(name="Cambodia National Rescue Party", slug="cnrp", short_name="CNRP")
    person = PersonFactory(name="Sam Rainsy", slug="sam-rainsy", needs_review=True, nationality="Cambodian")
    AliasFactory(person=person, name="Rainsy")
    AffiliationFactory(
        person=person,
        organization=cnrp,
        role="Leader",
        start_date=dt.date(2012, 7, 17),
        end_date=dt.date(2017, 2, 11),
    )
    QuoteFactory(speaker=person)
    return person


# Every page an editor opens


@pytest.mark.parametrize("model", [Person, Organization, Alias, Affiliation])
def test_editor_opens_the_list_add_and_change_pages(editor_client, rainsy, model):
    obj = model.objects.first()
    info = f"admin:{model._meta.app_label}_{model._meta.model_name}"

    listing = editor_client.get(reverse(f"{info}_changelist"))
    assert listing.status_code == 200
    assert listing.context["cl"].result_count == model.objects.count() >= 1
    assert str(obj) in listing.content.decode()
    assert editor_client.get(reverse(f"{info}_add")).status_code == 200
    change = editor_client.get(reverse(f"{info}_change", args=[obj.pk]))
    assert change.status_code == 200
    assert change.context["original"] == obj


@pytest.mark.parametrize("model", [Person, Organization, Alias, Affiliation])
def test_every_filter_on_the_list_answers(editor_client, rainsy, model):
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    assert_every_filter_works(editor_client, url)


@pytest.mark.parametrize(
    ("model", "term"),
    [(Person, "rainsy"), (Organization, "CNRP"), (Alias, "Sam Rainsy"), (Affiliation, "leader")],
)
def test_search_finds_the_row(editor_client, rainsy, model, term):
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")

    found = editor_client.get(url, {"q": term})
    missed = editor_client.get(url, {"q": "Nobody by this name"})

    assert found.context["cl"].result_count == 1
    assert missed.context["cl"].result_count == 0


def test_people_can_be_filtered_by_organization(editor_client, rainsy):
    AffiliationFactory(person=PersonFactory(name="Hun Sen"), organization=OrganizationFactory(slug="cpp"))
    cnrp = Organization.objects.get(slug="cnrp")

    response = editor_client.get(
        reverse("admin:people_person_changelist"), {"affiliations__organization__id__exact": cnrp.pk}
    )

    assert list(response.context["cl"].result_list) == [rainsy]


def test_organization_page_opens_with_the_founding_date_hierarchy(editor_client):
    OrganizationFactory(founded_on=dt.date(2012, 10, 22))

    response = editor_client.get(reverse("admin:people_organization_changelist"), {"founded_on__year": 2012})

    assert response.context["cl"].result_count == 1


# People awaiting review


def test_people_list_shows_and_filters_who_needs_review(editor_client, rainsy):
    PersonFactory(name="Hun Sen", needs_review=False)
    url = reverse("admin:people_person_changelist")

    response = editor_client.get(url, {"needs_review__exact": "1"})

    assert list(response.context["cl"].result_list) == [rainsy]
    assert "needs_review" in response.context["cl"].list_display


def test_mark_as_reviewed_clears_the_flag_of_the_selected_people(editor_client, rainsy):
    other = PersonFactory(name="Kem Sokha", needs_review=True)

    response = editor_client.post(
        reverse("admin:people_person_changelist"),
        {"action": "mark_reviewed", "_selected_action": [rainsy.pk]},
        follow=True,
    )

    assert response.status_code == 200
    assert "Mark as reviewed" in dict(response.context["action_form"].fields["action"].choices).values()
    assert "Marked 1 person as reviewed." in response.content.decode()
    rainsy.refresh_from_db()
    other.refresh_from_db()
    assert (rainsy.needs_review, other.needs_review) == (False, True)


# Forms and their inlines


def test_editor_adds_a_person_with_aliases_and_roles(editor_client):
    cnrp = OrganizationFactory(slug="cnrp")

    response = editor_client.post(
        reverse("admin:people_person_add"),
        person_data(
            aliases=[{"name": "Rainsy"}],
            affiliations=[
                {"organization": cnrp.pk, "role": "Leader", "start_date": "17/07/2012", "end_date": ""}
            ],
        ),
    )

    assert response.status_code == 302, response.context and response.context["errors"]
    person = Person.objects.get(slug="sam-rainsy")
    assert [alias.name for alias in person.aliases.all()] == ["Rainsy"]
    role = person.affiliations.get()
    assert (role.organization, role.role, role.start_date) == (cnrp, "Leader", dt.date(2012, 7, 17))


def test_organization_form_lists_members_inline(editor_client, rainsy):
    cnrp = Organization.objects.get(slug="cnrp")

    response = editor_client.get(reverse("admin:people_organization_change", args=[cnrp.pk]))

    formsets = {inline.formset.prefix: inline.formset for inline in response.context["inline_admin_formsets"]}
    assert [form.instance.person for form in formsets["affiliations"].forms] == [rainsy]


def test_form_refuses_an_organization_dissolved_before_it_was_founded(editor_client):
    response = editor_client.post(
        reverse("admin:people_organization_add"),
        organization_data(founded_on="22/10/2012", dissolved_on="16/11/2011"),
    )

    assert response.status_code == 200
    assert "An organization cannot be dissolved before it was founded." in response.content.decode()
    assert not Organization.objects.exists()


def test_person_form_refuses_a_role_that_ends_before_it_starts(editor_client):
    cnrp = OrganizationFactory(slug="cnrp")

    response = editor_client.post(
        reverse("admin:people_person_add"),
        person_data(
            affiliations=[
                {
                    "organization": cnrp.pk,
                    "role": "Leader",
                    "start_date": "17/07/2012",
                    "end_date": "11/02/2011",
                }
            ]
        ),
    )

    assert response.status_code == 200
    assert "A role cannot end before it starts." in response.content.decode()
    assert not Person.objects.exists()


def test_organization_form_refuses_a_member_whose_role_ends_before_it_starts(editor_client, rainsy):
    response = editor_client.post(
        reverse("admin:people_organization_add"),
        organization_data(
            slug="cpp",
            name="Cambodian People's Party",
            members=[
                {"person": rainsy.pk, "role": "Member", "start_date": "01/01/2000", "end_date": "01/01/1999"}
            ],
        ),
    )

    assert response.status_code == 200
    assert "A role cannot end before it starts." in response.content.decode()
    assert not Organization.objects.filter(slug="cpp").exists()


def test_person_form_refuses_an_alias_of_another_person(editor_client, rainsy):
    response = editor_client.post(
        reverse("admin:people_person_add"),
        person_data(name="Kem Sokha", slug="kem-sokha", aliases=[{"name": "RAINSY"}]),
    )

    assert response.status_code == 200
    assert "“RAINSY” is already an alias of Sam Rainsy." in response.content.decode()
    assert not Person.objects.filter(slug="kem-sokha").exists()


def test_person_form_refuses_an_alias_that_is_another_persons_name(editor_client, rainsy):
    response = editor_client.post(
        reverse("admin:people_person_add"),
        person_data(name="Kem Sokha", slug="kem-sokha", aliases=[{"name": "sam rainsy"}]),
    )

    assert response.status_code == 200
    assert "“sam rainsy” is the name of another person, Sam Rainsy." in response.content.decode()
    assert not Person.objects.filter(slug="kem-sokha").exists()


def test_person_form_refuses_the_same_alias_twice_in_different_cases(editor_client):
    response = editor_client.post(
        reverse("admin:people_person_add"), person_data(aliases=[{"name": "Rainsy"}, {"name": "rainsy"}])
    )

    assert response.status_code == 200
    assert "“rainsy” is listed twice." in response.content.decode()
    assert not Alias.objects.exists()


def test_alias_admin_refuses_an_alias_of_another_person(editor_client, rainsy):
    other = PersonFactory(name="Kem Sokha")

    response = editor_client.post(reverse("admin:people_alias_add"), {"person": other.pk, "name": "rainsy"})

    assert response.status_code == 200
    assert "“rainsy” is already an alias of Sam Rainsy." in response.content.decode()
    assert not other.aliases.exists()


# Photos


def test_uploaded_photo_gets_renditions_and_a_thumbnail_in_the_list_and_form(editor_client, settings):
    response = editor_client.post(reverse("admin:people_person_add"), person_data(photo=png()))

    assert response.status_code == 302
    person = Person.objects.get(slug="sam-rainsy")
    for width in settings.IMAGE_RENDITION_WIDTHS.values():
        assert (settings.MEDIA_ROOT / rendition_name(person.photo.name, width)).is_file()
    thumb = rendition_url(person.photo, "thumb")
    assert f'src="{thumb}"' in editor_client.get(reverse("admin:people_person_changelist")).content.decode()
    change = editor_client.get(reverse("admin:people_person_change", args=[person.pk]))
    assert f'src="{thumb}"' in change.content.decode()


def test_photo_form_refuses_an_image_over_the_pixel_limit(editor_client, settings):
    settings.IMAGE_MAX_PIXELS = 1_000_000

    response = editor_client.post(
        reverse("admin:people_person_add"), person_data(photo=png(size=(1001, 1000)))
    )

    assert response.status_code == 200
    assert "This image is 1001 × 1000 pixels" in response.content.decode()
    assert not Person.objects.exists()


def test_editor_edits_a_person_whose_stored_photo_predates_a_lower_pixel_limit(editor_client, settings):
    person = PersonFactory(name="Sam Rainsy", slug="sam-rainsy", photo=png(size=(320, 200)))
    settings.IMAGE_MAX_PIXELS = 100

    response = editor_client.post(
        reverse("admin:people_person_change", args=[person.pk]), person_data(biography="Updated.")
    )

    assert response.status_code == 302
    person.refresh_from_db()
    assert person.biography == "Updated."


def test_editor_edits_a_person_whose_stored_photo_file_is_missing(editor_client, settings):
    person = PersonFactory(name="Sam Rainsy", slug="sam-rainsy", photo=png())
    (settings.MEDIA_ROOT / person.photo.name).unlink()

    response = editor_client.post(
        reverse("admin:people_person_change", args=[person.pk]), person_data(biography="Updated.")
    )

    assert response.status_code == 302


# Autocomplete and lists that stay cheap


@pytest.mark.parametrize(
    ("source", "term", "expected"),
    [
        ({"app_label": "people", "model_name": "alias", "field_name": "person"}, "Rainsy", "Sam Rainsy"),
        ({"app_label": "people", "model_name": "affiliation", "field_name": "person"}, "Sam", "Sam Rainsy"),
        ({"app_label": "people", "model_name": "affiliation", "field_name": "organization"}, "CNRP", None),
        ({"app_label": "people", "model_name": "organization", "field_name": "parent"}, "Rescue", None),
    ],
)
def test_autocomplete_answers_for_people_and_organizations(editor_client, rainsy, source, term, expected):
    response = editor_client.get(reverse("admin:autocomplete"), {**source, "term": term})

    assert response.status_code == 200
    assert [result["text"] for result in response.json()["results"]] == [
        expected or "Cambodia National Rescue Party"
    ]


def test_quote_count_counts_each_quote_once_when_the_search_matches_several_aliases(editor_client, rainsy):
    AliasFactory(person=rainsy, name="Rainsy Sam")
    QuoteFactory(speaker=rainsy)

    response = editor_client.get(reverse("admin:people_person_changelist"), {"q": "rainsy"})

    [person] = response.context["cl"].result_list
    assert person.quote_total == 2


@pytest.mark.parametrize("model", [Person, Organization, Alias, Affiliation])
def test_list_queries_do_not_grow_with_rows(editor_client, model):
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")

    def queries_with(rows):
        for _ in range(rows):
            affiliation = AffiliationFactory()
            AliasFactory(person=affiliation.person)
            QuoteFactory(speaker=affiliation.person)
        with CaptureQueriesContext(connection) as context:
            assert editor_client.get(url).status_code == 200
        return len(context)

    assert queries_with(2) == queries_with(8)
