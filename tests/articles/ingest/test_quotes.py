import contextlib
import datetime as dt
import signal

import pytest

from articles.ingest import Entity

HUN_SEN = Entity("hun-sen", "Hun Sen", ("Samdech Hun Sen",))
SAM_RAINSY = Entity("sam-rainsy", "Sam Rainsy", ("Rainsy",))
SONOURA = Entity("kentaro-sonoura", "Kentaro Sonoura")
KONO = Entity("taro-kono", "Taro Kono")
TRUMP = Entity("donald-trump", "Donald Trump")
KNOWN = (HUN_SEN, SAM_RAINSY, SONOURA, KONO, TRUMP)


def said(extraction):
    """(speaker, first words) of each quote."""
    return [(q.speaker, " ".join(q.text.split()[:4])) for q in extraction.quotes]


@pytest.mark.parametrize(
    "paragraph",
    [
        "Jane Doe said: “The water is rising faster than anyone expected.”",
        "“The water is rising faster than anyone expected,” Jane Doe said.",
        "“The water is rising faster than anyone expected,” said Jane Doe.",
        "Jane Doe told reporters “The water is rising faster than anyone expected.”",
        "Jane Doe posted on her Facebook page, “The water is rising faster than anyone expected.”",
        "According to Jane Doe, “The water is rising faster than anyone expected.”",
        "Jane Doe, who lives by the river, said “The water is rising faster than anyone expected.”",
        "Jane Doe said that “The water is rising faster than anyone expected.”",
        'Jane Doe\'s statement read "The water is rising faster than anyone expected."',
        'Jane Doe toured the levee on foot, saying "The water is rising faster than anyone expected."',
        'Jane Doe, the county\'s flood officer, said "The water is rising faster than anyone expected."',
        'The county\'s flood officer, Jane Doe, said "The water is rising faster than anyone expected."',
        '"The water is rising faster than anyone expected," according to Jane Doe.',
        'Jane Doe described the levee as "about to fail under the weight of the water."',
    ],
)
def test_each_attribution_pattern_names_the_speaker(read, paragraph):
    extraction = read(paragraph)

    assert [q.speaker for q in extraction.quotes] == ["Jane Doe"]
    assert extraction.quotes[0].speaker_key is None
    assert extraction.quotes[0].text[0] not in "“\"'‘"


@pytest.mark.parametrize(
    "verb",
    [
        "says",
        "added",
        "explained",
        "stated",
        "wrote",
        "asked",
        "noted",
        "warned",
        "insisted",
        "declared",
        "announced",
        "tweeted",
        "remarked",
        "recalled",
        "argued",
        "claimed",
    ],
)
def test_speech_verbs_attribute_quotes(read, verb):
    extraction = read(f"“The water is rising faster than anyone expected,” Jane Doe {verb}.")

    assert said(extraction) == [("Jane Doe", "The water is rising")]


def test_told_someone_attributes_to_the_teller_not_the_listener(read):
    extraction = read("“We have sandbags for three more days,” John Roe told Jane Doe on Monday.")

    assert said(extraction) == [("John Roe", "We have sandbags for")]
    assert extraction.quotes[0].context == "to Jane Doe"


@pytest.mark.parametrize(
    ("subject", "speaker"),
    [
        ("Japanese Foreign Minister Taro Kono", "Taro Kono"),
        ("Prime Minister Hun Sen", "Hun Sen"),
        ("Samdech Hun Sen", "Hun Sen"),
        ("Deputy Emergency Situations Minister Alexander Chupriyan", "Alexander Chupriyan"),
        ("President Donald Trump", "Donald Trump"),
        ("Mr Robert Smith", "Robert Smith"),
        ("Dr. Amina Yusuf", "Amina Yusuf"),
        ("Sen. Ted Cruz", "Ted Cruz"),
        ("Rep. Ilhan Omar", "Ilhan Omar"),
        ("Florida Department of Transportation official Troy Roberts", "Troy Roberts"),
        ("Professor Carl Lipo of Binghamton University", "Carl Lipo"),
        ("US Ambassador to Germany Richard Grenell", "Richard Grenell"),
        ("Judge Durham Hall QC", "Durham Hall"),
        ("Arnel dela Vega of the army's Western Mindanao Command", "Arnel dela Vega"),
    ],
)
def test_titles_and_roles_before_a_name_are_not_part_of_the_speaker(read, subject, speaker):
    extraction = read(f"{subject} said: “The water is rising faster than anyone expected.”", people=KNOWN)

    assert [q.speaker for q in extraction.quotes] == [speaker]


