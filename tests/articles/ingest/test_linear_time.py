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


def cpu_seconds(raw: str) -> float:
    """The processor time parse and extract take, the best of a few runs while they are quick."""
    best, spent = float("inf"), 0.0
    for _ in range(5):
        gc.collect()
        start = time.process_time()
        extract(parse_document(raw, source="hostile.txt", tz=HONG_KONG))
        took = time.process_time() - start
        best, spent = min(best, took), spent + took
        if spent > 1:
            break
    return best


@pytest.mark.slow
@pytest.mark.parametrize("shape", SHAPES)
def test_four_times_the_copy_costs_about_four_times_the_time(shape):
    small, medium, large = (cpu_seconds(copy(shape, size)) for size in (MB // 4, MB, 4 * MB))
    times = f"{shape}: {small:.2f}s for 0.25 MB, {medium:.2f}s for 1 MB, {large:.2f}s for 4 MB"

    # Linear growth gives about 4 here, quadratic growth (which this guards against) 16.
    assert large / medium < 6, times
    # Over the whole range, time grows as size to this power: 1 when linear, 2 when quadratic.
    assert math.log(large / small, 16) < 1.3, times
