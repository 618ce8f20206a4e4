"""Reading a raw copy: headline, standfirst, date lines, body paragraphs and pull quotes."""

import codecs
import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum
from itertools import accumulate

from articles.ingest.dates import (
    BYLINE,
    DateLabel,
    DateLine,
    NotADate,
    date_lines,
    is_byline,
    is_relative_time,
)
from articles.ingest.errors import SeedFormatError
from articles.ingest.lexicon.people import NAME_PREFIXES, PARTICLES
from articles.ingest.typography import (
    APOSTROPHES,
    QUOTE_CHARS,
    STRAIGHT_DOUBLE,
    STRAIGHT_SINGLE,
    UPPER,
    clean_line,
    comparable,
    drop_invisible,
)

DATE_LINE_EXAMPLES = "'PUBLISHED : Tuesday, 27 March, 2018, 5:55pm' or 'Friday, September 6, 2019'"
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_NOT_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff]")
_LONE_ATTRIBUTION = re.compile(r"^[—―]\s*\S")
# Photo captions and credits: "Image: John Lubbock (flickr).", "(AP Photo/Evan Vucci)", "Getty/Instagram.",
# "Lots of protestors. Image: John Lubbock (flickr).", "Shoppers in Mesa. (Fox News Photo/Kyle Brennan)".
_CREDIT_ONLY = re.compile(
    r"""^(?:
        \(?(?:[A-Z][\w.&'’!-]*[ ]?){1,4}(?:/[ ]?(?:[A-Z][\w.&'’!-]*[ ]?){1,4})+\)?\.?   # "Getty/Instagram."
      | \(?(?:[A-Z][\w.&'’-]*[ ]){0,3}(?:Images|Photos?|Pool)\)?\.?                # "Getty Images"
      | (?:Image|Photo|Photograph|Picture|Credit|Illustration|Video)s?[ ]?:[ ]?.{1,80}  # "Image: X."
    )$""",
    re.VERBOSE,
)
_MAY_CREDIT = re.compile(r"/|:|Images?\b|Photos?\b|Pool\b")  # what every caption or credit line holds
_CAPTION = re.compile(
    r"""(?:^|[.!?”"][ ])(?:
        (?:Image|Photo|Photograph|Picture|Credit|Illustration)s?[ ]?:[ ]?[^.:]{1,80}\.?   # "... Image: X."
      | \((?:[^()]*\b(?:Photo|Image|Getty|Reuters|AFP|AP)\b[^()]*|[^()]*\w/\w[^()]*)\)\.?  # "(AP Photo/X)"
    )$""",
    re.VERBOSE,
)
# A credit line: a name of up to five words (initials and particles allowed), perhaps a role after a comma.
_NAME_WORD = rf"""
    (?:[{UPPER}][\w{APOSTROPHES}.-]*                          # "Sam", "O’Brien", "J."
      | (?:{"|".join(sorted(PARTICLES | set(NAME_PREFIXES)))})(?=[\s-])   # "van", "al-"
    )"""
_CREDIT = re.compile(
    rf"""
    ^[—―–-]*\s*                                       # "— " or nothing
    (?P<name>{_NAME_WORD}(?:[\s-]+{_NAME_WORD}){{0,4}})  # "Sam Rainsy", "Ursula von der Leyen"
    (?:,\s*[^.!?]{{1,60}})?$                           # ", former leader of the CNRP"
    """,
    re.VERBOSE,
)
PUBLISHED, UPDATED = DateLabel.PUBLISHED, DateLabel.UPDATED
# A copy has a handful of pull quotes. Each block shaped like one (words and a name line) is compared
# with the whole copy, so only the first so many are read as pull quotes and the rest stay body text:
# reading time stays linear in the copy's length however many there are.
MAX_PULL_QUOTES = 64
_STRAIGHT_MARKS = " " + STRAIGHT_DOUBLE + STRAIGHT_SINGLE
_ELLIPSIS = re.compile(r"\s*(?:\.\s?\.\s?\.|…|\[\.\.\.\])\s*")


class LeftOutKind(StrEnum):
    CAPTION = "caption"  # a photo's caption with its credit
    CREDIT = "credit"  # a credit line alone: "Getty/Instagram."
    LONE_ATTRIBUTION = "lone_attribution"  # "—Name on the subject", whose quote is missing
    BYLINE = "byline"
    PULL_QUOTE = "pull_quote"


@dataclass(frozen=True)
class LeftOut:
    """A line the parser kept out of the body, for the loader to report."""

    line: int
    text: str
    kind: LeftOutKind


@dataclass(frozen=True)
class PullQuote:
    text: str
    speaker: str  # the name line as written
    line: int


