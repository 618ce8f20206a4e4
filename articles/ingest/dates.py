"""Dates: the date lines of a raw copy, and the day a quote was said, from words like "on Monday"."""

import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum
from zoneinfo import ZoneInfo

from articles.ingest.lexicon import alternation
from articles.ingest.lexicon.calendar import (
    MONTH_ABBREVIATIONS,
    MONTH_NAMES,
    WEEKDAY_ABBREVIATIONS,
    WEEKDAY_NAMES,
)
from articles.ingest.typography import APOSTROPHES

# Month and weekday numbers by name and abbreviation: "sept" is 9, "tue" 1 (Monday is 0).
MONTHS = {
    name: number
    for number, names in enumerate(zip(MONTH_NAMES, MONTH_ABBREVIATIONS, strict=True), start=1)
    for name in (names[0], *names[1])
}
WEEKDAYS = {
    name: number
    for number, names in enumerate(zip(WEEKDAY_NAMES, WEEKDAY_ABBREVIATIONS, strict=True))
    for name in (names[0], *names[1])
}


def _fixed(hours: float, name: str) -> dt.timezone:
    return dt.timezone(dt.timedelta(hours=hours), name)


# A zone printed in the line wins over the outlet's zone. Abbreviations name fixed offsets; the
# generic US names follow daylight saving through their zone.
ZONES: dict[str, dt.tzinfo] = {
    "UTC": dt.UTC,
    "GMT": _fixed(0, "GMT"),
    "Z": dt.UTC,
    "BST": _fixed(1, "BST"),
    "IST": _fixed(5.5, "IST"),
    "CET": _fixed(1, "CET"),
    "CEST": _fixed(2, "CEST"),
    "EET": _fixed(2, "EET"),
    "EEST": _fixed(3, "EEST"),
    "MSK": _fixed(3, "MSK"),
    "EST": _fixed(-5, "EST"),
    "EDT": _fixed(-4, "EDT"),
    "CST": _fixed(-6, "CST"),
    "CDT": _fixed(-5, "CDT"),
    "MST": _fixed(-7, "MST"),
    "MDT": _fixed(-6, "MDT"),
    "PST": _fixed(-8, "PST"),
    "PDT": _fixed(-7, "PDT"),
    "AKST": _fixed(-9, "AKST"),
    "HST": _fixed(-10, "HST"),
    "HKT": _fixed(8, "HKT"),
    "SGT": _fixed(8, "SGT"),
    "PHT": _fixed(8, "PHT"),
    "WIB": _fixed(7, "WIB"),
    "ICT": _fixed(7, "ICT"),
    "KST": _fixed(9, "KST"),
    "JST": _fixed(9, "JST"),
    "AEST": _fixed(10, "AEST"),
    "AEDT": _fixed(11, "AEDT"),
    "ACST": _fixed(9.5, "ACST"),
    "AWST": _fixed(8, "AWST"),
    "NZST": _fixed(12, "NZST"),
    "NZDT": _fixed(13, "NZDT"),
    "ET": ZoneInfo("America/New_York"),
    "CT": ZoneInfo("America/Chicago"),
    "MT": ZoneInfo("America/Denver"),
    "PT": ZoneInfo("America/Los_Angeles"),
}

_LABEL = re.compile(
    r"""
    (?P<label>first\s+published|last\s+updated|published|updated|posted|modified)  # "PUBLISHED"
    (?:\s+(?:on|at))?                                                          # " on"
    \s*[:|\-–—]?\s*                                                             # " : "
    """,
    re.VERBOSE | re.IGNORECASE,
)
_TOKEN = re.compile(
    r"""
    (?P<iso>\d{4}-\d{2}-\d{2})(?:[T\s](?P<isotime>\d{1,2}:\d{2}(?::\d{2})?))?
  | (?P<numeric>\d{4}/\d{1,2}/\d{1,2}|\d{1,2}(?P<nsep>[/.])\d{1,2}(?P=nsep)\d{4})\b
  | (?P<time>\d{1,2})[:.](?P<minute>\d{2})(?::\d{2})?\s*(?P<ampm>[ap]\.?m\b\.?)?
  | (?P<hour>\d{1,2})\s*(?P<hampm>[ap]\.?m\b\.?)
  | (?P<offset>(?:UTC|GMT)\s*[+−-]\s*\d{1,2}(?::?\d{2})?|[+−-]\d{2}:?\d{2}\b)
  | (?P<num>\d{1,4})(?:st|nd|rd|th)?\b
  | (?P<word>[A-Za-z]+)\.?
  | (?P<sep>[\s,|;/()@–—-]+)
  | (?P<other>.)
    """,
    re.VERBOSE | re.IGNORECASE,
)
_FILLER = {"at", "on", "the", "of", "local", "time"}


