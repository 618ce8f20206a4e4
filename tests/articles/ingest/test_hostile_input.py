"""Any input at all gives a document and its quotes, or a SeedFormatError naming the file and line.

Property-based (Hypothesis): random and hostile bytes and text, unbalanced and nested quote marks of
every kind, control characters, dates at both ends of the calendar, over-long headlines and names.
Two dedicated examples read 5 MB paragraphs. No other exception may escape (issue 10).
"""

import datetime as dt
import re
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articles.ingest import Entity, Extraction, ParsedDocument, SeedFormatError, extract, parse_document
from articles.ingest.lexicon.calendar import MONTH_NAMES, WEEKDAY_NAMES
from tests.articles.ingest.copies import HONG_KONG, PUBLISHED
from tests.articles.ingest.hostile import OPENING, repeated

SOURCE = "hostile.txt"
PEOPLE = (
    Entity("jane-smith", "Jane Smith", ("Smith",)),
    Entity("sean-obrien", "Seán O’Brien"),
    Entity("hun-sen", "Samdech Akka Moha Sena Padei Techo Hun Sen", ("Hun Sen",)),
)
ORGANIZATIONS = (Entity("un", "United Nations", ("UN",)), Entity("cnrp", "Cambodia National Rescue Party"))
ZONES = st.sampled_from([HONG_KONG, dt.UTC, ZoneInfo("America/New_York"), ZoneInfo("Pacific/Kiritimati")])
MARKS = "\"'“”‘’„‟«»‚‛‹›"
MONTHS = [name.capitalize() for name in MONTH_NAMES]
WEEKDAYS = [name.capitalize() for name in WEEKDAY_NAMES]

# Hypothesis keeps no example database in the project; each run starts afresh.
hostile = settings(
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
)


def read(raw: bytes | str, tz: dt.tzinfo = HONG_KONG) -> tuple[ParsedDocument, Extraction] | None:
    """The document and its extraction, or None for a copy refused as the property allows."""
    try:
        document = parse_document(raw, source=SOURCE, tz=tz)
    except SeedFormatError as error:
        lines = len(
            re.split(rb"\r\n|\r|\n", raw if isinstance(raw, bytes) else raw.encode("utf-8", "replace"))
        )
        assert error.source == SOURCE
        assert error.line is not None and 1 <= error.line <= lines + 1, str(error)
        assert str(error).startswith(f"{SOURCE}, line {error.line}: "), str(error)
        assert error.message
        return None
    extraction = extract(document, PEOPLE, ORGANIZATIONS)
    assert document.paragraphs and all(document.paragraphs)
    for quote in extraction.quotes:
        assert quote.text and quote.speaker
        assert 0 <= quote.paragraph < len(document.paragraphs)
        assert isinstance(quote.said_on, dt.date)
    return document, extraction


# Pieces of copy that have given readers of quotations trouble.
FRAGMENTS = st.sampled_from(
    [
        "“Point stands,” she said.",
        "“Why now?” Smith asked.",
        "‘Chaos,’ he said",
        "„Nein“, sagte sie.",
        "«Non», a-t-il dit.",
        '"Straight," they said,',
        "“Nested ‘quotes “inside” quotes’ here,” said Jane Smith.",
        "“Unclosed quotation",
        "closed” without opening",
        "the students’ union",
        "rock ’n’ roll in the ’90s",
        "O’Brien said:",
        "according to the UN,",
        "the governor said",
        "the 46-year-old told reporters",
        "Speaking at a rally in Ohio,",
        "(D-N.Y.)",
        "Dr. U.S. a.m.",
        "last Tuesday",
        "yesterday",
        "March 23",
        "December 31, 0000",
        "Today",
        "— Jane Smith, a professor",
        "Jean de de de Gaulle",
        "von der Leyen",
        "al-Assad",
        "Smith’s statement",
        "he",
        "she",
        "who",
        "and",
        ",",
        ";",
        ":",
        "...",
        "…",
        "[...]",
        "—",
        "\ue000",
        "\ue001",  # the readers' own placeholder characters, typed in the copy
        "\u200b\ufeff\u00ad",
        "\x7f",
        "\x85",
        "\u2028",
    ]
)
TEXT = st.text(st.characters(exclude_categories=["Cc", "Cs"]), max_size=40)  # any text a copy may hold
PIECE = st.one_of(FRAGMENTS, TEXT, st.text(alphabet=MARKS + " a.", max_size=30))
# Paragraphs of the hand-labelled copies, whole or with pieces spliced into them.
REAL = [
    paragraph
    for path in sorted((Path(__file__).parent / "styles").glob("*.txt"))
    for paragraph in path.read_text(encoding="utf-8").split("\n\n")[2:]
]


