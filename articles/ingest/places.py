"""Where words stand in an article, so that "who was named last" can be asked of any two places."""

import bisect
from typing import NamedTuple

# The paragraph numbers of what comes before the body, whose paragraphs count from 0.
HEADLINE = -2
STANDFIRST = -1


class Place(NamedTuple):
    """A paragraph and an offset in it, ordered as the article reads: the headline first, then the
    standfirst, then the body. Offsets are in the paragraph as the readers see it (each quotation
    one placeholder character)."""

    paragraph: int
    offset: int = 0

    @classmethod
    def after_body(cls, paragraphs: int) -> "Place":
        """A place after the whole body of so many paragraphs: where its pull quotes are read."""
        return cls(paragraphs)

    @property
    def in_body(self) -> bool:
        return self.paragraph >= 0


def first_after(offsets: list[int], offset: int) -> int | None:
    """The first of the ascending `offsets` after `offset`, found by bisection."""
    k = bisect.bisect_right(offsets, offset)
    return offsets[k] if k < len(offsets) else None
