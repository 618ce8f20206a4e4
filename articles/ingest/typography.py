"""Characters of printed copy: quote marks, apostrophes, letter classes, whitespace.

Every quote-mark character is named here once; the readers of quotations, sentences and names build
their character classes from these names.
"""

import re
import unicodedata

# Character classes for regular expressions; the re module has no \p{Lu}.
UPPER = "".join(chr(c) for c in range(0x41, 0x2000) if chr(c).isupper())

STRAIGHT_DOUBLE = '"'
STRAIGHT_SINGLE = "'"
LEFT_DOUBLE = "“"
RIGHT_DOUBLE = "”"
LEFT_SINGLE = "‘"
RIGHT_SINGLE = "’"  # also typeset copy's apostrophe: "don’t", "O’Brien"
OPENING_DOUBLE = LEFT_DOUBLE + "„‟«"
CLOSING_DOUBLE = RIGHT_DOUBLE + "»"
OPENING_SINGLE = LEFT_SINGLE + "‚‛‹"
CLOSING_SINGLE = RIGHT_SINGLE + "›"
DOUBLE_MARKS = STRAIGHT_DOUBLE + OPENING_DOUBLE + CLOSING_DOUBLE
SINGLE_MARKS = STRAIGHT_SINGLE + OPENING_SINGLE + CLOSING_SINGLE
QUOTE_CHARS = DOUBLE_MARKS + SINGLE_MARKS
# The marks that stand inside words: "O'Brien", "don’t".
APOSTROPHES = STRAIGHT_SINGLE + RIGHT_SINGLE
# Each straight mark and every mark that straighten() turns into it.
SPELLINGS = {STRAIGHT_DOUBLE: DOUBLE_MARKS, STRAIGHT_SINGLE: SINGLE_MARKS}

_STRAIGHT = [(mark, STRAIGHT_DOUBLE) for mark in OPENING_DOUBLE + CLOSING_DOUBLE] + [
    (mark, STRAIGHT_SINGLE) for mark in OPENING_SINGLE + CLOSING_SINGLE
]
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")


def straighten(text: str) -> str:
    """Curly quotes and apostrophes as their straight forms: "O’Brien" and "O'Brien" compare equal."""
    if text.isascii():
        return text
    for mark, straight in _STRAIGHT:  # a replace() per mark beats one translate() many times over
        if mark in text:
            text = text.replace(mark, straight)
    return text


def drop_invisible(text: str) -> str:
    """Without zero-width characters and soft hyphens."""
    return text if text.isascii() else _INVISIBLE.sub("", text)


def clean_line(text: str) -> str:
    """One line of copy: runs of any whitespace as one space."""
    return " ".join(text.split())


def comparable(text: str) -> str:
    """A form for comparing quoted words however they were typed: straight marks, no outer marks, spaces."""
    return " ".join(straighten(text).split()).strip(" " + STRAIGHT_DOUBLE + STRAIGHT_SINGLE).casefold()


def fold(word: str) -> str:
    """A word without accents, for matching "Erdogan" to "Erdoğan"."""
    if word.isascii():
        return word
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("ı", "i")