@dataclass(frozen=True)
class ParsedDocument:
    source: str
    headline: str
    standfirst: str
    published_at: dt.datetime
    updated_at: dt.datetime | None
    paragraphs: tuple[str, ...]
    pull_quotes: tuple[PullQuote, ...]
    # Where they stand in the raw copy, for messages about them: the headline's line, and the line
    # each body paragraph begins on.
    headline_line: int = 1
    paragraph_lines: tuple[int, ...] = ()
    left_out: tuple[LeftOut, ...] = ()  # in order of line
    bylines: tuple[str, ...] = ()  # the names of the byline lines, in order: "By Jane Smith and John Doe"


@dataclass
class _Block:
    line: int
    lines: list[str]

    @property
    def text(self) -> str:
        return " ".join(self.lines)


def parse_document(raw: bytes | str, *, source: str, tz: dt.tzinfo) -> ParsedDocument:
    """Read a raw copy; `tz` is the outlet's zone, for printed times that name no zone of their own.

    The date line may carry a PUBLISHED and an UPDATED time, on two lines or on one ("PUBLISHED: ... |
    UPDATED: ..."). A copy that prints only an updated time ("Updated June 3, 2019 2:05pm ET") is
    taken to have been published then, and its `updated_at` is None: the copy shows no later version
    than the one it was first read in. Byline lines ("By Jane Smith") next to the date line are neither
    standfirst nor body. An UPDATED time earlier than the PUBLISHED time is an error on the UPDATED line.
    """
    text = _decode(raw, source)
    _refuse_control_characters(text, source)
    lines = [clean_line(line) for line in _LINE_BREAK.split(drop_invisible(text))]
    blocks = _blocks(lines)
    if not blocks:
        raise SeedFormatError(source, 1, "expected a headline on the first line; the file is empty")
    first = blocks[0]
    headline = first.lines[0]
    if _dates_of(source, first.line, headline, tz):
        raise SeedFormatError(source, first.line, f"expected a headline before the date line {headline!r}")
    rest = [_Block(first.line + 1, first.lines[1:])] if len(first.lines) > 1 else []
    standfirst, dates, body = _split_at_dates(source, rest + blocks[1:], tz, after=first.line)
    bylines = [
        LeftOut(block.line + i, line, LeftOutKind.BYLINE)
        for block in rest + blocks[1:]
        if block.line < (body[0].line if body else block.line + 1)
        for i, line in enumerate(block.lines)
        if is_byline(line)
    ]
    if UPDATED in dates and dates[UPDATED][1] < dates[PUBLISHED][1]:
        (line, updated), (_, published) = dates[UPDATED], dates[PUBLISHED]
        raise SeedFormatError(
            source,
            line,
            f"the UPDATED time ({updated:%Y-%m-%d %H:%M %z}) is earlier than "
            f"the PUBLISHED time ({published:%Y-%m-%d %H:%M %z})",
        )
    paragraphs, paragraph_lines, pull_quotes, left_out = _body(body)
    if not paragraphs:
        last_date_line = max(line for line, _ in dates.values())
        raise SeedFormatError(source, last_date_line + 1, "expected body paragraphs after the date line")
    return ParsedDocument(
        source=source,
        headline=headline,
        standfirst="\n\n".join(block.text for block in standfirst),
        published_at=dates[PUBLISHED][1],
        updated_at=dates[UPDATED][1] if UPDATED in dates else None,
        paragraphs=tuple(paragraphs),
        pull_quotes=tuple(pull_quotes),
        headline_line=first.line,
        paragraph_lines=tuple(paragraph_lines),
        left_out=tuple(sorted(bylines + left_out, key=lambda item: item.line)),
        bylines=tuple(name for item in bylines for name in byline_names(item.text)),
    )


def _split_at_dates(source: str, blocks: list[_Block], tz: dt.tzinfo, after: int):
    """The standfirst blocks, the date lines ({label: (line, datetime)}) and the body blocks."""
    standfirst, dates = [], {}
    for index, block in enumerate(blocks):
        offset = next(
            (i for i, line in enumerate(block.lines) if _is_date_line(source, block.line + i, line, tz)), None
        )
        if offset is None:
            standfirst.append(block)
            continue
        if offset:
            standfirst.append(_Block(block.line, block.lines[:offset]))
        end = _read_dates(source, block, offset, tz, dates)
        body = [_Block(block.line + end, block.lines[end:])] if end < len(block.lines) else []
        body += blocks[index + 1 :]
        k = 0
        while k < len(body) and all(
            _is_date_line(source, body[k].line + i, line, tz) or _beside_date(line)
            for i, line in enumerate(body[k].lines)
        ):
            _read_dates(source, body[k], 0, tz, dates)
            k += 1
        body = body[k:]
        if PUBLISHED not in dates:
            dates[PUBLISHED] = dates.pop(UPDATED)
        standfirst = [b for b in (_without_bylines(b) for b in standfirst) if b.lines]
        return standfirst, dates, body
    where = blocks[0].line if blocks else after + 1
    raise SeedFormatError(source, where, f"expected a date line such as {DATE_LINE_EXAMPLES}; found none")