def test_known_people_are_matched_with_their_key(read):
    extraction = read(
        "Japanese Foreign Minister Taro Kono said: “We will send engineers next week.”", people=KNOWN
    )

    assert extraction.quotes[0].speaker_key == "taro-kono"
    assert extraction.new_speakers == ()


def test_known_person_matches_through_a_curly_possessive(read):
    extraction = read("Hun Sen’s statement read: “There will be no negotiation with traitors.”", people=KNOWN)

    assert [(q.speaker, q.speaker_key) for q in extraction.quotes] == [("Hun Sen", "hun-sen")]


def test_a_sentence_that_names_one_person_and_calls_them_she_says_who_she_is(read):
    extraction = read(
        "Mayor John Hale met Governor Ann Price on Monday. Hale wants money; Price says she has none.",
        "“We need more money,” Hale said.",
        "“You will get none,” Price said.",
        "“Then we will sue,” he said.",
        "“Go ahead,” she said.",
    )

    assert [q.speaker for q in extraction.quotes] == ["John Hale", "Ann Price", "John Hale", "Ann Price"]


def test_a_pronoun_after_an_object_says_nothing_of_the_one_named(read):
    # "her" is the one Hale pressed, not Hale: he is still "he".
    extraction = read(
        "Marcus Hale interviewed Ann Price on Sunday.",
        "“We need more money,” Price said.",
        "Hale pressed her on her record. “You voted against it,” he said.",
    )

    assert [q.speaker for q in extraction.quotes] == ["Ann Price", "Marcus Hale"]


def test_he_said_is_the_last_person_who_spoke(read):
    extraction = read(
        "On Monday, Sam Rainsy posted on his Facebook page, “I continue to believe in dialogue.”",
        "“I urge Hun Sen not to take everything personally,” he said.",
        people=KNOWN,
    )

    assert [q.speaker for q in extraction.quotes] == ["Sam Rainsy", "Sam Rainsy"]


def test_names_inside_quoted_words_never_become_speakers_or_pronoun_targets(read):
    extraction = read(
        "Jane Doe said: “Hun Sen told me that John Roe would come, and Kentaro Sonoura said so too.”",
        "“I do not believe any of them,” she said.",
        people=KNOWN,
    )

    assert [q.speaker for q in extraction.quotes] == ["Jane Doe", "Jane Doe"]
    assert extraction.new_speakers == ("Jane Doe",)


def test_pronoun_follows_the_most_recent_person_in_view(read):
    extraction = read(
        "Jane Doe said: “The water is rising faster than anyone expected.”",
        "Mayor John Roe disagreed with her on every point. “The levee will hold for a week,” he said.",
    )

    assert [q.speaker for q in extraction.quotes] == ["Jane Doe", "John Roe"]


def test_a_pronoun_after_an_unnamed_speaker_is_that_source(read):
    extraction = read(
        "Jane Doe said: “The water is rising faster than anyone expected.”",
        "One of the residents told the court: “Nobody warned us about the dam.”",
        "She also said “We lost everything in one night.”",
    )

    assert [(q.kind, q.speaker) for q in extraction.quotes] == [
        ("person", "Jane Doe"),
        ("unnamed", "one of the residents"),
        ("unnamed", "one of the residents"),
    ]


def test_surname_refers_to_the_person_named_in_full_earlier(read):
    extraction = read(
        "Special adviser Kentaro Sonoura met Hun Sen on March 23.",
        "“Dialogue is the only way forward,” Sonoura said.",
        "Nancy Pelosi was elected Speaker.",
        '"We will seek to reach across the aisle," Pelosi told the public.',
        people=KNOWN,
    )

    assert [(q.speaker, q.speaker_key) for q in extraction.quotes] == [
        ("Kentaro Sonoura", "kentaro-sonoura"),
        ("Nancy Pelosi", None),
    ]
    assert extraction.new_speakers == ("Nancy Pelosi",)


def test_surname_matches_a_full_name_written_with_accents(read):
    extraction = read(
        "Turkish President Recep Tayyip Erdoğan spoke at a rally.",
        "President Erdogan said: “We will change its name from museum to mosque.”",
    )

    assert [q.speaker for q in extraction.quotes] == ["Recep Tayyip Erdoğan"]


