"""Reading time grows with a copy's length, not its square, whatever its shape (issue 10).

The ratio of the times of two sizes is asserted, never an absolute time, so the test holds on a slow
machine; it takes most of a minute, so it is marked slow: `pytest -m "not slow"` leaves it out.
"""

import gc
import math
import time

import pytest

from articles.ingest import extract, parse_document
from tests.articles.ingest.copies import HONG_KONG
from tests.articles.ingest.hostile import SHAPES, copy

MB = 2**20


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
