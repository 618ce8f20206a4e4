"""The figures as a table a person reads, and as JSON."""

import json
import os
from pathlib import Path


def number(value, digits=1):
    return "-" if value is None else f"{value:,.{digits}f}"


def table(figures):
    out = []
    build = figures.get("build")
    where = f"{figures['database']} ({figures['location']})"
    out.append(f"\nNewsroom benchmark: scale {figures['scale']} on {where}")
    load = figures.get("load_average")
    if load is not None:
        cores = os.cpu_count()
        busy = "  !! other work is sharing the machine" if load > cores / 2 else ""
        out.append(f"machine: {cores} cores, load average {load} when the benchmark started{busy}")
    if build:
        how = "reused, built earlier" if build.get("reused") else "built now"
        out.append(
            f"build: {how} in {number(build['seconds'])} s: {build['articles']:,} articles, "
            f"{build['people']:,} people, {build['organizations']:,} organizations, "
            f"{build['quotes']:,} quotes"
        )
    pages = figures.get("pages")
    if pages:
        out.append(
            "\npages: in process (test client, DEBUG off, PAGE_CACHE_SECONDS=0); "
            "server time over the timed runs after warm-ups"
        )
        out.append(
            f"{'page':<28} {'status':>6} {'queries':>7} {'p50 ms':>9} {'p95 ms':>9} {'runs':>5} "
            f"{'KB':>8} {'scans':>5}  url"
        )
        for page in pages:
            flag = "" if page["status"] == 200 else "  !!"
            out.append(
                f"{page['name']:<28} {page['status']:>6} {page['queries']:>7} {number(page['p50_ms']):>9} "
                f"{number(page['p95_ms']):>9} {page['runs']:>5} {page['bytes'] / 1024:>8,.1f} "
                f"{page['full_scans']:>5}  {page['url']}{flag}"
            )
        out.append("scans: plan lines that read a whole large table (make bench EXPLAIN=1 prints the plans)")
    throughput = figures.get("throughput")
    if throughput:
        setup = figures.get("throughput_setup", {})
        out.append(
            f"\nthroughput: gunicorn, {setup.get('workers')} workers; wrk -t{setup.get('threads')} "
            f"-c{setup.get('connections')} -d{setup.get('seconds')}s per URL"
        )
        out.append(
            f"{'name':<24} {'req/s':>10} {'floor':>10} {'x floor':>8} {'non-2xx':>8} {'sock err':>8}  first"
        )
        for row in throughput:
            flag = "" if row["status"] == 200 and not row["non_2xx"] and not row["socket_errors"] else "  !!"
            out.append(
                f"{row['name']:<24} {row['rps']:>10,.1f} {number(row.get('floor_rps')):>10} "
                f"{number(row['ratio_to_floor'], 4):>8} {row['non_2xx']:>8} {row['socket_errors']:>8}  "
                f"{row['status']}{flag}"
            )
        out.append("floor: /healthz/ on the same server just before the page; x floor: req/s over it")
    loader = figures.get("loader")
    if loader:
        out.append(
            f"\nloader: {loader['articles']:,} seed-like files into an empty {loader['database']} database: "
            f"{number(loader['articles_per_s'], 0)} articles/s; "
            f"peak RSS {number(loader['peak_rss_mb'], 0)} MB, "
            f"{number(loader['peak_rss_mb_double'], 0)} MB for twice the files "
            f"(worker processes {number(loader['workers_peak_rss_mb'], 0)} and "
            f"{number(loader['workers_peak_rss_mb_double'], 0)} MB)"
        )
    for problem in figures.get("problems", []):
        out.append(f"!! {problem}")
    return "\n".join(out)


def write_json(figures, path):
    public = {k: v for k, v in figures.items() if k != "location"}
    Path(path).write_text(json.dumps(public, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
