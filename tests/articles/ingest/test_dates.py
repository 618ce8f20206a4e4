import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest

from articles.ingest.dates import NotADate, date_lines, parse_date_line, said_on
from tests.articles.ingest.copies import HONG_KONG

TUESDAY = dt.date(2018, 3, 27)


@pytest.mark.parametrize(
    ("words", "day"),
    [
        ("On Monday, she posted", dt.date(2018, 3, 26)),
        ("he said on Tuesday", dt.date(2018, 3, 27)),
        ("on Wednesday", dt.date(2018, 3, 21)),
        ("Trump said Friday", dt.date(2018, 3, 23)),
        ("last Tuesday", dt.date(2018, 3, 20)),
        ("this past Sunday", dt.date(2018, 3, 25)),
        ("on March 23 in Phnom Penh", dt.date(2018, 3, 23)),
        ("on 23 March", dt.date(2018, 3, 23)),
        ("on the 23rd of March", dt.date(2018, 3, 23)),
        ("on December 30", dt.date(2017, 12, 30)),
        ("on Jan. 5, 2016", dt.date(2016, 1, 5)),
        ("yesterday", dt.date(2018, 3, 26)),
        ("last night", dt.date(2018, 3, 26)),
        ("today", dt.date(2018, 3, 27)),
        ("this morning", dt.date(2018, 3, 27)),
        ("last week", None),
        ("earlier this month", None),
        ("next Monday", None),
        ("Tuesday's hearing", None),
        ("they may 10 times", None),
    ],
)
def test_day_said_is_counted_back_from_publication(words, day):
    assert said_on(words, TUESDAY) == day


def test_day_nearest_the_speech_verb_wins():
    text = "After Friday's vote, on Monday she said"

    assert said_on(text, TUESDAY, anchor=text.index("said")) == dt.date(2018, 3, 26)


@pytest.mark.parametrize(
    "line",
    ["A weekday sale on Tuesday", "May 5", "Tuesday, 27 March", "PUBLISHED : soon"],
)
def test_lines_that_are_not_complete_dates_are_not_date_lines(line):
    assert parse_date_line(line, HONG_KONG) is None


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("PUBLISHED : Friday, 30 February, 2018, 5:55pm", "30 February 2018 is not a date"),
        ("27 March, 2018, 25:61", "25:61 is not a time"),
        ("Tuesday, 27 March, 2018, 25:61pm", "25:61pm is not a time"),
        ("2018-02-30T10:00", "2018-02-30 is not a date"),
        ("31/04/2019", "31/04/2019 is not a date"),
        ("27 March 2018 10:00 UTC+99", "UTC+99 is not an offset from UTC"),
        ("1 January 0001, 3am", "1 January 0001 is outside the calendar once written in UTC"),
        ("31 December 9999, 11pm EST", "31 December 9999 is outside the calendar once written in UTC"),
    ],
)
def test_a_date_line_naming_no_moment_says_what_is_wrong(line, message):
    with pytest.raises(NotADate, match=f"^{re.escape(message)}$"):
        parse_date_line(line, HONG_KONG)


@pytest.mark.parametrize("line", ["1 January 0001, 3am UTC", "31 December 9999, 11:59pm UTC"])
def test_the_calendar_s_first_and_last_days_are_dates(line):
    assert parse_date_line(line, HONG_KONG).when.year in (1, 9999)


@pytest.mark.parametrize(
    "text", ["last Tuesday", "on Friday", "yesterday", "last night", "March 23", "December 31, 0000"]
)
def test_days_before_the_calendar_begins_are_no_day(text):
    assert said_on(f"she said {text}", dt.date(1, 1, 1)) is None


def test_the_first_day_of_the_calendar_is_a_day():
    assert said_on("she said on Monday", dt.date(1, 1, 1)) == dt.date(1, 1, 1)
    assert said_on("she said today", dt.date(1, 1, 1)) == dt.date(1, 1, 1)