def test_lone_surname_with_nobody_named_before_is_not_a_speaker(read):
    extraction = read("“We are fully cooperating with the government,” Ford told The Verge.")

    assert extraction.quotes == ()


def test_role_refers_to_the_person_introduced_with_that_title(read):
    extraction = read(
        "Governor Kay Ivey signed the bill on Wednesday.",
        'The governor tweeted her reasoning, saying, "Today, I signed the Human Life Protection Act."',
    )

    assert [q.speaker for q in extraction.quotes] == ["Kay Ivey"]


def test_paragraph_that_is_only_a_quote_continues_the_previous_speaker(read):
    extraction = read(
        "“I urge Hun Sen not to take everything personally,” Sam Rainsy said.",
        "“For Cambodia, a real culture of dialogue must replace the culture of violence.”",
        people=KNOWN,
    )

    assert [q.speaker for q in extraction.quotes] == ["Sam Rainsy", "Sam Rainsy"]
    assert [q.paragraph for q in extraction.quotes] == [0, 1]


def test_quote_split_by_its_attribution_gives_two_quotes_by_one_speaker(read):
    extraction = read("“The dam will hold,” Jane Doe said. “But only for another day or two.”")

    assert said(extraction) == [("Jane Doe", "The dam will hold"), ("Jane Doe", "But only for another")]


def test_quote_running_over_paragraphs_is_one_quote(read):
    extraction = read(
        "Jane Doe said: “The water is rising faster than anyone expected.",
        "“We have sandbags for three more days.",
        "“After that, we are on our own.”",
        "The river crested on Wednesday.",
    )

    assert len(extraction.quotes) == 1
    assert extraction.quotes[0].text == (
        "The water is rising faster than anyone expected.\n\n"
        "We have sandbags for three more days.\n\n"
        "After that, we are on our own."
    )
    assert extraction.quotes[0].paragraph == 0


def test_nested_quotes_stay_inside_their_quote(read):
    extraction = read(
        "Jane Doe said: “The sign read ‘Danger, keep out’ and nobody listened to it.”",
        "John Roe said \"My father always said 'never trust the river' and he was right.\"",
    )

    assert [q.text for q in extraction.quotes] == [
        "The sign read ‘Danger, keep out’ and nobody listened to it.",
        "My father always said 'never trust the river' and he was right.",
    ]


def test_scare_quotes_names_and_titles_are_not_quotes(read):
    extraction = read(
        "Jane Doe said so-called “experts” had misjudged the “once in a century” flood.",
        'The rescue was nicknamed "the Canadian Caper" and later filmed as "The Man Who Knew Too Much".',
        'Anna Smith of "Have no fear", a charity, said the river was "rising fast."',
    )

    # "rising fast." is a short quote inside reported speech, "said the river was ...": a quote.
    assert [q.text for q in extraction.quotes] == ["once in a century", "rising fast."]


@pytest.mark.parametrize(
    "paragraph",
    [
        "Jane Doe dismissed the claims as “anonymous hearsay” on Monday.",
        "Jane Doe called his remarks “deeply troubling” in an interview.",
        "Jane Doe described their comments as “a betrayal”.",
    ],
)
def test_a_speech_verb_after_a_determiner_is_a_noun_not_the_attribution(read, paragraph):
    # "the claims", "his remarks", "their comments": the verb of the sentence is the one before them.
    assert [(q.kind, q.speaker) for q in read(paragraph).quotes] == [("person", "Jane Doe")]


def test_apostrophes_are_not_quote_marks(read):
    extraction = read(
        "Jane Doe said: ‘Hun Sen’s men don’t come, and the students’ union hasn’t seen them since the ’90s.’",
        "‘We’ll rebuild,’ she said.",
    )

    assert [q.text for q in extraction.quotes] == [
        "Hun Sen’s men don’t come, and the students’ union hasn’t seen them since the ’90s.",
        "We’ll rebuild",
    ]


def test_headline_quoted_fragment_is_not_a_quote(read):
    extraction = read(
        "The ministry reopened the bridge.", headline="‘No negotiation with traitors’: Hun Sen refuses talks"
    )

    assert extraction.quotes == ()


def test_quote_with_no_speaker_is_dropped(read):
    extraction = read(
        "The bridge reopened on Tuesday.",
        "“It should never have closed.”",
        'Traffic was "back to normal within an hour" by the evening.',
    )

    assert extraction.quotes == ()