def _dates_of(source: str, number: int, line: str, tz: dt.tzinfo) -> tuple[DateLine, ...]:
    """The dates line `number` holds, if it is a date line; an error if it names a moment that cannot
    be ("30 February 2018", "25:61pm"), rather than "no date line found" further on."""
    try:
        return date_lines(line, tz)
    except NotADate as error:
        raise SeedFormatError(source, number, str(error)) from None


def _is_date_line(source: str, number: int, line: str, tz: dt.tzinfo) -> bool:
    return len(line) < 200 and bool(_dates_of(source, number, line, tz))


def _beside_date(line: str) -> bool:
    """A byline or a relative time ("Updated 2 hours ago") printed with the date lines."""
    return is_byline(line) or is_relative_time(line)


def _without_bylines(block: _Block) -> _Block:
    if not any(is_byline(line) for line in block.lines):
        return block
    kept = [(i, line) for i, line in enumerate(block.lines) if not is_byline(line)]
    return _Block(block.line + (kept[0][0] if kept else 0), [line for _, line in kept])


def _decode(raw: bytes | str, source: str) -> str:
    if isinstance(raw, str):
        return raw.removeprefix("\ufeff")
    data = raw.removeprefix(codecs.BOM_UTF8)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = len(_LINE_BREAK.split(data[: e.start].decode("utf-8")))
        raise SeedFormatError(
            source, line, f"expected UTF-8 text; byte 0x{data[e.start]:02x} is not valid UTF-8"
        ) from None


def _refuse_control_characters(text: str, source: str) -> None:
    """Control characters (but tab and line breaks) are no text a reader sees, and PostgreSQL cannot
    store NUL; a lone surrogate cannot even be written as UTF-8."""
    if (m := _NOT_TEXT.search(text)) is None:
        return
    code = ord(m.group())
    if code == 0:
        what = "a NUL character"
    elif code < 0x20:
        what = "a control character"
    else:
        what = "a lone surrogate"
    line = len(_LINE_BREAK.findall(text, 0, m.start())) + 1
    raise SeedFormatError(source, line, f"{what} (U+{code:04X}) is not text")


def _blocks(lines: list[str]) -> list[_Block]:
    blocks, current = [], None
    for number, line in enumerate(lines, start=1):
        if not line:
            current = None
        elif current is None:
            current = _Block(number, [line])
            blocks.append(current)
        else:
            current.lines.append(line)
    return blocks


def _read_dates(source: str, block: _Block, offset: int, tz: dt.tzinfo, dates: dict) -> int:
    """Record the date lines of `block` from `offset` on; returns the offset of its first other line."""
    for i in range(offset, len(block.lines)):
        found = _dates_of(source, block.line + i, block.lines[i], tz)
        if not found:
            if _beside_date(block.lines[i]):
                continue
            return i
        for line in found:
            dates.setdefault(line.label, (block.line + i, line.when))
    return len(block.lines)


