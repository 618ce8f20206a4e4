from articles.ingest import Entity

PEOPLE = (
    Entity("hun-sen", "Hun Sen", ("Samdech Hun Sen",)),
    Entity("sam-rainsy", "Sam Rainsy", ("Rainsy",)),
    Entity("kentaro-sonoura", "Kentaro Sonoura"),
)
ORGANIZATIONS = (
    Entity("cambodia-national-rescue-party", "Cambodia National Rescue Party", ("CNRP",)),
    Entity("khmer-rouge", "Khmer Rouge"),
    Entity("royal-government-of-cambodia", "Royal Government of Cambodia"),
    Entity("south-china-morning-post", "South China Morning Post"),
)


def test_people_are_listed_in_order_of_first_mention_across_headline_standfirst_and_body(read):
    extraction = read(
        "Kentaro Sonoura met officials on Monday.",
        "Hun Sen was not among them.",
        headline="Rainsy calls for talks",
        people=PEOPLE,
    )

    assert extraction.people == ("sam-rainsy", "kentaro-sonoura", "hun-sen")


def test_people_are_found_by_alias_and_through_possessives_and_curly_apostrophes(read):
    extraction = read("Samdech Hun Sen’s critics and Rainsy's supporters met.", people=PEOPLE)

    assert extraction.people == ("hun-sen", "sam-rainsy")


def test_names_match_case_sensitively_and_as_whole_words(read):
    extraction = read("A hun sen is not a name, nor is Hun Senate, nor Sam Rainsyville.", people=PEOPLE)

    assert extraction.people == ()


def test_surname_alone_with_no_full_mention_does_not_mention_anyone(read):
    extraction = read("Sonoura was not in Phnom Penh.", people=PEOPLE)

    assert extraction.people == ()


def test_organizations_are_found_by_name_alias_and_the_acronym_of_their_name(read):
    # "SCMP" is no alias of the South China Morning Post here: it is the initials of its name.
    extraction = read(
        "The CNRP was dissolved, and the Khmer Rouge era was recalled.",
        "The Royal Government of Cambodia said nothing to the SCMP.",
        organizations=ORGANIZATIONS,
    )

    assert extraction.organizations == (
        "cambodia-national-rescue-party",
        "khmer-rouge",
        "royal-government-of-cambodia",
        "south-china-morning-post",
    )


def test_organization_not_named_is_not_mentioned(read):
    extraction = read("The Cambodia National Rescue Party was dissolved.", organizations=ORGANIZATIONS)

    assert extraction.organizations == ("cambodia-national-rescue-party",)


def test_names_inside_quotes_are_mentions(read):
    extraction = read("Jane Doe said: “I urge Hun Sen to talk to the opposition.”", people=PEOPLE)

    assert extraction.people == ("hun-sen",)
    assert extraction.new_speakers == ("Jane Doe",)
