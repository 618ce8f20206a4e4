"""Days, months and times of day, as copy writes them."""

from articles.ingest.lexicon import word_set

WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTH_NAMES = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
# As date lines abbreviate them ("Tue", "Sept."), in the same order; "May" has none.
WEEKDAY_ABBREVIATIONS = (
    ("mon",),
    ("tue", "tues"),
    ("wed",),
    ("thu", "thur", "thurs"),
    ("fri",),
    ("sat",),
    ("sun",),
)
MONTH_ABBREVIATIONS = (
    ("jan",),
    ("feb",),
    ("mar",),
    ("apr",),
    (),
    ("jun",),
    ("jul",),
    ("aug",),
    ("sep", "sept"),
    ("oct",),
    ("nov",),
    ("dec",),
)
# Words for a day relative to the one an article was published on, and for parts of a day.
RELATIVE_DAYS = ("yesterday", "today", "tonight")
PARTS_OF_DAY = ("morning", "afternoon", "evening", "night")
TIME_WORDS = frozenset(WEEKDAY_NAMES + RELATIVE_DAYS + PARTS_OF_DAY) | word_set(
    "week weekend month year last this next on early late earlier later"
)