def _body(blocks: list[_Block]) -> tuple[list[str], list[int], list[PullQuote], list[LeftOut]]:
    # A pull quote repeats words of the body; a block that merely looks like one stays body text. A
    # credit after a dash ("—Troy Roberts") under a quotation that repeats nothing is its attribution.
    entries = []  # [text, credit or None, block, the credit line after a dash or ""]
    left_out = []
    for block in blocks:
        text = block.text
        if len(block.lines) == 1 and _LONE_ATTRIBUTION.match(text):
            previous = entries[-1] if entries else None
            if previous is not None and previous[0].rstrip()[-1:] in _CLOSING and not previous[3]:
                previous[1], previous[3] = (found["name"] if (found := _credit(text)) else None), text
            else:
                left_out.append(LeftOut(block.line, text, LeftOutKind.LONE_ATTRIBUTION))
            continue
        if (
            len(text) <= 300
            and _MAY_CREDIT.search(text)
            and (_CREDIT_ONLY.match(text) or _CAPTION.search(text))
        ):
            kind = LeftOutKind.CREDIT if _CREDIT_ONLY.match(text) and ":" not in text else LeftOutKind.CAPTION
            left_out.append(LeftOut(block.line, text, kind))
            continue
        credit = _credit(block.lines[-1]) if len(block.lines) > 1 else None
        if credit and _LONE_ATTRIBUTION.match(block.lines[-1]):
            entries.append([" ".join(block.lines[:-1]), credit["name"], block, block.lines[-1]])
        elif credit:
            entries.append([" ".join(block.lines[:-1]), credit["name"], block, ""])
        else:
            entries.append([text, None, block, ""])

    copy = _Copy(entries)
    paragraphs, lines, pull_quotes = [], [], []
    candidates = 0  # blocks shaped like a pull quote
    i = 0
    while i < len(entries):
        text, credit, block, dashed = entries[i]
        if candidates < MAX_PULL_QUOTES:
            if credit is None and i + 1 < len(entries) and entries[i + 1][1] is None:
                if lone := _credit(entries[i + 1][0]):
                    candidates += 1
                    if copy.repeats(i):
                        pull_quotes.append(PullQuote(_strip_marks(text), lone["name"], block.line))
                        left_out.append(LeftOut(block.line, text, LeftOutKind.PULL_QUOTE))
                        i += 2
                        continue
            elif credit is not None:
                candidates += 1
                quoted = text[:1] in QUOTE_CHARS and text[-1:] in QUOTE_CHARS
                if quoted and not dashed or copy.repeats(i):
                    pull_quotes.append(PullQuote(_strip_marks(text), credit, block.line))
                    left_out.append(LeftOut(block.line, text, LeftOutKind.PULL_QUOTE))
                    i += 1
                    continue
        if dashed:
            paragraphs.append(f"{text} {dashed}")
        else:
            paragraphs.append(text if credit is None else block.text)
        lines.append(block.line)
        i += 1
    return paragraphs, lines, pull_quotes, left_out


_CLOSING = QUOTE_CHARS


def byline_names(line: str) -> list[str]:
    """The people a byline names, without outlets or roles: "By Jane Smith and John Doe, Reuters" ->
    ["Jane Smith", "John Doe"]; a name printed in capitals in its usual case: "David Martosko"."""
    rest = BYLINE.sub("", line, count=1)
    rest = re.split(r"\s+(?:[Ff]or|FOR)\s+|\s*\|\s*", rest)[0]
    names = []
    for piece in re.split(r"\s*,\s*|\s+(?:and|AND)\s+|\s*&\s*", rest):
        parts = piece.split()
        if len(parts) < 2 or len(parts) > 5 or not all(p[:1].isupper() or p in _NAME_SMALL for p in parts):
            continue
        if any(p.lower().strip(".") in _NOT_IN_BYLINE_NAMES for p in parts) or "." in parts[-1][1:]:
            continue
        names.append(" ".join(_usual_case(p) for p in parts) if piece.isupper() else piece)
    return names


_NAME_SMALL = frozenset(PARTICLES | set(NAME_PREFIXES))
_NOT_IN_BYLINE_NAMES = frozenset(
    ("staff", "writer", "reporter", "correspondent", "editor", "political", "senior", "chief", "foreign")
    + ("us", "uk", "news", "press", "associated", "the", "times", "post")
)


def _usual_case(word: str) -> str:
    return "-".join(
        part.capitalize() if part[:2].lower() != "o'" else "O'" + part[2:].capitalize()
        for part in word.split("-")
    )


def _credit(line: str) -> re.Match | None:
    return _CREDIT.match(line) if len(line) <= 100 else None


class _Copy:
    """The body blocks in their comparable forms, joined once (when a block first may be a pull
    quote), so that asking whether a block's words stand elsewhere costs one scan of the copy."""

    def __init__(self, entries: list):
        self.entries = entries
        self.texts: list[str] = []

    def repeats(self, index: int) -> bool:
        """Whether each part of block `index` (its words between ellipses) stands in another block."""
        if not self.texts:
            self.texts = [comparable(entry[0]) for entry in self.entries]
            self.whole = "\n".join(self.texts)  # comparable() leaves no line breaks inside a text
            self.starts = list(accumulate((len(t) + 1 for t in self.texts[:-1]), initial=0))
        parts = [p for p in _ELLIPSIS.split(self.texts[index]) if len(p) > 2]
        return bool(parts) and all(self._elsewhere(part.strip(_STRAIGHT_MARKS), index) for part in parts)

    def _elsewhere(self, words: str, index: int) -> bool:
        start = self.starts[index]
        end = start + len(self.texts[index])
        return (
            not words
            or start > 0
            and self.whole.find(words, 0, start - 1) >= 0
            or self.whole.find(words, end + 1) >= 0
        )


def _strip_marks(text: str) -> str:
    return text.strip(QUOTE_CHARS + " ")