class DateLabel(StrEnum):
    PUBLISHED = "published"
    UPDATED = "updated"


class NotADate(ValueError):
    """A line shaped like a date line whose date, time or zone cannot be: "30 February 2018 is not a
    date", "25:61pm is not a time"."""


@dataclass(frozen=True)
class DateLine:
    label: DateLabel
    when: dt.datetime


def parse_date_line(line: str, tz: dt.tzinfo) -> DateLine | None:
    """A line that holds only a date (and perhaps a time, a zone and a PUBLISHED/UPDATED label), else None.

    Of a line that holds two ("PUBLISHED: ... | UPDATED: ..."), the first. Raises NotADate for a line
    made only of a date's parts that names no moment: "30 February 2018", "27 March 2018, 25:61pm",
    a zone offset of 24 hours or more, or a moment that leaves the calendar (years 1 to 9999) when
    written in UTC, as the database stores it.
    """
    found = date_lines(line, tz)
    return found[0] if found else None


# Pieces of one printed line: "PUBLISHED: ... | UPDATED: ...", "June 3, 2019 / 2:05 PM / Updated 2 hours ago".
_PIECE_MARKS = ("|", " / ", "•", "·")
_PIECES = re.compile(rf"\s*(?:{'|'.join(re.escape(mark).replace('\\ ', r'\s') for mark in _PIECE_MARKS)})\s*")
_RELATIVE = re.compile(
    r"""
    ^(?:(?:last\s+)?(?:updated|published|posted|modified)\s*:?\s*)?    # "Updated: "
    (?:
        (?:\d+|an?|one|a\s+few)\s+                                     # "2 ", "a few "
        (?:sec|second|min|minute|hr|hour|day|week)s?\s+ago              # "hours ago"
      | just\s+now                                                     # "just now"
    )$
    """,
    re.VERBOSE | re.IGNORECASE,
)
# "By DAVID MARTOSKO For Dailymail.com", "By Jane Smith and John Doe, Reuters": a byline, not a sentence
# ("By Monday, officials had ..."): after "By", only capitalised words and a few small ones.
BYLINE = re.compile(r"^(?:[Bb]y|BY|[Ww]ritten\s+by)\s+(?=[A-Z])")
_BYLINE_WORD = re.compile(r"[^\s,;&|]+")
_BYLINE_SMALL = frozenset(
    [
        "and",
        "for",
        "in",
        "of",
        "the",
        "at",
        "with",
        "from",
        "to",
        "on",
        "&",
        "staff",
        "senior",
        "chief",
        "political",
        "foreign",
        "us",
        "uk",
        "writer",
        "reporter",
        "correspondent",
        "editor",
        "contributor",
    ]
)


def is_byline(line: str) -> bool:
    """Whether a line is only a byline: "By Jane Smith", "By DAVID MARTOSKO, US POLITICAL EDITOR"."""
    m = BYLINE.match(line)
    if m is None or len(line) > 120 or line.rstrip()[-1:] in ".!?:" and not line.rstrip().endswith(".com"):
        return False
    names = _BYLINE_WORD.findall(line[m.end() :])
    return 0 < len(names) <= 16 and all(w[0].isupper() or w.lower() in _BYLINE_SMALL for w in names)


def is_relative_time(line: str) -> bool:
    """ "Updated 2 hours ago": a time the copy no longer holds, printed beside a date line."""
    return _RELATIVE.match(line.strip()) is not None


