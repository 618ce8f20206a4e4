"""Attribution shapes of wire copy and British, US and Asian papers, and what is not a person's quote."""

import datetime as dt

import pytest

WORDS = "The water is rising faster than anyone expected"
INTRO = "John Smith, the head of the flood agency, toured the dam."


def speakers(extraction):
    return [q.speaker for q in extraction.quotes]


@pytest.mark.parametrize(
    "paragraphs",
    [
        (INTRO, f"“{WORDS},” Smith, 45, said."),
        (INTRO, f"“{WORDS},” said Smith, who heads the agency."),
        (f"“{WORDS},” the agency's chief executive, John Smith, said in a statement.",),
        (f"“{WORDS}.” — John Smith",),
        (f"“{WORDS}.” — John Smith, head of the flood agency",),
        (f"In a statement, John Smith said: “{WORDS}.”",),
        (f"Asked whether the dam would hold, John Smith said: “{WORDS}.”",),
        (INTRO, f"“{WORDS},” he added."),
        (INTRO, f"“{WORDS},” he continued."),
        (INTRO, f"“{WORDS},” he wrote on Twitter."),
        (INTRO, f"“{WORDS},” he tweeted."),
        (f"“{WORDS},” John Smith told CNN.",),
        (f"According to John Smith, “{WORDS.lower()}.”",),
        (f"John Smith, speaking to reporters, said “{WORDS.lower()}.”",),
        ("“Is the water rising faster than anyone expected?” John Smith asked.",),
        (INTRO, f"“{WORDS},” Mr Smith said."),
        ("Prof John Smith toured the dam.", f"“{WORDS},” Prof Smith said."),
        ("Dr John Smith toured the dam.", f"“{WORDS},” Dr. Smith said."),
        (f"The agency quoted John Smith as saying the dam was “{WORDS.lower()}”.",),
        ("The dam was inspected by John Smith, who later said it was “older than anyone had admitted”.",),
        ("Among those watching was retired engineer John Smith, 68.", f"“{WORDS},” he said."),
    ],
)
def test_wire_attribution_shapes_name_the_speaker(read, paragraphs):
    assert speakers(read(*paragraphs)) == ["John Smith"]


def test_partial_quote_after_that_is_kept_when_it_has_three_words_or_more(read):
    extraction = read("John Smith said in a statement that the dam was “safe for now” but ageing.")

    assert [(q.speaker, q.text) for q in extraction.quotes] == [("John Smith", "safe for now")]


def test_told_a_programme_on_a_day_dates_the_quote_by_that_day(read):
    extraction = read(f"“{WORDS},” John Smith told the BBC's Today programme on Monday.")

    assert extraction.quotes[0].said_on == dt.date(2018, 3, 26)


def test_quote_split_across_sentences_continues_its_speaker(read):
    extraction = read(f"“{WORDS},” John Smith said. “We need sandbags by tonight.”")

    assert [(q.speaker, q.text) for q in extraction.quotes] == [
        ("John Smith", WORDS),
        ("John Smith", "We need sandbags by tonight."),
    ]


def test_british_single_marks_with_nested_doubles(read):
    extraction = read(
        "‘When they tell me the “system is coping”, I invite them to the river,’ John Smith said. "
        "‘We need help.’"
    )

    assert speakers(extraction) == ["John Smith", "John Smith"]
    assert extraction.quotes[0].text.startswith("When they tell me the “system is coping”")


def test_interview_question_and_answer_lines_are_not_quotes(read):
    extraction = read(
        "Q: Is the water rising?",
        f"A: {WORDS}.",
        "John Smith said: “We need sandbags by tonight.”",
    )

    assert [q.text for q in extraction.quotes] == ["We need sandbags by tonight."]


def test_quote_over_paragraphs_without_closing_marks_is_one_quote(read):
    extraction = read(f"John Smith said: “{WORDS}.", "“We need sandbags by tonight and pumps by Friday.”")

    assert len(extraction.quotes) == 1
    assert extraction.quotes[0].text == f"{WORDS}.\n\nWe need sandbags by tonight and pumps by Friday."