@st.composite
def spliced(draw) -> str:
    paragraph = draw(st.sampled_from(REAL))
    for _ in range(draw(st.integers(0, 3))):
        at = draw(st.integers(0, len(paragraph)))
        paragraph = paragraph[:at] + draw(PIECE) + paragraph[at:]
    return paragraph


PARAGRAPH = st.one_of(st.lists(PIECE, max_size=30).map(" ".join), spliced())
BODY = st.lists(PARAGRAPH, max_size=10).map("\n\n".join)
# Characters a copy is refused for: NUL and other controls, a lone surrogate.
REFUSED = st.sampled_from(["\x00", "\x1b", "\x0b", "\ud800"])


@st.composite
def date_lines(draw) -> str:
    """Date lines of every form, in any year, some naming no moment (30 February, 25:61pm)."""
    year = draw(st.integers(0, 9999))
    month = draw(st.integers(1, 12))
    day = draw(st.integers(0, 32))
    hour, minute = draw(st.integers(0, 30)), draw(st.integers(0, 70))
    zone = draw(st.sampled_from(["", " UTC", " EST", " HKT", " UTC+14", " UTC+99", " -05:00", " +23:59"]))
    form = draw(st.integers(0, 4))
    if form == 0:
        ampm = draw(st.sampled_from(["am", "pm", ""]))
        weekday = draw(st.sampled_from(WEEKDAYS))
        line = f"PUBLISHED : {weekday}, {day} {MONTHS[month - 1]}, {year:04d}, {hour}:{minute:02d}{ampm}"
    elif form == 1:
        line = f"{year:04d}-{month:02d}-{day:02d}T{hour:02d}:{minute:02d}"
    elif form == 2:
        line = f"{MONTHS[month - 1]} {day}, {year:04d}"
    elif form == 3:
        line = f"{day:02d}/{month:02d}/{year:04d} {hour}:{minute:02d}"
    else:
        line = f"{PUBLISHED}\nUPDATED : {day} {MONTHS[month - 1]} {year:04d} {hour}:{minute:02d}"
    return line + zone


READABLE_DATES = st.sampled_from([PUBLISHED, "Friday, September 6, 2019", "Updated June 3, 2019 2:05pm ET"])
COPIES = st.builds(
    lambda headline, date, body: f"{headline}\n\n{date}\n\n{body}\n",
    st.one_of(TEXT, st.just("A headline")),
    st.one_of(READABLE_DATES, date_lines()),
    BODY,
)


@settings(hostile, max_examples=300)
@given(st.binary(max_size=3000), ZONES)
def test_arbitrary_bytes_give_a_document_or_an_error_naming_the_file(raw, tz):
    read(raw, tz)


@settings(hostile, max_examples=200)
@given(st.text(max_size=3000), ZONES)
def test_arbitrary_text_gives_a_document_or_an_error_naming_the_file(raw, tz):
    read(raw, tz)


@settings(hostile, max_examples=600)
@given(COPIES, ZONES)
def test_hostile_copies_give_a_document_or_an_error_naming_the_line(raw, tz):
    read(raw, tz)


