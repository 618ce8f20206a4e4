"""How fast load_seeds turns raw copies into rows, and whether its memory stays flat.

Writes N variants of the seed article (new headlines, dates and wording, the same shape and size)
into a temporary folder, migrates a throwaway SQLite database, and times load_seeds() alone,
excluding start-up and migration. Peak traced memory is printed for N and for 2N files.

    .venv/bin/python benchmarks/load_seeds.py [N]
"""

import os
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
WORK = Path(tempfile.mkdtemp(prefix="newsroom-bench-"))
os.environ["DATABASE_URL"] = f"sqlite:///{WORK / 'bench.sqlite3'}"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
# As in production: with DEBUG on, Django keeps every query's SQL, which costs time and memory.
os.environ.update(DEBUG="0", SECRET_KEY="benchmark-" + os.urandom(24).hex(), ALLOWED_HOSTS="localhost")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402

from articles.loader import load_seeds  # noqa: E402

SEED = (ROOT / "seeds" / "scmp-2018-03-27-hun-sen-no-negotiation.txt").read_text(encoding="utf-8")
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def variant(n):
    import datetime as dt

    day = dt.date(2018, 1, 1) + dt.timedelta(days=n % 900)
    printed = f"{WEEKDAYS[day.weekday()]}, {day.day} {MONTHS[day.month - 1]}, {day.year}, 5:55pm"
    lines = SEED.splitlines()
    lines[0] = f"{lines[0]} (part {n})"
    text = "\n".join(lines).replace("Tuesday, 27 March, 2018, 5:55pm", printed)
    return text.replace("negotiation with traitors and", f"negotiation with traitors, number {n}, and")


def write(folder, count, start=0):
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(start, start + count):
        (folder / f"bench-{n:06d}.txt").write_text(variant(n), encoding="utf-8")
    return folder


def timed(folder):
    began = time.perf_counter()
    report = load_seeds([ROOT / "seeds" / "fixtures", folder])
    return report.summary()["articles"], time.perf_counter() - began


def peak_memory(count):
    """Peak traced memory of one load of `count` new files, in a process and database of its own."""
    run = subprocess.run(
        [sys.executable, __file__, "--peak", str(count)], capture_output=True, text=True, check=True
    )
    return int(run.stdout.split()[-1])


def measure_peak(count):
    call_command("migrate", verbosity=0)
    folder = write(WORK / "peak", count)
    tracemalloc.start()
    load_seeds([ROOT / "seeds" / "fixtures", folder])
    print(tracemalloc.get_traced_memory()[1])


def main():
    if sys.argv[1:2] == ["--peak"]:
        return measure_peak(int(sys.argv[2]))
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    call_command("migrate", verbosity=0)
    first = write(WORK / "first", count)
    articles, elapsed = timed(first)
    rate = f"{count / elapsed:,.0f} articles/s"
    print(f"first load:   {articles['created']} new in {elapsed:.2f} s = {rate}")
    articles, elapsed = timed(first)
    rate = f"{count / elapsed:,.0f} articles/s"
    print(f"second load:  {articles['unchanged']} unchanged in {elapsed:.2f} s = {rate}")
    # Traced in fresh processes: tracing slows what it watches, and each size gets an empty database.
    small, large = peak_memory(count), peak_memory(2 * count)
    print(
        f"peak memory:  {small / 2**20:.1f} MiB for {count} files, {large / 2**20:.1f} MiB for {2 * count} "
        f"({large / small:.2f}x)"
    )


if __name__ == "__main__":
    main()
