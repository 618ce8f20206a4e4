"""Characters of printed copy: quote marks, apostrophes, letter classes, whitespace."""

import re
import unicodedata

# Character classes for regular expressions; the re module has no \p{Lu}.
UPPER = "".join(chr(c) for c in range(0x41, 0x2000) if chr(c).isupper())
LOWER = "".join(chr(c) for c in range(0x61, 0x2000) if chr(c).islower())

OPENING_DOUBLE = "“„‟«"
CLOSING_DOUBLE = "”»"
OPENING_SINGLE = "‘‚‛‹"
CLOSING_SINGLE = "’›"
QUOTE_CHARS = OPENING_DOUBLE + CLOSING_DOUBLE + OPENING_SINGLE + CLOSING_SINGLE + "\"'"

_CURLY = re.compile(f"[{OPENING_DOUBLE}{CLOSING_DOUBLE}‘’‚‛‹›]")
_STRAIGHT = {c: '"' for c in OPENING_DOUBLE + CLOSING_DOUBLE} | {c: "'" for c in "‘’‚‛‹›"}
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")


def straighten(text: str) -> str:
    """Curly quotes and apostrophes as their straight forms."""
    return text if text.isascii() else _CURLY.sub(lambda m: _STRAIGHT[m.group()], text)


def drop_invisible(text: str) -> str:
    """Without zero-width characters and soft hyphens."""
    return text if text.isascii() else _INVISIBLE.sub("", text)


def clean_line(text: str) -> str:
    """One line of copy: runs of any whitespace as one space."""
    return " ".join(text.split())


def comparable(text: str) -> str:
    """A form for comparing quoted words however they were typed: straight marks, no outer marks, spaces."""
    return " ".join(straighten(text).split()).strip(" \"'").casefold()


def fold(word: str) -> str:
    """A word without accents, for matching "Erdogan" to "Erdoğan"."""
    if word.isascii():
        return word
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("ı", "i")