def test_days_at_the_end_of_the_calendar_are_read():
    published = dt.date(9999, 12, 31)

    assert said_on("she said last Tuesday", published) == dt.date(9999, 12, 28)
    assert said_on("she said on December 31, 9999", published) == published


def test_twelve_hour_clock_times_are_read():
    assert parse_date_line("Tuesday, 27 March, 2018, 12:05am", HONG_KONG).when.hour == 0
    assert parse_date_line("Tuesday, 27 March, 2018, 12:05pm", HONG_KONG).when.hour == 12
    assert parse_date_line("27 March 2018 17:55", HONG_KONG).when.hour == 17


def test_iso_dates_are_date_lines():
    line = parse_date_line("Last updated: 2019-01-04 08:30", HONG_KONG)

    assert line.label == "updated"
    assert line.when == dt.datetime(2019, 1, 4, 8, 30, tzinfo=HONG_KONG)


def test_numeric_offset_in_the_date_line_is_its_zone():
    line = parse_date_line("Friday, September 6, 2019 14:00 GMT+2", HONG_KONG)

    assert line.when.utcoffset() == dt.timedelta(hours=2)


def test_quote_without_a_day_is_dated_by_the_publication_day_in_the_outlets_zone(read):
    # 1am in Hong Kong is still the previous day in UTC.
    extraction = read(
        "Jane Doe said: “The water is rising faster than anyone expected.”",
        published="PUBLISHED : Tuesday, 27 March, 2018, 1:00am",
    )

    assert extraction.quotes[0].said_on == dt.date(2018, 3, 27)


def test_quote_dated_in_its_clause_takes_that_day(read):
    extraction = read(
        "Jane Doe told reporters on Monday: “The water is rising faster than anyone expected.”",
        "On March 20, John Roe said: “We have sandbags for only three more days.”",
        "“Nobody warned us about the dam,” Mary Major said yesterday.",
        "Ann Minor said last week: “We asked for help and heard nothing back.”",
    )

    assert [q.said_on for q in extraction.quotes] == [
        dt.date(2018, 3, 26),
        dt.date(2018, 3, 20),
        dt.date(2018, 3, 26),
        dt.date(2018, 3, 27),
    ]


def test_quote_continuing_a_speaker_inherits_their_day(read):
    extraction = read(
        "On Monday, Jane Doe said: “The water is rising faster than anyone expected.”",
        "“We need the army here by tonight, not next week.”",
        "“The dam will hold for another day at most,” she added.",
    )

    assert [q.speaker for q in extraction.quotes] == ["Jane Doe"] * 3
    assert [q.said_on for q in extraction.quotes] == [dt.date(2018, 3, 26)] * 3


def test_a_day_in_the_subjects_own_description_does_not_date_the_quote(read):
    extraction = read(
        "Jane Doe, who was appointed on March 2, said: “The water is rising faster than anyone expected.”"
    )

    assert extraction.quotes[0].said_on == dt.date(2018, 3, 27)


NEW_YORK = ZoneInfo("America/New_York")
BST = dt.timezone(dt.timedelta(hours=1))
EDT = dt.timezone(dt.timedelta(hours=-4))