def date_lines(line: str, tz: dt.tzinfo) -> tuple[DateLine, ...]:
    """The dates a line holds and nothing else; empty if it is not a date line.

    Most lines hold one. Some outlets print two on one line ("PUBLISHED: 10:10 EST, 6 December 2012 |
    UPDATED: 12:27 EST, 6 December 2012"), or a date and its time as pieces with a relative time
    ("June 3, 2019 / 2:05 PM / Updated 2 hours ago", whose relative part is ignored).
    """
    if (single := _parse_labelled(line, tz)) is not None:
        return (single,)
    if len(line) > 200 or not any(mark in line for mark in _PIECE_MARKS):
        return ()
    pieces = [p for p in _PIECES.split(line.strip()) if p]
    if len(pieces) < 2:
        return ()
    groups: list[str] = []
    for piece in pieces:
        if is_relative_time(piece) or is_byline(piece):
            continue
        if _LABEL.match(piece) or not groups:
            groups.append(piece)
        else:
            groups[-1] += ", " + piece
    found = tuple(_parse_labelled(group, tz) for group in groups)
    return found if found and None not in found else ()


def _parse_labelled(line: str, tz: dt.tzinfo) -> DateLine | None:
    text = line.strip()
    label = DateLabel.PUBLISHED
    if m := _LABEL.match(text):
        updated = m["label"].lower().endswith(("updated", "modified"))
        label = DateLabel.UPDATED if updated else DateLabel.PUBLISHED
        text = text[m.end() :]
    when = _parse_moment(text, tz)
    return DateLine(label, when) if when else None


def _parse_moment(text: str, tz: dt.tzinfo) -> dt.datetime | None:
    year = month = day = weekday = clock = zone = None
    printed = {}  # how the date, the time and the offset were written, for an error
    for m in _TOKEN.finditer(text):
        if m["other"]:
            return None
        if m["iso"]:
            if year is not None:
                return None
            year, month, day = (int(part) for part in m["iso"].split("-"))
            printed["date"] = m["iso"]
            if m["isotime"]:
                clock = _clock(*m["isotime"].split(":")[:2], None)
                printed["time"] = m["isotime"]
        elif m["numeric"]:
            if year is not None or (found := _numeric(m["numeric"])) is None:
                return None
            year, month, day = found
            printed["date"] = m["numeric"]
        elif m["time"] or m["hour"]:
            if clock is not None:
                return None
            clock = _clock(m["time"] or m["hour"], m["minute"] or 0, m["ampm"] or m["hampm"])
            printed["time"] = m.group().strip()
        elif m["offset"]:
            zone = _offset(m["offset"])
            printed["offset"] = m["offset"]
        elif m["num"]:
            number = int(m["num"])
            if len(m["num"]) == 4 and year is None:
                year = number
                printed["year"] = m["num"]
            elif 1 <= number <= 31 and day is None:
                day = number
            else:
                return None
        elif m["word"]:
            word = m["word"]
            lowered = word.lower()
            if lowered in MONTHS and month is None:
                month = MONTHS[lowered]
            elif lowered in WEEKDAYS and weekday is None:
                weekday = WEEKDAYS[lowered]
            elif word.isupper() and word in ZONES and zone is None:
                zone = ZONES[word]
            elif lowered not in _FILLER:
                return None
    if year is None or month is None or day is None:
        return None
    # The line is made of a date's parts: what it names must be a moment.
    date = printed.get("date") or f"{day} {MONTH_NAMES[month - 1].capitalize()} {printed['year']}"
    if clock is False:
        raise NotADate(f"{printed['time']} is not a time")
    if zone is False:
        raise NotADate(f"{printed['offset']} is not an offset from UTC")
    hour, minute = clock or (0, 0)
    try:
        moment = dt.datetime(year, month, day, hour, minute).replace(tzinfo=zone or tz)
    except ValueError:
        raise NotADate(f"{date} is not a date") from None
    try:
        moment.astimezone(dt.UTC)
    except OverflowError:
        raise NotADate(f"{date} is outside the calendar once written in UTC") from None
    return moment


def _numeric(text: str) -> tuple[int, int, int] | None:
    """(year, month, day) of "2019/06/03", or of "25/12/2018" only where day and month cannot be swapped."""
    parts = [int(p) for p in re.split(r"[/.]", text)]
    if parts[0] > 31:
        return parts[0], parts[1], parts[2]
    a, b, year = parts
    if a == b or a > 12 >= b:
        return year, b, a
    if b > 12 >= a:
        return year, a, b
    return None  # 06/03/2019: 6 March or June 3, the copy does not say


