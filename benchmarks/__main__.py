"""`make bench`: the reader site and the loader measured on a synthetic newsroom of a given scale.

    make bench [SCALE=S|M|L] [JSON=figures.json] [REBUILD=1] [EXPLAIN=1] [ONLY=pages,throughput,loader]
    .venv/bin/python -m benchmarks --help

The database comes from DATABASE_URL's engine (SQLite by default): the benchmark builds its own
(benchmarks/.data/<scale>.sqlite3, or newsroom_bench_<scale> on the PostgreSQL server) and keeps
it for the next run. Exits 1 if a page answers 500 or the benchmark itself fails; slow figures
are reported, never a failure.
"""

import argparse
import os
import secrets
import sys
import time
import traceback

SECTIONS = ("pages", "throughput", "loader")


def arguments(argv):
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", default="S", type=str.upper, choices=["S", "M", "L"])
    parser.add_argument("--json", metavar="PATH", help="also write the figures as JSON to PATH")
    parser.add_argument("--rebuild", action="store_true", help="build the database again even if one is kept")
    parser.add_argument("--explain", action="store_true", help="print every page's queries and their plans")
    parser.add_argument(
        "--only",
        default=",".join(SECTIONS),
        help=f"comma-separated sections to run, of {', '.join(SECTIONS)}",
    )
    parser.add_argument("--runs", type=int, default=None, help="timed requests per page (default 25)")
    parser.add_argument("--budget", type=float, default=None, help="seconds of timed requests per page (20)")
    parser.add_argument("--seconds", type=int, default=None, help="wrk seconds per URL (S: 3, M and L: 10)")
    parser.add_argument("--files", type=int, default=None, help="seed-like files for the loader (10000)")
    args = parser.parse_args(argv)
    args.only = [s.strip() for s in args.only.split(",") if s.strip()]
    unknown = set(args.only) - set(SECTIONS)
    if unknown:
        parser.error(f"unknown sections {', '.join(sorted(unknown))}; choose from {', '.join(SECTIONS)}")
    return args


def configure(db):
    from benchmarks import databases

    """The in-process settings, as production would have them, before Django reads them."""
    user_page_cache = os.environ.get("PAGE_CACHE_SECONDS")
    os.environ.update(
        DJANGO_SETTINGS_MODULE="newsroom.settings",
        DATABASE_URL=db.url,
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(48),
        ALLOWED_HOSTS="testserver,127.0.0.1,localhost",
        PAGE_CACHE_SECONDS="0",
        # Production serves collected static files (hashed names): collected here, away from the app's.
        STATIC_ROOT=str(databases.DATA / "static"),
    )
    return user_page_cache


def say(text=""):
    print(text, flush=True)


def main(argv=None):
    args = arguments(argv)
    from benchmarks import databases

    db = databases.bench_database(args.scale)
    user_page_cache = configure(db)
    import django

    django.setup()
    from django.urls import reverse

    from benchmarks import build, pages, plans, report, throughput
    from benchmarks import loader as loader_bench

    figures = {"scale": args.scale, "database": db.vendor, "location": db.describe(), "problems": []}
    # Other work on the machine shows in every figure but the ratios to the floor: say how busy it was.
    figures["load_average"] = round(os.getloadavg()[0], 2)
    failed = False
    began = time.perf_counter()

    def section(name, work):
        nonlocal failed
        say(f"\n== {name}")
        try:
            return work()
        except Exception as error:
            failed = True
            figures["problems"].append(f"{name} failed: {type(error).__name__}: {error}")
            say("!! " + "".join(traceback.format_exception(error)).strip().replace("\n", "\n!! "))
            return None

    from benchmarks.synthetic import search_words
    from benchmarks.vocabulary import Vocabulary

    vocabulary = Vocabulary()
    built = section("build", lambda: build.ensure(db, args.scale, vocabulary, rebuild=args.rebuild, say=say))
    if built is None:
        say(report.table(figures))
        return 1
    figures["build"] = {
        k: built[k] for k in ("seconds", "articles", "people", "organizations", "quotes", "reused")
    }

    if "pages" in args.only or "throughput" in args.only:
        from django.core.management import call_command

        section("collectstatic", lambda: call_command("collectstatic", interactive=False, verbosity=0))
        picked = section("choosing pages", lambda: pages.choose(search_words(vocabulary), say=say))
        if picked is None:
            say(report.table(figures))
            return 1
        chosen, picks = picked
        figures["picks"] = picks

    if "pages" in args.only:
        options = {"explain": args.explain, "say": say}
        if args.runs is not None:
            options["runs"] = args.runs
        if args.budget is not None:
            options["budget"] = args.budget
        results = section("pages", lambda: pages.measure(chosen, **options))
        if results is not None:
            figures["pages"] = [r.as_json() for r in results]
            for result in results:
                if result.status >= 500:
                    failed = True
                    figures["problems"].append(f"{result.name} answered {result.status}: {result.url}")
                elif result.status != 200:
                    figures["problems"].append(
                        f"{result.name} answered {result.status}, not 200: {result.url}"
                    )
            if args.explain:
                say("\n== query plans")
                for result in results:
                    say(plans.format_plans(result.name, result.url, result.plans))

    if "throughput" in args.only:
        seconds = args.seconds or (3 if args.scale == "S" else 10)
        urls = {p.name: p.url for p in chosen}
        targets = [
            ("article-list", urls["article-list"]),
            ("article", urls["article"]),
            ("person", urls["person"]),
            ("quote-list", reverse("articles:quote-list")),
        ]
        rows = section(
            "throughput",
            lambda: throughput.measure(
                db.url, targets, seconds=seconds, page_cache_seconds=user_page_cache, say=say
            ),
        )
        if rows is not None:
            figures["throughput"] = rows
            figures["throughput_setup"] = {
                "workers": throughput.workers(),
                "threads": throughput.THREADS,
                "connections": throughput.CONNECTIONS,
                "seconds": seconds,
            }

    if "loader" in args.only:
        loader_figures = section(
            "loader", lambda: loader_bench.measure(args.files or loader_bench.FILES, say=say)
        )
        if loader_figures is not None:
            figures["loader"] = loader_figures

    figures["seconds"] = round(time.perf_counter() - began, 1)
    say(report.table(figures))
    say(f"\n(benchmark took {figures['seconds']:.0f} s)")
    if args.json:
        report.write_json(figures, args.json)
        say(f"figures written to {args.json}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
