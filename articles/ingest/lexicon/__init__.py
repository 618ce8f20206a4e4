"""Word lists that the readers of dates, names, speakers and attributions share, one module a subject.

Each list is written once, in one of these modules; regular expressions elsewhere are built from them
with alternation().
"""


def word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


def alternation(words) -> str:
    """ "Monday|Tuesday|...": the words capitalised, for a regular expression."""
    return "|".join(w.capitalize() for w in words)