@pytest.mark.parametrize(
    ("paragraph", "kind", "speaker"),
    [
        ("“The bridge is safe,” the ministry said.", "unnamed", "the ministry"),
        ('Officials said the bridge was "safe for all traffic again."', "unnamed", "Officials"),
        ("Police said: “The driver fled the scene on foot.”", "unnamed", "Police"),
        (
            "“The bridge is safe for traffic,” the transport department said in a statement.",
            "unnamed",
            "the transport department",
        ),
        (
            'The Emergencies Ministry has, in a statement, called on drivers to "not forget others."',
            "organization",
            "Emergencies Ministry",
        ),
        (
            "The Justice Department said in a statement: “We will appeal the ruling.”",
            "organization",
            "Justice Department",
        ),
    ],
)
def test_quotes_by_organizations_and_groups_keep_their_source(read, paragraph, kind, speaker):
    (quote,) = read(paragraph).quotes

    assert (quote.kind, quote.speaker, quote.speaker_key) == (kind, speaker, None)
    assert read(paragraph).new_speakers == ()


def test_new_speakers_are_listed_once_in_order_of_speaking(read):
    extraction = read(
        "“The water is rising faster than anyone expected,” said Jane Doe.",
        "“We need help,” said John Roe.",
        "“Nobody came,” Jane Doe added.",
        "Hun Sen said: “Help is on its way to the province.”",
        people=KNOWN,
    )

    assert extraction.new_speakers == ("Jane Doe", "John Roe")
    assert [q.speaker_key for q in extraction.quotes] == [None, None, None, "hun-sen"]


@pytest.mark.parametrize(
    ("paragraph", "context"),
    [
        (
            "Speaking at a graduation ceremony in the capital, Jane Doe said: “We will rebuild the bridge.”",
            "at a graduation ceremony in the capital",
        ),
        ("Jane Doe posted on her Facebook page, “We will rebuild the bridge.”", "on her Facebook page"),
        ("Jane Doe told reporters: “We will rebuild the bridge.”", "to reporters"),
        (
            "Jane Doe said in an interview with Reuters: “We will rebuild the bridge.”",
            "in an interview with Reuters",
        ),
        ("In a statement, Jane Doe said: “We will rebuild the bridge.”", "in a statement"),
        ("Jane Doe said on Monday: “We will rebuild the bridge.”", ""),
    ],
)
def test_context_says_where_or_how_it_was_said(read, paragraph, context):
    assert [q.context for q in read(paragraph).quotes] == [context]


def test_continuing_quote_inherits_context(read):
    extraction = read(
        "Jane Doe told reporters: “We will rebuild the bridge.”",
        "“It will take a year and most of the budget.”",
    )

    assert [q.context for q in extraction.quotes] == ["to reporters", "to reporters"]


def test_pull_quote_features_the_quote_it_repeats_by_the_same_speaker(read):
    extraction = read(
        "Jane Doe said: “We will rebuild the bridge.”",
        "John Roe said: “We will rebuild the bridge, but not this year and not with this budget.”",
        "We will rebuild the bridge, but not this year\nJohn Roe",
        "“Or the next,” he said of the budget, “unless the county pays its share.”",
    )

    assert [(q.speaker, q.featured) for q in extraction.quotes] == [
        ("Jane Doe", False),
        ("John Roe", True),
        ("John Roe", False),
        ("John Roe", False),
    ]


def test_each_pull_quote_features_exactly_one_quote(read):
    extraction = read(
        "Jane Doe said: “We will rebuild.”",
        "Jane Doe later repeated: “We will rebuild.”",
        "We will rebuild\nJane Doe",
    )

    assert [q.featured for q in extraction.quotes] == [True, False]


def test_quote_text_loses_a_trailing_comma_but_keeps_final_punctuation(read):
    extraction = read(
        "“There will be no negotiation with traitors,” Jane Doe said.",
        "“Why would anyone stay here?” John Roe asked.",
        "Mary Major said: “Nobody will stay.”",
    )

    assert [q.text for q in extraction.quotes] == [
        "There will be no negotiation with traitors",
        "Why would anyone stay here?",
        "Nobody will stay.",
    ]


