"""Nothing lost under load: load_seeds imports generated articles while readers and an editor work.

Into a new database (SQLite file, or the PostgreSQL server DATABASE_URL names), with the seeds
loaded: gunicorn serves readers' pages (page cache off) to wrk at 32 connections for SECONDS, while
load_seeds imports FILES generated copies and an editor saves an article every 2 s (its headline,
then publishing or unpublishing it). Then it counts failed requests, failed saves, "database is
locked" anywhere, and the imported articles. Exits non-zero if anything was lost or failed.

    .venv/bin/python scripts/load_under_traffic.py [--files 2000] [--seconds 60]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/test .venv/bin/python scripts/load_under_traffic.py
"""

import argparse
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import django

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
# The benchmark's helpers read the models; this process only starts the others (which run as in production).
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
os.environ.setdefault("DEBUG", "1")
django.setup()

from benchmarks import databases  # noqa: E402
from benchmarks.loader import environment, write  # noqa: E402
from benchmarks.throughput import gunicorn, wrk  # noqa: E402

READERS = ["/articles/", "/quotes/"]  # wrk at 16 connections each: 32 in all
EDITOR = """
import sys, time
from django.db import OperationalError
from articles.models import Article
deadline, saves, failures = time.monotonic() + {seconds}, 0, []
while time.monotonic() < deadline:
    try:
        article = Article.objects.exclude(headline__contains="(part ").order_by("?").first()
        article.headline = article.headline.split(" [")[0] + f" [edit {{saves}}]"
        article.status = "draft" if article.status == "published" else "published"
        article.save()
        saves += 1
    except OperationalError as error:
        failures.append(str(error))
    time.sleep(2)
print("editor", saves, len(failures), *sorted(set(failures)), sep="\\n")
"""


def run(command, env, **kwargs):
    return subprocess.run(
        [sys.executable, *command], cwd=ROOT, env=env, capture_output=True, text=True, **kwargs
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=2000)
    parser.add_argument("--seconds", type=int, default=60)
    options = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="newsroom-load-") as work:
        db = databases.bench_database("traffic")
        databases.create(db)
        try:
            env = environment(db.url)
            for step in (
                ["manage.py", "migrate", "--verbosity=0"],
                ["manage.py", "load_seeds", "--verbosity=0"],
            ):
                done = run(step, env)
                if done.returncode:
                    sys.exit(f"{' '.join(step)} failed:\n{done.stderr[-2000:]}")
            copies = write(Path(work) / "copies", options.files)
            print(f"{db.vendor}: {options.files} copies, readers at 32 connections for {options.seconds} s")
            report = measure(db.url, env, copies, options.seconds)
        finally:
            databases.drop(db)
    for line in report["lines"]:
        print(line)
    sys.exit(0 if report["ok"] else 1)


def measure(database_url, env, copies, seconds):
    readers = {}
    with gunicorn(database_url, cached=False) as server:
        threads = [
            threading.Thread(
                target=lambda path=path: readers.update(
                    {path: wrk(server.base + path, seconds, {"X-Forwarded-Proto": "https"})}
                )
            )
            for path in READERS
        ]
        for thread in threads:
            thread.start()
        editor = subprocess.Popen(
            [sys.executable, "manage.py", "shell", "--no-imports", "-c", EDITOR.format(seconds=seconds - 5)],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        started = time.monotonic()
        loaded = run(["manage.py", "load_seeds", "--verbosity=1", str(copies)], env)
        load_seconds = time.monotonic() - started
        edited, edit_errors = editor.communicate(timeout=seconds + 60)
        for thread in threads:
            thread.join()
        server_errors = server.new_errors()
    counted = run(
        [
            "manage.py",
            "shell",
            "-c",
            "from articles.models import Article; "
            "print(Article.objects.filter(headline__contains='(part ').count())",
        ],
        env,
    )
    imported = int(counted.stdout.strip().splitlines()[-1]) if counted.returncode == 0 else -1
    reported = edited.strip().splitlines()
    saves, failed_saves, *save_errors = (
        reported[reported.index("editor") + 1 :] if "editor" in reported else "??"
    )
    requests = sum(r["requests"] for r in readers.values())
    failed = sum(r["non_2xx"] + r["socket_errors"] for r in readers.values())
    everything = "\n".join([loaded.stdout, loaded.stderr, edit_errors, *save_errors, *server_errors])
    locked = everything.count("database is locked")
    ok = loaded.returncode == 0 and imported == len(list(copies.iterdir())) and not failed
    ok = ok and failed_saves == "0" and not locked and editor.returncode == 0
    lines = [
        f"reader requests: {requests} ({sum(r['rps'] for r in readers.values()):.0f}/s), failed: {failed}",
        f"load_seeds: exit {loaded.returncode} after {load_seconds:.0f} s, articles imported: {imported}",
        f"editor saves: {saves}, failed: {failed_saves}",
        f'"database is locked": {locked}',
        *(
            f"  {line}"
            for line in [*server_errors, *save_errors, loaded.stderr.strip()[-500:]]
            if line and not ok
        ),
        "nothing lost" if ok else "FAILED",
    ]
    return {"ok": ok, "lines": lines}


if __name__ == "__main__":
    main()
