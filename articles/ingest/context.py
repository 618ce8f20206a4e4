"""Where or how words were said, read from their attribution: "at a graduation ceremony", "to reporters"."""

import re

from articles.ingest.lexicon import (
    ADVERBS,
    MONTH_NAMES,
    PARTS_OF_DAY,
    RELATIVE_DAYS,
    WEEKDAY_NAMES,
    alternation,
    word_set,
)
from articles.ingest.names import words
from articles.ingest.sentences import PLACEHOLDERS

_WEEKDAY = alternation(WEEKDAY_NAMES)
# Phrases that only say when ("on Friday", "at 5:30pm", "in March 2019"): one word at a time, each
# followed by spaces or commas, so that no input can make the expression backtrack at length.
_DATED = re.compile(
    r"^(?:(?:on|in|at|during|by|from|since|until|early|late|last|this|next|the)\s+)*"
    rf"(?:(?:{_WEEKDAY}|{'|'.join(RELATIVE_DAYS + PARTS_OF_DAY)}|week|weekend|month|year|"
    rf"{alternation(MONTH_NAMES)}|\d+(?:[:.]\d+)*(?:[ap]\.?m\.?)?|[ap]\.?m\.?)(?:[\s,]+|$))+$"
)
_TRAILING_TIME = re.compile(
    rf"\s+(?:(?:on|last|this|early|late|earlier|later)\s+)?(?:{_WEEKDAY}|{'|'.join(RELATIVE_DAYS)}|"
    r"last\s+\w+)\b.*$"
)
_LEAD = re.compile(
    r"\b(?:Speaking|Writing|Talking|Addressing|Testifying)\s+(?P<pp>(?:at|in|on|during|to|before|from|via)\s[^,;:"
    + PLACEHOLDERS
    + r"]+)"
)
_PREPOSITION_PHRASE = re.compile(
    r"\b(?P<pp>(?:[Oo]n|[Ii]n|[Aa]t|[Dd]uring|[Vv]ia|[Tt]hrough|[Oo]ver)\s+[^,;:.!?"
    + PLACEHOLDERS
    + r"]+?)(?=\s*(?:[,;:.!?"
    + PLACEHOLDERS
    + r"]|$|\s(?:that|he|she|they|it|but|as|after|before|when|while|saying|adding)\b))"
)
_TOLD = re.compile(
    r"\s+(?P<object>(?:(?:the|The)\s+)?[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*)*"
    r"|(?:(?:the|a|an|our|his|her|their|local|state|foreign|national|international)\s+)?"
    r"(?:(?:news|press)\s+conference|reporters|journalists|press|media|public|audience|court|jury|crowd|"
    r"supporters|lawmakers|parliament|guard|correspondent|newspaper|broadcaster|agency|station|committee|"
    r"hearing|rally|panel|inquiry|briefing|meeting|conference|summit|forum|interviewer|podcast|radio))"
)


def _phrase(pp: str) -> str:
    """A prepositional phrase fit to say where or how: no bare times, no trailing "on Monday"."""
    pp = pp.strip().rstrip(".")
    if _DATED.match(pp):
        return ""
    dated_head = _DATED_HEAD.match(pp)
    if dated_head:
        pp = pp[dated_head.end() :]
    pp = _TRAILING_TIME.sub("", pp)
    parts = pp.split()
    if len(parts) < 2 or len(parts) > 12 or parts[1].lower() in _NOT_AN_OBJECT:
        return ""
    return pp[0].lower() + pp[1:]


_DATED_HEAD = re.compile(
    rf"^(?:[Oo]n\s+)?(?:{_WEEKDAY})(?:\s+(?:{'|'.join(PARTS_OF_DAY)}))?\s+(?=(?:in|at|on|during)\s)"
)
_NOT_AN_OBJECT = word_set("to that he she it they we and or but as so then which who")


def context(text: str, verb: int, skip: tuple[int, int]) -> str:
    """Where or how the words were said: "at a graduation ceremony", "to reporters", "in a statement".

    `text` is the attribution's sentence (quotations as placeholders), `verb` the speech verb's offset
    and `skip` the subject's phrase, whose prepositions describe the speaker rather than the saying.
    """
    if (m := _LEAD.search(text)) and (found := _phrase(m["pp"])):
        return found
    verb_word = next((w for w in words(text[verb:], verb)), None)
    if verb_word is not None:
        rest = text[verb_word.end :]
        if verb_word.lower in ("told", "tell", "tells", "telling") and (m := _TOLD.match(rest)):
            told = "to " + m["object"].rstrip(".")
            more = (
                _PREPOSITION_PHRASE.match(rest, m.end() + 1) if rest[m.end() : m.end() + 1] == " " else None
            )
            return f"{told} {_phrase(more['pp'])}".strip() if more else told
        for m in _PREPOSITION_PHRASE.finditer(rest):
            if rest[: m.start()].strip(" ,") and not all(
                w.lower in ADVERBS for w in words(rest[: m.start()])
            ):
                break
            if found := _phrase(m["pp"]):
                return found
    head = text[: skip[0]] + " " * (skip[1] - skip[0]) + text[skip[1] : verb]
    for m in _PREPOSITION_PHRASE.finditer(head):
        if found := _phrase(m["pp"]):
            return found
    return ""
