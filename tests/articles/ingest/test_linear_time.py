"""Reading time grows with a copy's length, not its square, whatever its shape (issue 10).

The work is counted, as the lines of Python run and the functions called by parse and extract
(the same on every machine): where a linear reader's steps for each doubling of the copy grow by twice
what the last doubling added, a reader that rescans what it has read for each quotation adds four
times as much. Work inside one call (a scan of the whole text by the regular expression engine) is
not counted; times are a benchmark's business, not a test's: scripts/extraction_speed.py prints the
processor time at 0.5 to 4 MB and the exponent of its growth.
"""

import sys

import pytest

from articles.ingest import extract, parse_document
from tests.articles.ingest.copies import HONG_KONG
from tests.articles.ingest.hostile import SHAPES, copy

KB = 2**10


def steps(raw: str) -> int:
    """The work parse and extract do on `raw`, counted as the lines of Python run (each turn of a loop
    is one more) and the functions called, Python's and built-in ones."""
    count = 0

    def trace(frame, event, arg):
        nonlocal count
        count += 1
        return trace

    def profile(frame, event, arg):
        nonlocal count
        if event == "c_call":
            count += 1

    previous = sys.gettrace(), sys.getprofile()  # a coverage tool's, say
    sys.settrace(trace)
    sys.setprofile(profile)
    try:
        extract(parse_document(raw, source="hostile.txt", tz=HONG_KONG))
    finally:
        sys.settrace(previous[0])
        sys.setprofile(previous[1])
    return count


@pytest.mark.parametrize("shape", SHAPES)
def test_each_doubling_of_the_copy_adds_about_twice_the_steps_of_the_last(shape):
    small, medium, large = (steps(copy(shape, size * KB)) for size in (16, 32, 64))
    # What each doubling adds, so that fixed costs (and the few first blocks read as pull quotes) cancel:
    # linear work gives 2 (n log n about 2.1 at these sizes), quadratic work 4.
    growth = (large - medium) / (medium - small)

    assert growth < 2.5, f"{shape}: {small}, {medium} and {large} steps for 16, 32 and 64 KB"