@settings(hostile, max_examples=150)
@given(COPIES, REFUSED, st.integers(0, 10**6))
def test_a_character_that_is_no_text_is_refused_on_its_line(raw, character, where):
    at = where % (len(raw) + 1)
    with pytest.raises(SeedFormatError) as error:
        parse_document(raw[:at] + character + raw[at:], source=SOURCE, tz=HONG_KONG)

    assert error.value.line == len(re.split(r"\r\n|\r|\n", raw[:at]))
    assert error.value.message.endswith(f"(U+{ord(character):04X}) is not text")


@settings(hostile, max_examples=150)
@given(COPIES, st.binary(min_size=1, max_size=8), st.integers(0, 10**6))
def test_copies_with_bytes_that_are_not_utf8_are_errors_naming_the_line(raw, junk, where):
    data = raw.encode("utf-8", "surrogatepass")
    at = where % (len(data) + 1)
    read(data[:at] + junk + data[at:])


@settings(hostile, max_examples=200)
@given(date_lines(), st.sampled_from(["last Tuesday", "yesterday", "last night", "on Friday", "March 23"]))
def test_copies_dated_anywhere_in_the_calendar_are_read_or_refused_on_the_date_line(date, when):
    result = read(f"A headline\n\n{date}\n\n“We will rebuild the bridge,” Jane Smith said {when}.\n")
    if result is not None:
        document, extraction = result
        assert [q.speaker for q in extraction.quotes] == ["Jane Smith"]
        assert extraction.quotes[0].said_on <= document.published_at.date()


# Words the readers of attributions look for, and marks, in any order: "said Smith “, ’ he (Dr. who".
SOUP_WORDS = (
    "said says told according to he she Smith Jane the governor Mr Dr. on Monday last adding who and of "
    "The In by was Today yesterday March 12 de von al- : , . ; ( ) — … “ ” ‘ ’ \" ' « »"
)
SOUP = st.lists(
    st.one_of(
        st.sampled_from([*SOUP_WORDS.split(), "\n", "\n\n"]),
        st.text(alphabet=MARKS + "AaJs .,;:?!()[]—-\n0123456789\ue000\ue001…", max_size=6),
    ),
    max_size=400,
)


@settings(hostile, max_examples=300)
@given(SOUP, st.sampled_from([" ", ""]), ZONES)
def test_soups_of_attribution_words_and_marks_give_a_document(words, separator, tz):
    assert read(f"{OPENING}{separator.join(words)}\n", tz) is not None


@settings(hostile, max_examples=60)
@given(st.text(alphabet=MARKS + " ab.,", min_size=1000, max_size=6000))
def test_thousands_of_quote_marks_give_a_document(marks):
    assert read(f"{OPENING}{marks}\n\n“It stands,” she said.\n") is not None


@settings(hostile, max_examples=50)
@given(
    st.text(min_size=500, max_size=20000).filter(lambda h: h.strip()),
    st.lists(st.sampled_from(["Abc", "Xyz", "de", "O’Brien", "al-Assad", "Jr."]), min_size=50, max_size=2000),
)
def test_over_long_headlines_and_names_give_a_document_or_an_error(headline, name):
    speaker = " ".join(name)
    read(f"{headline}\n\n{PUBLISHED}\n\n{speaker} spoke first.\n\n“We will rebuild,” {speaker} said.\n")


FIVE_MEGABYTE_PARAGRAPHS = {
    "prose": lambda: (
        repeated("The council met on Monday, she said, and agreed plan {i}. ", 5 * 2**20)
        + " “It stands,” Jane Smith said."
    ),
    "quote marks": lambda: repeated("“‘«„‚ a {i} ”’»‟›\" ' ", 5 * 2**20),
}


@pytest.mark.parametrize("kind", FIVE_MEGABYTE_PARAGRAPHS)
def test_a_five_megabyte_paragraph_gives_a_document(kind):
    document, extraction = read(f"{OPENING}{FIVE_MEGABYTE_PARAGRAPHS[kind]()}\n")

    assert len(document.paragraphs[-1].encode()) > 4 * 2**20
    if kind == "prose":
        assert [(q.text, q.speaker) for q in extraction.quotes] == [("It stands", "Jane Smith")]