def test_straight_and_curly_quotes_read_alike(read):
    curly = read("“The dam will hold,” Jane Doe said. “But only for another day or two.”")
    straight = read('"The dam will hold," Jane Doe said. "But only for another day or two."')

    assert said(curly) == said(straight)


def test_quotes_in_single_marks_are_read_in_copy_that_uses_them(read):
    extraction = read(
        "‘The dam will hold for another day,’ Jane Doe said.",
        "John Roe said: ‘We have “enough” sandbags for the week.’",
    )

    assert said(extraction) == [("Jane Doe", "The dam will hold"), ("John Roe", "We have “enough” sandbags")]


def test_quotes_are_numbered_in_article_order(read):
    extraction = read(
        "“The dam will hold,” Jane Doe said. “But only for another day or two.”",
        "John Roe said: “We have sandbags for the week.”",
    )

    assert [q.position for q in extraction.quotes] == [0, 1, 2]
    assert [q.paragraph for q in extraction.quotes] == [0, 0, 1]
    assert all(q.said_on == dt.date(2018, 3, 27) for q in extraction.quotes)


def test_the_senator_refers_to_the_person_introduced_as_sen(read):
    extraction = read(
        "Sen. Sherrod Brown voted against the bill on Tuesday.",
        "The senator, a Democrat, told reporters after the vote: “This is not over.”",
    )

    assert [(q.speaker, q.context) for q in extraction.quotes] == [("Sherrod Brown", "to reporters")]


def test_a_lowercase_role_before_a_name_is_remembered_for_later(read):
    extraction = read(
        "White House press secretary Sarah Sanders briefed reporters.",
        "Later, the press secretary said: “We will not comment on an ongoing investigation.”",
    )

    assert [q.speaker for q in extraction.quotes] == ["Sarah Sanders"]


def test_a_speaker_with_an_age_and_a_description_after_the_name(read):
    extraction = read(
        "Maria Lopez, 34, a mother of two who lives near the plant, said: “Some nights you can't breathe.”"
    )

    assert [q.speaker for q in extraction.quotes] == ["Maria Lopez"]


def test_a_paragraph_in_single_marks_is_read_in_copy_that_otherwise_uses_double_ones(read):
    extraction = read(
        "Jane Doe said: “The water is rising faster than anyone expected.”",
        "‘It was chaos,’ said Tom Baker, who was on the platform. ‘People were screaming.’",
        "The line reopened after the 'all clear' at noon.",
    )

    assert said(extraction) == [
        ("Jane Doe", "The water is rising"),
        ("Tom Baker", "It was chaos"),
        ("Tom Baker", "People were screaming."),
    ]


def test_a_quote_in_a_new_clause_is_not_given_to_the_first_clauses_subject(read):
    extraction = read(
        "Carlos Mendoza said the company had never called him, and the mayor's office later issued a "
        'statement calling the leak "a serious but contained incident."'
    )

    assert [(q.kind, q.speaker) for q in extraction.quotes] == [("unnamed", "the mayor's office")]


def test_she_passes_over_a_man_to_reach_the_woman_who_spoke(read):
    extraction = read(
        "Mrs Jane Doe said: “The water is rising faster than anyone expected.”",
        "Mr John Roe, the mayor, disagreed with her at the meeting.",
        "“Nobody here is safe,” she added.",
    )

    assert [q.speaker for q in extraction.quotes] == ["Jane Doe", "Jane Doe"]


def test_an_aside_in_brackets_after_a_name_is_not_part_of_it(read):
    extraction = read('Sen. Chuck Schumer (D-N.Y.) said the bill "would hurt millions of working families."')

    assert [q.speaker for q in extraction.quotes] == ["Chuck Schumer"]


def test_the_named_person_in_an_appositive_after_a_possessive_speaks(read):
    extraction = read("\"It's over for the company,\" Smith's lawyer, John Roe, said on Friday.")

    assert [(q.speaker, q.said_on) for q in extraction.quotes] == [("John Roe", dt.date(2018, 3, 23))]


@pytest.mark.parametrize(
    ("paragraph", "speaker"),
    [
        ('Police arrested a man, saying he "posed a clear danger to the public."', "Police"),
        ('The indictment says Jane Doe "knowingly and willfully lied to investigators."', "the indictment"),
    ],
)
def test_words_of_groups_and_documents_are_quotes_of_unnamed_sources(read, paragraph, speaker):
    assert [(q.kind, q.speaker) for q in read(paragraph).quotes] == [("unnamed", speaker)]


