import datetime as dt
import pickle
from zoneinfo import ZoneInfo

import pytest

from articles.ingest import SeedFormatError, parse_document
from tests.articles.ingest.copies import HONG_KONG, PUBLISHED, raw_copy

UTC = dt.UTC


def parse(raw, tz=HONG_KONG):
    return parse_document(raw, source="copy.txt", tz=tz)


def test_published_line_is_read_in_the_outlets_zone():
    document = parse(raw_copy("Body."))

    assert document.published_at == dt.datetime(2018, 3, 27, 17, 55, tzinfo=HONG_KONG)
    assert document.published_at.utcoffset() == dt.timedelta(hours=8)


def test_updated_line_is_read_and_its_absence_gives_none():
    with_update = parse(
        "Headline\n\nPUBLISHED : Tuesday, 27 March, 2018, 5:55pm\n"
        "UPDATED : Wednesday, 28 March, 2018, 9:03am\n\nBody."
    )
    without = parse(raw_copy("Body."))

    assert with_update.updated_at == dt.datetime(2018, 3, 28, 9, 3, tzinfo=HONG_KONG)
    assert without.updated_at is None


def test_bare_dateline_after_blank_lines_with_trailing_spaces_is_the_publication_date():
    document = parse(
        "A title\n\n\n\nFriday, September 6, 2019 \u00a0 \n\n\nFirst paragraph.\n\n\nSecond.", tz=UTC
    )

    assert document.headline == "A title"
    assert document.standfirst == ""
    assert document.published_at == dt.datetime(2019, 9, 6, 0, 0, tzinfo=UTC)
    assert document.paragraphs == ("First paragraph.", "Second.")


@pytest.mark.parametrize(
    ("zone", "offset"),
    [
        ("EST", -5),
        ("EDT", -4),
        ("CST", -6),
        ("CDT", -5),
        ("MST", -7),
        ("MDT", -6),
        ("PST", -8),
        ("PDT", -7),
        ("GMT", 0),
        ("UTC", 0),
        ("BST", 1),
        ("CET", 1),
        ("CEST", 2),
        ("HKT", 8),
        ("SGT", 8),
        ("JST", 9),
        ("IST", 5.5),
        ("AEST", 10),
        ("AEDT", 11),
    ],
)
def test_zone_printed_in_the_date_line_overrides_the_outlets_zone(zone, offset):
    document = parse(raw_copy("Body.", published=f"PUBLISHED: 10:10 {zone}, 6 December 2012"))

    assert document.published_at.replace(tzinfo=None) == dt.datetime(2012, 12, 6, 10, 10)
    assert document.published_at.utcoffset() == dt.timedelta(hours=offset)


def test_date_without_a_time_is_midnight_local_time():
    document = parse(raw_copy("Body.", published="Friday, September 6, 2019"))

    assert document.published_at == dt.datetime(2019, 9, 6, 0, 0, tzinfo=HONG_KONG)


def test_crlf_line_ends_and_a_byte_order_mark_read_like_plain_copy():
    plain = raw_copy("First paragraph.", "Second paragraph.")
    windows = b"\xef\xbb\xbf" + plain.replace("\n", "\r\n").encode("utf-8")

    assert parse(windows) == parse(plain)
    assert parse(windows).headline == "A headline"


def test_text_and_bytes_read_alike_and_a_text_byte_order_mark_is_dropped():
    plain = raw_copy("Body.")

    assert parse("\ufeff" + plain) == parse(plain.encode("utf-8"))


def test_runs_of_blank_lines_separate_paragraphs_once():
    document = parse(
        "Headline\n\n\n\nPUBLISHED : Tuesday, 27 March, 2018, 5:55pm\n\n\n\nOne.\n \n\t\n\nTwo.\n\n\n"
    )

    assert document.paragraphs == ("One.", "Two.")


def test_standfirst_is_what_lies_between_headline_and_date_line():
    document = parse(
        "Headline\n\nFirst standfirst line.\n\nSecond one.\n\nFriday, September 6, 2019\n\nBody."
    )

    assert document.standfirst == "First standfirst line.\n\nSecond one."
    assert document.paragraphs == ("Body.",)


def test_lone_attribution_lines_are_not_body_text():
    document = parse(
        raw_copy(
            "The road was closed.",
            "—Troy Roberts",
            "—Zinichev calling a temporary halt to rescue work ahead of emergency stabilisation works",
            "Work resumed on Wednesday.",
        )
    )

    assert document.paragraphs == ("The road was closed.", "Work resumed on Wednesday.")
    assert document.pull_quotes == ()