@pytest.mark.parametrize(
    "name",
    [
        "Jean-Claude Juncker",
        "Ursula von der Leyen",
        "Recep Tayyip Erdoğan",
        "Xi Jinping",
        "Nguyen Thi Kim Ngan",
        "Kim Jong Un",
        "Pat O'Brien",
        "Pat McDonald",
    ],
)
def test_names_of_many_shapes_are_read_whole(read, name):
    assert speakers(read(f"“{WORDS},” {name} said.")) == [name]


def test_surname_with_particles_resolves_to_the_full_name(read):
    extraction = read(
        "German Defence Minister Ursula von der Leyen visited Berlin.",
        f"Ms von der Leyen added: “{WORDS}.”",
    )

    assert speakers(extraction) == ["Ursula von der Leyen"]


def test_bare_surname_is_the_first_person_of_that_name(read):
    extraction = read(
        "Donald Trump arrived with First Lady Melania Trump.",
        f"“{WORDS},” Trump said.",
    )

    assert speakers(extraction) == ["Donald Trump"]


def test_senator_with_party_and_state_in_brackets(read):
    assert speakers(read(f"“{WORDS},” Sen. Elizabeth Warren (D-Mass.) said.")) == ["Elizabeth Warren"]


@pytest.mark.parametrize(
    ("intro", "later", "name"),
    [
        ("Security Bureau spokesman Lee Chi-kit spoke on Monday.", "the spokesman", "Lee Chi-kit"),
        ("Cllr Ian Hudspeth chairs the board.", "Mr Hudspeth", "Ian Hudspeth"),
        ("Nguyen Thi Kim Ngan opened the session.", "Madam Ngan", "Nguyen Thi Kim Ngan"),
        ("US Secretary of State Mike Pompeo spoke in Berlin.", "Pompeo", "Mike Pompeo"),
        ("Jane Smith chairs the board.", "Mrs Smith", "Jane Smith"),
    ],
)
def test_later_references_resolve_to_the_person_named_earlier(read, intro, later, name):
    assert speakers(read(intro, f"“{WORDS},” {later} said.")) == [name]


def test_a_nationality_after_a_former_is_not_a_person(read):
    extraction = read(
        f"According to Sinan Ulgen, a former Turkish diplomat, “{WORDS.lower()}”.",
        "“Neither side can afford a rupture,” he said.",
    )

    assert speakers(extraction) == ["Sinan Ulgen", "Sinan Ulgen"]


def test_a_spokesman_for_someone_is_not_that_someone(read):
    extraction = read(f"A spokesman for John Smith said: “{WORDS}.” “It is too early to say more,” he added.")

    assert [(q.kind, q.speaker, q.description) for q in extraction.quotes] == [
        ("unnamed", "a spokesman for John Smith", "a spokesman for John Smith")
    ] * 2
    assert extraction.new_speakers == ()


@pytest.mark.parametrize(
    "paragraph",
    [
        "John Smith said he had watched “The Godfather” twice.",
        "John Smith, nicknamed “The Hammer”, said nothing.",
        "The so-called “bathroom bill” was passed, John Smith said.",
        "John Smith said the plan was “absurd”.",
    ],
)
def test_titles_nicknames_terms_and_scare_quotes_are_not_quotes(read, paragraph):
    extraction = read(paragraph)

    assert extraction.quotes == ()
    assert extraction.unattributed == ()


@pytest.mark.parametrize(
    ("paragraph", "speaker"),
    [
        (f"“{WORDS},” police said.", "police"),
        (f"“{WORDS},” the ministry said in a statement.", "the ministry"),
        (f"Police said: “{WORDS}.”", "Police"),
        (f"The ministry said in a statement that “{WORDS.lower()}”.", "the ministry"),
        (f"“{WORDS},” one resident said.", "one resident"),
    ],
)
def test_groups_and_organizations_named_before_nobody_are_unnamed_sources(read, paragraph, speaker):
    extraction = read(paragraph)

    assert [(q.kind, q.speaker) for q in extraction.quotes] == [("unnamed", speaker)]
    assert extraction.new_speakers == ()