@pytest.mark.parametrize(
    "paragraph",
    [
        'The sign read "Closed until further notice by order of the council."',
        'Protesters chanted "Hands off our jobs!" outside the building.',
    ],
)
def test_quotations_nobody_is_said_to_speak_are_reported_unattributed(read, paragraph):
    extraction = read(paragraph)

    assert extraction.quotes == ()
    assert [(u.text[:20], u.paragraph) for u in extraction.unattributed] == [
        (paragraph.split('"')[1][:20], 0)
    ]


def test_a_paragraph_ending_with_a_colon_introduces_the_next_paragraphs_quote(read):
    extraction = read(
        "Jane Doe, the county's flood officer, put it bluntly:", "“We are out of sandbags and out of time.”"
    )

    assert [q.speaker for q in extraction.quotes] == ["Jane Doe"]


@pytest.mark.parametrize(
    "paragraph",
    [
        "“We will appeal the ruling,” John Roe and Jane Doe said in a joint statement.",
        "John Roe and Jane Doe said in a joint statement: “We will appeal the ruling.”",
    ],
)
def test_two_people_speaking_together_are_not_one_speaker(read, paragraph):
    assert read(paragraph).quotes == ()


@contextlib.contextmanager
def _fails_after(seconds):
    """Turn a hang (a regular expression backtracking without end) into a failure."""

    def hung(signum, frame):
        raise TimeoutError(f"still running after {seconds}s")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.mark.skipif(not hasattr(signal, "SIGALRM"), reason="needs SIGALRM")
def test_pathological_copy_is_read_without_runaway_backtracking(read):
    with _fails_after(10):
        extraction = read(
            "Jane Doe said at " + "5 " * 60 + "x: “The water is rising faster than anyone expected.”",
            "Jo de " * 500 + "said nothing.",
            "‘a’ " * 500,
            "Smith, " * 500 + "said: “We will rebuild the bridge.”",
        )

    assert [q.speaker for q in extraction.quotes] == ["Jane Doe"]


def test_a_known_name_at_the_end_of_a_longer_run_is_that_person(read):
    extraction = read("Samdech Techo Hun Sen said: “There will be no talks with traitors.”", people=KNOWN)

    assert [(q.speaker, q.speaker_key) for q in extraction.quotes] == [("Hun Sen", "hun-sen")]


def test_a_titled_surname_is_the_only_known_person_of_that_name(read):
    abe = Entity("shinzo-abe", "Shinzo Abe")
    extraction = read("Prime Minister Abe said: “Japan will send engineers next week.”", people=(*KNOWN, abe))

    assert [(q.speaker, q.speaker_key) for q in extraction.quotes] == [("Shinzo Abe", "shinzo-abe")]


def test_adding_continues_with_the_speaker_named_after_said(read):
    extraction = read(
        '"He has been fantastic for us," said midfielder Paul Pogba of the coach, '
        'adding: "We all believe in him."'
    )

    assert said(extraction) == [("Paul Pogba", "He has been fantastic"), ("Paul Pogba", "We all believe in")]


def test_the_nationality_or_age_of_the_person_in_view_refers_to_them(read):
    extraction = read(
        "Manchester United manager Ole Gunnar Solskjaer said his side had been poor.",
        '"We did not start well enough," the Norwegian said.',
        '"I am not worried about my job at all," the 46-year-old added.',
    )

    assert [q.speaker for q in extraction.quotes] == ["Ole Gunnar Solskjaer"] * 2


def test_told_a_news_conference_is_kept_as_context(read):
    extraction = read(
        "“We have to return to a sustainable path,” Hiroto Saikawa told a news conference in Yokohama."
    )

    assert [q.context for q in extraction.quotes] == ["to a news conference in Yokohama"]


@pytest.mark.parametrize(
    ("published", "said"),
    [
        ("Monday, 1 January 0001, 9:00 UTC", dt.date(1, 1, 1)),  # "last Tuesday" would be before year 1
        ("Friday, 31 December 9999, 11pm UTC", dt.date(9999, 12, 28)),
    ],
    ids=["year-1", "year-9999"],
)
def test_quotes_in_copy_dated_at_the_ends_of_the_calendar_are_dated(read, published, said):
    (quote,) = read("“We will rebuild the bridge,” Jane Doe said last Tuesday.", published=published).quotes

    assert quote.said_on == said
