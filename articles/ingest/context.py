"""Where or how words were said, read from their attribution: "at a graduation ceremony", "to reporters"."""

import re

from articles.ingest.lexicon import alternation, word_set
from articles.ingest.lexicon.calendar import MONTH_NAMES, PARTS_OF_DAY, RELATIVE_DAYS, WEEKDAY_NAMES
from articles.ingest.lexicon.speech import ADVERBS
from articles.ingest.names import first_word, words
from articles.ingest.sentences import PLACEHOLDERS
from articles.ingest.typography import APOSTROPHES

_WEEKDAY = alternation(WEEKDAY_NAMES)
# Phrases that only say when ("on Friday", "at 5:30pm", "in March 2019"): one word at a time, each
# followed by spaces or commas, so that no input can make the expression backtrack at length.
_DATED = re.compile(
    rf"""
    ^(?:(?:on|in|at|during|by|from|since|until|early|late|last|this|next|the)\s+)*   # "on", "early last"
    (?:
        (?:
            {_WEEKDAY}                                       # "Friday"
          | {"|".join(RELATIVE_DAYS + PARTS_OF_DAY)}         # "yesterday", "the morning"
          | week | weekend | month | year                    # "last week"
          | {alternation(MONTH_NAMES)}                       # "in March"
          | \d+(?:[:.]\d+)*(?:[ap]\.?m\.?)?                  # "2019", "5:30pm", "10.15"
          | [ap]\.?m\.?                                      # "5 p.m."
        )
        (?:[\s,]+|$)
    )+$
    """,
    re.VERBOSE,
)
# A time at the end of a phrase: "at the summit on Monday" keeps "at the summit".
_TRAILING_TIME = re.compile(
    rf"""
    \s+(?:(?:on|last|this|early|late|earlier|later)\s+)?     # " on", " late"
    (?:
        {_WEEKDAY}                                           # " on Monday"
      | {"|".join(RELATIVE_DAYS)}                            # " yesterday"
      | last\s+\w+                                           # " last week"
    )\b.*$
    """,
    re.VERBOSE,
)
# "Speaking at a rally in Ohio, ...": where the speaker was, before a comma.
_LEAD = re.compile(
    rf"""
    \b(?:Speaking|Writing|Talking|Addressing|Testifying)\s+
    (?P<pp>(?:at|in|on|during|to|before|from|via)\s[^,;:{PLACEHOLDERS}]+)
    """,
    re.VERBOSE,
)
# A prepositional phrase up to the punctuation, quotation or clause that ends it:
# "on his Facebook page", "in a statement that", "at a graduation ceremony, ...".
_PREPOSITION_PHRASE = re.compile(
    rf"""
    \b(?P<pp>(?:[Oo]n|[Ii]n|[Aa]t|[Dd]uring|[Vv]ia|[Tt]hrough|[Oo]ver)\s+[^,;:.!?{PLACEHOLDERS}]+?)
    (?=\s*(?:
        [,;:.!?{PLACEHOLDERS}]                                                  # "... page, adding"
      | $
      | \s(?:that|he|she|they|it|but|as|after|before|when|while|saying|adding)\b  # "... Monday that he"
    ))
    """,
    re.VERBOSE,
)
# Whom words were told to: "told Reuters", "told the BBC's Today programme", "told reporters".
_TOLD = re.compile(
    rf"""
    \s+(?P<object>
        (?:(?:the|The)\s+)?[A-Z][\w&.{APOSTROPHES}-]*             # "Reuters", "the Associated Press"
        (?:\s+[A-Z][\w&.{APOSTROPHES}-]*)*
      | (?:(?:the|a|an|our|his|her|their|local|state|foreign|national|international)\s+)?  # "local reporters"
        (?:
            (?:news|press)\s+conference | reporters | journalists | press | media | public
          | audience | court | jury | crowd | supporters | lawmakers | parliament | guard
          | correspondent | newspaper | broadcaster | agency | station | committee | hearing
          | rally | panel | inquiry | briefing | meeting | conference | summit | forum
          | interviewer | podcast | radio
        )
    )
    """,
    re.VERBOSE,
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


# A day at the head of a place: "Monday morning at the White House" keeps "at the White House".
_DATED_HEAD = re.compile(
    rf"""
    ^(?:[Oo]n\s+)?(?:{_WEEKDAY})                  # "on Monday"
    (?:\s+(?:{"|".join(PARTS_OF_DAY)}))?          # " morning"
    \s+(?=(?:in|at|on|during)\s)                  # before " at ..."
    """,
    re.VERBOSE,
)
_NOT_AN_OBJECT = word_set("to that he she it they we and or but as so then which who")


def context(text: str, verb: int, skip: tuple[int, int]) -> str:
    """Where or how the words were said: "at a graduation ceremony", "to reporters", "in a statement".

    `text` is the attribution's sentence (quotations as placeholders), `verb` the speech verb's offset
    and `skip` the subject's phrase, whose prepositions describe the speaker rather than the saying.
    """
    if (m := _LEAD.search(text)) and (found := _phrase(m["pp"])):
        return found
    verb_word = first_word(text, verb)
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
