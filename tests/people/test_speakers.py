"""Who said it: the role a speaker held on the day, chosen from the roles a page read with them."""

import datetime as dt

import pytest

from people.templatetags.speakers import ends_mid_sentence, opens_mid_sentence, role_on
from tests.factories import AffiliationFactory, OrganizationFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def sam_rainsy():
    person = PersonFactory(name="Sam Rainsy")
    cnrp = OrganizationFactory(name="Cambodia National Rescue Party", short_name="CNRP")
    srp = OrganizationFactory(name="Sam Rainsy Party")
    AffiliationFactory(person=person, organization=srp, role="Leader", start_date=dt.date(1995, 11, 9),
                       end_date=dt.date(2012, 7, 17))  # fmt: skip
    AffiliationFactory(person=person, organization=cnrp, role="Acting President",
                       start_date=dt.date(2012, 7, 17), end_date=dt.date(2017, 2, 11))  # fmt: skip
    AffiliationFactory(person=person, organization=cnrp, role="Board Member", start_date=dt.date(2014, 1, 1))
    return person


@pytest.mark.parametrize(
    ("day", "role"),
    [
        (dt.date(1990, 1, 1), None),
        (dt.date(2000, 1, 1), "Leader, Sam Rainsy Party"),
        (dt.date(2013, 1, 1), "Acting President, CNRP"),
        # Of two roles held on the day, the one begun last.
        (dt.date(2015, 1, 1), "Board Member, CNRP"),
        (dt.date(2018, 3, 26), "Board Member, CNRP"),
    ],
)
def test_the_role_held_on_the_day_is_the_one_begun_last(sam_rainsy, day, role):
    found = role_on(sam_rainsy, day)

    assert (found.describe() if found else None) == role


def test_after_every_role_ended_the_last_left_is_a_former_one():
    person = PersonFactory()
    party = OrganizationFactory(name="Cambodia National Rescue Party", short_name="CNRP")
    AffiliationFactory(person=person, organization=party, role="Leader", end_date=dt.date(2017, 2, 11))
    AffiliationFactory(person=person, organization=party, role="Prime Minister Candidate",
                       end_date=dt.date(2013, 7, 28))  # fmt: skip

    role = role_on(person, dt.date(2018, 3, 26))

    assert role.describe() == "Former leader, CNRP"
    assert role.describe(short=False, after_name=True) == "former leader, Cambodia National Rescue Party"


def test_a_role_with_no_dates_is_held_whenever_words_were_said():
    person = PersonFactory()
    AffiliationFactory(person=person, organization=OrganizationFactory(name="Government"), role="CEO")

    assert role_on(person, dt.date(1999, 1, 1)).describe() == "CEO, Government"
    assert role_on(PersonFactory(), dt.date(1999, 1, 1)) is None


@pytest.mark.parametrize(
    ("text", "opens", "ends"),
    [
        ("There will be no negotiation.", False, False),
        ("and there is hope", True, True),
        ("[I]t's still not full marriage rights.", False, False),
        ("“Why?” he asked", False, True),
        ("deeply troubling.”", True, False),
    ],
)
def test_fragments_are_told_by_how_they_begin_and_end(text, opens, ends):
    assert (opens_mid_sentence(text), ends_mid_sentence(text)) == (opens, ends)
