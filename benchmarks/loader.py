"""How fast load_seeds turns raw copies into rows, and whether its memory stays flat.

Writes N variants of the seed article (new headlines, dates and wording, the same shape and size)
and N more, then loads N, and separately 2N, each into an empty database of its own on the engine
DATABASE_URL names, in a process of its own: load_seeds() alone is timed (no start-up, no
migration), and the process's peak resident memory is read after it (VmHWM; ru_maxrss for the
worker processes it starts).

    .venv/bin/python -m benchmarks.loader [N]
"""

import datetime as dt
import json
import os
import resource
import secrets
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks import databases

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "scmp-2018-03-27-hun-sen-no-negotiation.txt"
FIXTURES = ROOT / "seeds" / "fixtures"
FILES = 10_000
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]  # fmt: skip
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def variant(text, n):
    day = dt.date(2018, 1, 1) + dt.timedelta(days=n % 900)
    printed = f"{WEEKDAYS[day.weekday()]}, {day.day} {MONTHS[day.month - 1]}, {day.year}, 5:55pm"
    lines = text.splitlines()
    lines[0] = f"{lines[0]} (part {n})"
    text = "\n".join(lines).replace("Tuesday, 27 March, 2018, 5:55pm", printed)
    return text.replace("negotiation with traitors and", f"negotiation with traitors, number {n}, and")


def write(folder, count, start=0):
    folder.mkdir(parents=True, exist_ok=True)
    text = SEED.read_text(encoding="utf-8")
    for n in range(start, start + count):
        (folder / f"bench-{n:06d}.txt").write_text(variant(text, n), encoding="utf-8")
    return folder


def environment(database_url):
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "newsroom.settings",
        # As in production: with DEBUG on, Django keeps every query's SQL, which costs time and memory.
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(48),
        "ALLOWED_HOSTS": "localhost",
    }


def load_once(db, folders):
    """One load into a new empty database, in fresh processes: articles, seconds, peak RSS (MB)."""
    databases.create(db)
    try:
        env = environment(db.url)
        subprocess.run(
            [sys.executable, "manage.py", "migrate", "--verbosity=0"], cwd=ROOT, env=env, check=True
        )
        run = subprocess.run(
            [sys.executable, "-m", "benchmarks.loader", "--load", *map(str, folders)],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
        )
        if run.returncode != 0:
            raise RuntimeError(f"load_seeds failed:\n{run.stderr.strip()[-3000:]}")
        return json.loads(run.stdout.strip().splitlines()[-1])
    finally:
        databases.drop(db)


def measure(files=FILES, say=print):
    """Articles per second on `files` files, and peak memory for `files` and twice as many."""
    work = Path(tempfile.mkdtemp(prefix="newsroom-bench-loader-"))
    try:
        if databases.vendor_of(databases.configured_url()) == "sqlite":
            db = databases.scratch_sqlite(work)
        else:
            db = databases.bench_database("loader")
        first, second = write(work / "first", files), write(work / "second", files, start=files)
        single = load_once(db, [first])
        say(
            f"  {single['articles']:,} files: {single['articles'] / single['seconds']:,.0f} articles/s, "
            f"peak RSS {single['rss_mb']:.0f} MB (workers {single['workers_rss_mb']:.0f} MB)"
        )
        double = load_once(db, [first, second])
        say(
            f"  {double['articles']:,} files: peak RSS {double['rss_mb']:.0f} MB "
            f"(workers {double['workers_rss_mb']:.0f} MB)"
        )
    finally:
        databases.remove_folder(work)
    return {
        "articles": single["articles"],
        "seconds": round(single["seconds"], 2),
        "articles_per_s": round(single["articles"] / single["seconds"], 1),
        "peak_rss_mb": single["rss_mb"],
        "peak_rss_mb_double": double["rss_mb"],
        "workers_peak_rss_mb": single["workers_rss_mb"],
        "workers_peak_rss_mb_double": double["workers_rss_mb"],
        "database": db.vendor,
    }


def peak_rss_mb():
    """This process's peak resident memory in MB.

    Linux's ru_maxrss carries over the parent's peak through fork and exec, so a child started by
    a large benchmark process would report the parent's size: VmHWM, the peak of this process's
    own memory, is read instead where there is one.
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def load(folders):
    """In the child process: load, and print what it took as one JSON line."""
    import django

    django.setup()
    from articles.loader import load_seeds

    began = time.perf_counter()
    report = load_seeds([FIXTURES, *folders])
    seconds = time.perf_counter() - began
    articles = report.summary()["articles"]
    own = peak_rss_mb()
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(
        json.dumps(
            {
                "articles": articles.get("created", 0),
                "seconds": seconds,
                "rss_mb": round(own, 1),
                "workers_rss_mb": round(workers, 1),
            }
        )
    )


def main(argv):
    if argv[:1] == ["--load"]:
        return load([Path(p) for p in argv[1:]])
    figures = measure(int(argv[0]) if argv else FILES)
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main(sys.argv[1:])