@pytest.mark.parametrize(
    ("line", "label", "when"),
    [
        ("Published 3 June 2019", "published", dt.datetime(2019, 6, 3, tzinfo=HONG_KONG)),
        ("Published: Mon 3 Jun 2019 14.05 BST", "published", dt.datetime(2019, 6, 3, 14, 5, tzinfo=BST)),
        ("Mon 3 Jun 2019 14.05 BST", "published", dt.datetime(2019, 6, 3, 14, 5, tzinfo=BST)),
        ("3 June 2019", "published", dt.datetime(2019, 6, 3, tzinfo=HONG_KONG)),
        ("2019-06-03T14:05:00+01:00", "published", dt.datetime(2019, 6, 3, 14, 5, tzinfo=BST)),
        ("Jun 3, 2019, 2:05 PM", "published", dt.datetime(2019, 6, 3, 14, 5, tzinfo=HONG_KONG)),
        ("June 3, 2019 at 2:05 p.m. EDT", "published", dt.datetime(2019, 6, 3, 14, 5, tzinfo=EDT)),
        ("Posted: June 3, 2019 2:05 PM ET", "published", dt.datetime(2019, 6, 3, 14, 5, tzinfo=NEW_YORK)),
        (
            "First published on Mon 3 Jun 2019 14.05 BST",
            "published",
            dt.datetime(2019, 6, 3, 14, 5, tzinfo=BST),
        ),
        ("Updated June 3, 2019 2:05pm ET", "updated", dt.datetime(2019, 6, 3, 14, 5, tzinfo=NEW_YORK)),
        ("Last updated: 3 June 2019 14:05 HKT", "updated", dt.datetime(2019, 6, 3, 14, 5, tzinfo=HONG_KONG)),
        (
            "Last updated at 3:15 PM on 6th December 2012",
            "updated",
            dt.datetime(2012, 12, 6, 15, 15, tzinfo=HONG_KONG),
        ),
        (
            "June 3, 2019 / 2:05 PM / Updated 2 hours ago",
            "published",
            dt.datetime(2019, 6, 3, 14, 5, tzinfo=HONG_KONG),
        ),
        ("3 June 2019 • 2:05pm", "published", dt.datetime(2019, 6, 3, 14, 5, tzinfo=HONG_KONG)),
        ("25/12/2018 09:30", "published", dt.datetime(2018, 12, 25, 9, 30, tzinfo=HONG_KONG)),
        ("2019/06/03", "published", dt.datetime(2019, 6, 3, tzinfo=HONG_KONG)),
    ],
)
def test_date_lines_of_other_outlets_are_read(line, label, when):
    found = parse_date_line(line, HONG_KONG)

    assert (found.label, found.when) == (label, when)
    assert found.when.utcoffset() == when.utcoffset()


@pytest.mark.parametrize(
    ("zone", "summer", "winter"),
    [("ET", -4, -5), ("CT", -5, -6), ("MT", -6, -7), ("PT", -7, -8)],
)
def test_generic_us_zones_follow_daylight_saving_for_the_date(zone, summer, winter):
    june = parse_date_line(f"June 3, 2019 2:05 PM {zone}", HONG_KONG).when
    december = parse_date_line(f"December 3, 2019 2:05 PM {zone}", HONG_KONG).when

    assert june.utcoffset() == dt.timedelta(hours=summer)
    assert december.utcoffset() == dt.timedelta(hours=winter)


@pytest.mark.parametrize(
    ("zone", "offset"),
    [("SGT", 8), ("HKT", 8), ("AEST", 10), ("IST", 5.5), ("GMT+8", 8), ("+0800", 8), ("UTC", 0)],
)
def test_zones_and_offsets_printed_in_the_line(zone, offset):
    when = parse_date_line(f"3 June 2019 14:05 {zone}", dt.UTC).when

    assert when.utcoffset() == dt.timedelta(hours=offset)


def test_a_line_holding_published_and_updated_times_gives_both():
    line = "PUBLISHED: 10:10 EST, 6 December 2012 | UPDATED: 12:27 EST, 6 December 2012"

    found = date_lines(line, HONG_KONG)

    assert [d.label for d in found] == ["published", "updated"]
    assert [d.when.hour for d in found] == [10, 12]
    assert found[0].when.utcoffset() == dt.timedelta(hours=-5)


@pytest.mark.parametrize(
    "line",
    [
        "06/03/2019",  # 6 March or June 3
        "03.06.2019 14:05",
        "Updated 2 hours ago",
        "By Monday, officials had left | the city",
        "Sport | Football",
    ],
)
def test_ambiguous_or_relative_dates_are_not_date_lines(line):
    assert parse_date_line(line, HONG_KONG) is None


def test_today_naming_a_programme_does_not_date_a_quote():
    text = "Smith told the BBC's Today programme on Monday"

    assert said_on(text, TUESDAY, anchor=text.index("told")) == dt.date(2018, 3, 26)
    assert said_on("Today, she said", TUESDAY) == TUESDAY
