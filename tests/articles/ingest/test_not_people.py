"""Phrases that must never become people (issue 12): places, chambers, companies, plurals, party
descriptions and title-case runs of headlines. Each is tried where a speaker's name stands."""

import pytest

WORDS = "The vote is not going to happen this week"

NOT_PEOPLE = [
    "Capitol Hill",
    "House Democratic",
    "House Democrats",
    "Senate Republicans",
    "Capitol Hill Republicans",
    "Super PACs",
    "California Democrat",
    "the Idaho Republican",
    "Justice Department",
    "the White House",
    "Time Warner Inc.",
    "Wisconsin Right to Life",
    "Americans for Fiscal Freedom",
    "House Oversight Committee",
    "Republican National Committee",
    "Iowans",
    "Texas Democrats",
    "GOP",
    "CEOs",
]


def people_in(extraction):
    return [q.speaker for q in extraction.quotes if q.kind == "person"] + list(extraction.new_speakers)


@pytest.mark.parametrize("phrase", NOT_PEOPLE)
@pytest.mark.parametrize(
    "shape",
    ["“{words},” {phrase} said.", "{phrase} said: “{words}.”", "“{words},” said {phrase}."],
    ids=["after", "before", "inverted"],
)
def test_a_phrase_that_is_no_person_never_becomes_one(read, phrase, shape):
    extraction = read(shape.format(words=WORDS, phrase=phrase))

    assert people_in(extraction) == []


@pytest.mark.parametrize("phrase", ["Hillary Clinton Said", "Diane Hartley Says", "Alan Pryce Tells"])
def test_a_speech_verb_in_title_case_ends_a_name(read, phrase):
    extraction = read(f"“{WORDS},” said {phrase}.")

    assert people_in(extraction) == [" ".join(phrase.split()[:2])] * 2


@pytest.mark.parametrize("phrase", ["Hillary Clinton Said", "Diane Hartley Says", "Alan Pryce Tells"])
def test_a_title_case_headline_lends_no_false_name_to_a_surname(read, phrase):
    surname = phrase.split()[1]
    extraction = read(
        f"{surname} spoke to reporters on Monday.",
        f"“{WORDS},” {surname} said.",
        headline=f"{phrase} She Will Not Back the Deal",
    )

    assert [q.speaker for q in extraction.quotes if q.kind == "person"] in (
        [],
        [" ".join(phrase.split()[:2])],
    )


def test_an_organization_the_article_introduces_is_not_a_person(read):
    extraction = read(
        "The largest donor, the media conglomerate Stratton Warner, gave $30 million.",
        f"“{WORDS},” Stratton Warner said in a statement.",
    )

    assert [(q.kind, q.speaker) for q in extraction.quotes] == [("organization", "Stratton Warner")]
    assert extraction.new_speakers == ()


def test_a_name_followed_by_which_is_an_organization(read):
    extraction = read(
        "Corvane, which makes insulin pens, said it was “reviewing the committee’s text” on Friday.",
        f"“{WORDS},” Corvane said.",
    )

    assert [(q.kind, q.speaker) for q in extraction.quotes] == [("organization", "Corvane")] * 2