def test_pull_quote_repeating_a_quote_is_taken_out_of_the_body():
    document = parse(
        raw_copy(
            "Jane Doe said on Monday: “We will rebuild the bridge before winter, whatever it costs.”",
            "We will rebuild the bridge before winter\nJane Doe",
            "The council meets again in May.",
        )
    )

    assert len(document.paragraphs) == 2
    assert document.pull_quotes[0].text == "We will rebuild the bridge before winter"
    assert document.pull_quotes[0].speaker == "Jane Doe"
    assert document.pull_quotes[0].line == 7


def test_pull_quote_set_apart_from_its_name_by_a_blank_line_is_recognised():
    document = parse(
        raw_copy(
            "“The bridge will be rebuilt before winter,” Jane Doe said.",
            "The bridge will be rebuilt before winter",
            "Jane Doe",
            "The council meets again in May.",
        )
    )

    assert [p.speaker for p in document.pull_quotes] == ["Jane Doe"]
    assert len(document.paragraphs) == 2


@pytest.mark.parametrize("name", ["Maria dos Santos", "Nur binti Ahmad", "Omar abu Khalil"])
def test_pull_quote_credits_may_hold_any_name_particle(name):
    document = parse(
        raw_copy(
            f"“The bridge will be rebuilt before winter,” {name} said.",
            f"The bridge will be rebuilt before winter\n{name}",
        )
    )

    assert [p.speaker for p in document.pull_quotes] == [name]


def test_a_block_ending_in_a_name_that_repeats_nothing_stays_body_text():
    document = parse(raw_copy("The award went this year to the painter\nJane Doe", "Nothing else happened."))

    assert document.pull_quotes == ()
    assert document.paragraphs[0] == "The award went this year to the painter Jane Doe"


def test_date_line_is_the_first_line_after_the_headline_that_parses_as_one():
    document = parse("Headline\n\nMarch 2019 was a busy month\n\nMonday, 4 March 2019, 09:15\n\nBody.")

    assert document.standfirst == "March 2019 was a busy month"
    assert document.published_at == dt.datetime(2019, 3, 4, 9, 15, tzinfo=HONG_KONG)


def test_times_in_other_spellings_are_read():
    tz = ZoneInfo("Europe/London")
    document = parse("Headline\n\nPublished 3 June 2020 at 2:05 p.m.\n\nBody.", tz=tz)

    assert document.published_at == dt.datetime(2020, 6, 3, 14, 5, tzinfo=tz)


def test_invalid_utf8_names_the_line_of_the_first_bad_byte():
    with pytest.raises(SeedFormatError) as error:
        parse(b"A headline\n\n\x80\x81 not utf-8, and no PUBLISHED line \xff\n")

    assert error.value.line == 3
    assert error.value.source == "copy.txt"
    assert str(error.value).startswith("copy.txt, line 3: expected UTF-8 text")


def test_invalid_utf8_after_crlf_lines_counts_lines_the_same():
    with pytest.raises(SeedFormatError) as error:
        parse(b"Headline\r\n\r\nPUBLISHED : Tuesday, 27 March, 2018, 5:55pm\r\n\r\nBody \xe2\x28\xa1.\r\n")

    assert error.value.line == 5


@pytest.mark.parametrize("raw", [b"", b"\n\n  \n\t\n", "\ufeff"])
def test_empty_copy_is_an_error_expecting_a_headline_on_line_1(raw):
    with pytest.raises(SeedFormatError) as error:
        parse(raw)

    assert error.value.line == 1
    assert "expected a headline" in error.value.message


def test_copy_without_a_date_line_is_an_error_saying_what_was_expected():
    with pytest.raises(SeedFormatError) as error:
        parse("A headline\n\nA standfirst\n\nJust a body paragraph.")

    assert error.value.line == 3
    assert "expected a date line such as 'PUBLISHED : Tuesday, 27 March, 2018, 5:55pm'" in str(error.value)
    assert "'Friday, September 6, 2019'" in str(error.value)


