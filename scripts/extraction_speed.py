"""Time parse and extract on copies shaped to make a careless reader slow, at doubling sizes.

    .venv/bin/python scripts/extraction_speed.py [--sizes 0.5 1 2 4] [--json FILE]

Prints, for each shape of tests/articles/ingest/hostile.py, the processor seconds at each size (in MB)
and the exponent of growth between the smallest and the largest size (1 when linear, 2 when
quadratic), and writes the same figures as JSON (by default to benchmarks/.data/, which git ignores).
Timings are the best of --runs runs.
"""

import argparse
import gc
import json
import math
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from articles.ingest import extract, parse_document  # noqa: E402
from tests.articles.ingest.copies import HONG_KONG  # noqa: E402
from tests.articles.ingest.hostile import SHAPES, copy  # noqa: E402

MB = 2**20


def cpu_seconds(raw: str, runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        gc.collect()
        start = time.process_time()
        extract(parse_document(raw, source="hostile.txt", tz=HONG_KONG))
        best = min(best, time.process_time() - start)
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[0.5, 1, 2, 4], help="sizes in MB")
    parser.add_argument("--shapes", nargs="+", choices=sorted(SHAPES), default=sorted(SHAPES))
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--json", type=Path, default=ROOT / "benchmarks" / ".data" / "extraction-speed.json")
    args = parser.parse_args()
    sizes = sorted(args.sizes)
    results = {}
    for shape in args.shapes:
        seconds = [cpu_seconds(copy(shape, int(size * MB)), args.runs) for size in sizes]
        exponent = math.log(seconds[-1] / seconds[0], sizes[-1] / sizes[0]) if len(sizes) > 1 else None
        results[shape] = {"sizes_mb": sizes, "seconds": [round(s, 3) for s in seconds], "exponent": exponent}
        cells = ", ".join(f"{s:.2f}s for {size:g} MB" for size, s in zip(sizes, seconds, strict=True))
        growth = f"; grows as size^{exponent:.2f}" if exponent is not None else ""
        print(f"{shape}: {cells}{growth}", flush=True)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
