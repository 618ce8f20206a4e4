"""Reading time grows with a copy's length, not its square, whatever its shape (issue 10).

The work is counted first, as the lines of Python run and the functions called by parse and extract
(the same on every machine): where a linear reader's steps for each doubling of the copy grow by twice
what the last doubling added, a reader that rescans what it has read for each quotation adds four
times as much. Work inside one call (a scan of the whole text by the regular expression engine) is
not counted, so the ratio of the processor times of two sizes is asserted too, never an absolute
time; that takes most of a minute, so it is marked slow: `pytest -m "not slow"` leaves it out.
scripts/extraction_speed.py prints the times at 0.5 to 4 MB.
"""

import gc
import math
import sys
import time

import pytest

from articles.ingest import extract, parse_document
from tests.articles.ingest.copies import HONG_KONG
from tests.articles.ingest.hostile import SHAPES, copy

KB, MB = 2**10, 2**20


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


def cpu_seconds(raw: str, runs: int = 1) -> float:
    """The processor time parse and extract take, the best of `runs`."""
    best = float("inf")
    for _ in range(runs):
        gc.collect()
        start = time.process_time()
        extract(parse_document(raw, source="hostile.txt", tz=HONG_KONG))
        best = min(best, time.process_time() - start)
    return best


@pytest.mark.slow
@pytest.mark.parametrize("shape", SHAPES)
def test_four_times_the_copy_costs_about_four_times_the_time(shape):
    large = cpu_seconds(copy(shape, 4 * MB))
    # Quick shapes are timed as the best of three runs at every size, so that noise weighs as little.
    runs = 3 if large < 2 else 1
    large = min(large, cpu_seconds(copy(shape, 4 * MB), runs - 1))
    medium, small = (cpu_seconds(copy(shape, size), runs) for size in (MB, MB // 4))
    times = f"{shape}: {small:.2f}s for 0.25 MB, {medium:.2f}s for 1 MB, {large:.2f}s for 4 MB"

    # Linear growth gives about 4 here, quadratic growth (which this guards against) 16.
    assert large / medium < 6, times
    # Over the whole range, time grows as size to this power: 1 when linear, 2 when quadratic.
    assert math.log(large / small, 16) < 1.3, times