def test_copy_without_body_paragraphs_is_an_error_after_the_date_line():
    with pytest.raises(SeedFormatError) as error:
        parse(
            "A headline\n\nPUBLISHED : Tuesday, 27 March, 2018, 5:55pm\n"
            "UPDATED : Tuesday, 27 March, 2018, 6pm\n\n"
        )

    assert error.value.line == 5
    assert "expected body paragraphs" in error.value.message


def test_copy_that_opens_with_its_date_line_has_no_headline():
    with pytest.raises(SeedFormatError) as error:
        parse("\n\nFriday, September 6, 2019\n\nBody.")

    assert error.value.line == 3
    assert "expected a headline" in error.value.message


def test_updated_line_alone_is_the_publication_time():
    # Outlets that print only "Updated ..." give no other time; updated_at stays None.
    document = parse("Headline\n\nUPDATED : Tuesday, 27 March, 2018, 5:55pm\n\nBody.")

    assert document.published_at == dt.datetime(2018, 3, 27, 17, 55, tzinfo=HONG_KONG)
    assert document.updated_at is None
    assert document.paragraphs == ("Body.",)


def test_error_without_a_line_reads_as_source_and_message():
    error = SeedFormatError("copy.txt", None, "expected something")

    assert str(error) == "copy.txt: expected something"
    assert isinstance(error, ValueError)


@pytest.mark.parametrize("line", [7, None])
def test_error_survives_pickling_as_it_does_between_processes(line):
    error = SeedFormatError("copy.txt", line, "expected a date line")

    copy = pickle.loads(pickle.dumps(error))

    assert type(copy) is SeedFormatError
    assert str(copy) == str(error)
    assert (copy.source, copy.line, copy.message) == ("copy.txt", line, "expected a date line")


def test_daily_mail_date_line_with_published_and_updated_on_one_line():
    document = parse(
        "Headline\n\nA standfirst bullet\n\nBy DAVID MARTOSKO, US POLITICAL EDITOR FOR DAILYMAIL.COM\n\n"
        "PUBLISHED: 10:10 EST, 6 December 2012 | UPDATED: 12:27 EST, 6 December 2012\n\nBody."
    )

    est = dt.timezone(dt.timedelta(hours=-5))
    assert document.published_at == dt.datetime(2012, 12, 6, 10, 10, tzinfo=est)
    assert document.updated_at == dt.datetime(2012, 12, 6, 12, 27, tzinfo=est)
    assert document.standfirst == "A standfirst bullet"
    assert document.paragraphs == ("Body.",)


@pytest.mark.parametrize(
    "byline",
    ["By DAVID MARTOSKO", "By John Smith For Dailymail.com", "By Jane Smith and John Doe, Reuters"],
)
def test_byline_lines_before_or_after_the_date_line_are_neither_standfirst_nor_body(byline):
    before = parse(f"Headline\n\n{byline}\n\nJune 3, 2019 / 2:05 PM / Updated 2 hours ago\n\nBody.", tz=UTC)
    after = parse(f"Headline\n\nPublished 3 June 2019\n{byline}\n\nBody.", tz=UTC)

    for document in (before, after):
        assert document.standfirst == ""
        assert document.paragraphs == ("Body.",)
    assert before.published_at == dt.datetime(2019, 6, 3, 14, 5, tzinfo=UTC)


def test_a_body_opening_with_by_is_not_a_byline():
    document = parse("Headline\n\n3 June 2019\n\nBy Monday, the river had burst its banks.", tz=UTC)

    assert document.paragraphs == ("By Monday, the river had burst its banks.",)


def test_date_line_after_an_image_caption_leaves_the_caption_in_the_standfirst():
    document = parse(
        "Headline\n\nResidents at a care home in Salford. Photograph: Christopher Thomond\n\n"
        "Published: Mon 3 Jun 2019 14.05 BST\n\nBody.",
        tz=ZoneInfo("Europe/London"),
    )

    assert document.standfirst.startswith("Residents at a care home")
    assert document.published_at.utcoffset() == dt.timedelta(hours=1)


@pytest.mark.parametrize("line", ["Updated June 3, 2019 2:05pm ET", "Last updated: June 3, 2019 14:05 EDT"])
def test_a_copy_with_only_an_updated_line_was_published_then(line):
    document = parse(f"Headline\n\n{line}\n\nBody.", tz=UTC)

    assert document.published_at == dt.datetime(2019, 6, 3, 14, 5, tzinfo=ZoneInfo("America/New_York"))
    assert document.updated_at is None