def _clock(hour: str, minute: str | int, ampm: str | None) -> tuple[int, int] | bool:
    """(hour, minute) on a 24-hour clock, or False for a time no clock shows."""
    h, m = int(hour), int(minute)
    if ampm:
        if not 1 <= h <= 12:
            return False
        h = h % 12 + (12 if ampm[0].lower() == "p" else 0)
    return (h, m) if h <= 23 and m <= 59 else False


def _offset(text: str) -> dt.timezone | bool:
    """The fixed zone of "UTC+8" or "-05:00", or False for an offset no zone has (24 hours or more)."""
    sign = -1 if "-" in text or "−" in text else 1
    digits = re.sub(r"\D", "", text)
    hours, minutes = (int(digits[:-2] or 0), int(digits[-2:])) if len(digits) > 2 else (int(digits), 0)
    try:
        return dt.timezone(sign * dt.timedelta(hours=hours, minutes=minutes))
    except ValueError:
        return False


_WEEKDAY_NAMES = alternation(WEEKDAY_NAMES)
_MONTH_NAMES = "|".join(
    [
        alternation(MONTH_NAMES),
        *(rf"{short.capitalize()}\." for names in MONTH_ABBREVIATIONS for short in names),
    ]
)
# Month and weekday names only count capitalised: "may" and "march" are also verbs. "Today" and "Tonight"
# count capitalised only opening a sentence: elsewhere they name programmes ("the BBC's Today programme").
_SAID_ON = re.compile(
    rf"""
    \b(?:(?P<last>[Ll]ast|[Tt]his\s+past)\s+|(?P<coming>[Nn]ext|[Tt]his\s+coming)\s+|(?:[Oo]n|[Tt]his)\s+)?
      (?P<weekday>{_WEEKDAY_NAMES})\b(?![{APOSTROPHES}]s)
  | \b(?P<month>{_MONTH_NAMES})\s*(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>\d{{4}}))?
  | \b(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month2>{_MONTH_NAMES})(?:,?\s+(?P<year2>\d{{4}}))?
  | \b(?P<yesterday>[Yy]esterday|[Ll]ast\s+night)\b
  | \b(?P<today>today|tonight|this\s+(?:morning|afternoon|evening)
      |(?:^|(?<=[.!?\ue001]\s))(?:Today|Tonight|This\s+(?:morning|afternoon|evening)))\b
    """,
    re.VERBOSE,
)


def said_on(text: str, published: dt.date, anchor: int | None = None) -> dt.date | None:
    """The day that words in `text` such as "on Monday" or "March 23" name, counted back from `published`.

    When several are named, the one nearest `anchor` (the speech verb) wins. "last week" and the like
    name no single day and give None, as do words that would name a day before the calendar begins
    ("last Tuesday" in a copy published on 1 January of year 1): the quote is then dated as one whose
    words name no day.
    """
    best = None
    for m in _SAID_ON.finditer(text):
        day = _day(m, published)
        if day is None:
            continue
        distance = 0 if anchor is None else min(abs(m.start() - anchor), abs(m.end() - anchor))
        if best is None or distance < best[0]:
            best = (distance, day)
    return best[1] if best else None


def _day(m: re.Match, published: dt.date) -> dt.date | None:
    if m["weekday"]:
        if m["coming"]:
            return None
        back = (published.weekday() - WEEKDAYS[m["weekday"].lower()]) % 7
        if m["last"] and back == 0:
            back = 7
        return _days_before(published, back)
    if m["yesterday"]:
        return _days_before(published, 1)
    if m["today"]:
        return published
    month = MONTHS[(m["month"] or m["month2"]).rstrip(".").lower()]
    day = int(m["day"] or m["day2"])
    year = m["year"] or m["year2"]
    try:
        if year:
            return dt.date(int(year), month, day)
        candidate = dt.date(published.year, month, day)
        return candidate if candidate <= published else dt.date(published.year - 1, month, day)
    except ValueError:  # 30 February, or a year before year 1
        return None


def _days_before(day: dt.date, days: int) -> dt.date | None:
    try:
        return day - dt.timedelta(days=days)
    except OverflowError:  # before 1 January of year 1
        return None