def test_copy_whose_only_date_is_ambiguous_names_the_line_where_the_body_began():
    with pytest.raises(SeedFormatError) as error:
        parse("A headline\n\n06/03/2019\n\nBody.")

    assert error.value.line == 3
    assert "expected a date line" in error.value.message


@pytest.mark.parametrize(
    ("dates", "line"),
    [
        ("PUBLISHED : Tuesday, 27 March, 2018, 5:55pm\nUPDATED : Tuesday, 27 March, 2018, 5:00pm", 4),
        ("PUBLISHED: 10:10 EST, 6 December 2012 | UPDATED: 09:27 EST, 6 December 2012", 3),
    ],
    ids=["two-lines", "one-line"],
)
def test_updated_time_before_the_published_time_is_an_error_on_the_updated_line(dates, line):
    with pytest.raises(SeedFormatError) as error:
        parse(f"A headline\n\n{dates}\n\nBody.")

    assert error.value.line == line
    assert str(error.value).startswith(f"copy.txt, line {line}: the UPDATED time (")
    assert "is earlier than the PUBLISHED time" in error.value.message


def test_updated_time_equal_to_the_published_time_is_read():
    document = parse(
        "A headline\n\nPUBLISHED : Tuesday, 27 March, 2018, 5:55pm\n"
        "UPDATED : Tuesday, 27 March, 2018, 5:55pm\n\nBody."
    )

    assert document.updated_at == document.published_at


@pytest.mark.parametrize(
    ("published", "message"),
    [
        ("PUBLISHED : Friday, 30 February, 2018, 5:55pm", "30 February 2018 is not a date"),
        ("PUBLISHED : Tuesday, 27 March, 2018, 25:61pm", "25:61pm is not a time"),
        ("Monday, 1 January 0001, 5am", "1 January 0001 is outside the calendar once written in UTC"),
    ],
)
def test_a_date_line_naming_no_moment_is_reported_as_what_it_is(published, message):
    with pytest.raises(SeedFormatError) as error:
        parse(raw_copy("Body.", published=published))

    assert str(error.value) == f"copy.txt, line 3: {message}"


def test_an_impossible_updated_line_is_reported_on_its_own_line():
    with pytest.raises(SeedFormatError) as error:
        parse(raw_copy("Body.", published=f"{PUBLISHED}\nUPDATED : Wednesday, 31 April, 2018, 9am"))

    assert (error.value.line, error.value.message) == (4, "31 April 2018 is not a date")


@pytest.mark.parametrize(
    ("raw", "line", "message"),
    [
        (
            b"Headline\n\nFriday, September 6, 2019\n\nBody.\n\nA NUL \x00 here.\n",
            7,
            "a NUL character (U+0000) is not text",
        ),
        (
            "Headline\r\n\r\nFriday, September 6, 2019\r\n\r\nAn escape \x1b[31m.",
            5,
            "a control character (U+001B) is not text",
        ),
        ("Headline\x0c\n\nFriday, September 6, 2019\n\nBody.", 1, "a control character (U+000C) is not text"),
        (
            "Headline\n\nFriday, September 6, 2019\n\nA lone \ud800 surrogate.",
            5,
            "a lone surrogate (U+D800) is not text",
        ),
    ],
    ids=["nul", "escape-after-crlf", "form-feed", "surrogate"],
)
def test_control_characters_are_refused_on_their_line(raw, line, message):
    with pytest.raises(SeedFormatError) as error:
        parse(raw)

    assert str(error.value) == f"copy.txt, line {line}: {message}"


def test_tabs_and_every_kind_of_line_break_are_text():
    document = parse("Headline\r\n\r\nFriday, September 6, 2019\r\rBody\twith a tab.\n")

    assert document.paragraphs == ("Body with a tab.",)


def test_the_headline_and_each_paragraph_know_their_line():
    document = parse(
        "\n\nA headline\n\nFriday, September 6, 2019\n\nFirst paragraph\ngoes on.\n\n"
        "“We will rebuild the bridge,” Jane Doe said.\n\nWe will rebuild the bridge\nJane Doe\n\nLast one."
    )

    assert document.headline_line == 3
    assert document.paragraphs == (
        "First paragraph goes on.",
        "“We will rebuild the bridge,” Jane Doe said.",
        "Last one.",
    )
    assert document.paragraph_lines == (7, 10, 15)
    assert document.pull_quotes[0].line == 12
