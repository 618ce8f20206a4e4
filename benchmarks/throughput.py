"""Requests per second through the production server: gunicorn driven by wrk at a fixed concurrency.

The floor is /healthz/, a short response through the same middleware and server: every page is
given as a ratio to it, which takes the machine out of the figure. On a machine shared with other
work the floor itself moves by a factor of two or three within a run, so it is measured again on
the same server just before each page, and each page is given as a ratio to that floor
(`floor_rps`); the first floor is the "floor" row, and a run whose floors differ by more than a
quarter says so. On the cached server the floor's requests carry an Authorization header, which
the page cache never answers (newsroom.cache), so the floor is the same uncached view there.
(A cached page may beat the floor: a page cache that answers before the session and CSRF
middleware does less work than /healthz/ behind them.)

Pages are measured uncached (gunicorn started with PAGE_CACHE_SECONDS=0) and cached (started
without it, after one request per page to fill the cache); gunicorn is always stopped."""

import http.client
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

from benchmarks.pages import forwarded_headers

ROOT = Path(__file__).resolve().parent.parent
GUNICORN = Path(sys.executable).parent / "gunicorn"
THREADS, CONNECTIONS = 2, 16
# A request wrk waits longer for than this counts as a timeout (a socket error).
WRK_TIMEOUT = "5s"
INSTALL_WRK = "wrk is not installed: install it with `apt-get install -y wrk` (Debian/Ubuntu, as root)"


class ServerError(RuntimeError):
    pass


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def workers():
    return 2 * (os.cpu_count() or 1) + 1


@contextmanager
def gunicorn(database_url, *, cached, page_cache_seconds=None):
    """A gunicorn serving the bench database on a free port; yields its base URL."""
    port = free_port()
    env = dict(os.environ)
    env.update(
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(48),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        DATABASE_URL=database_url,
    )
    env.pop("PAGE_CACHE_SECONDS", None)
    if not cached:
        env["PAGE_CACHE_SECONDS"] = "0"
    elif page_cache_seconds is not None:
        env["PAGE_CACHE_SECONDS"] = page_cache_seconds
    command = [
        str(GUNICORN),
        "newsroom.wsgi",
        f"--workers={workers()}",
        f"--bind=127.0.0.1:{port}",
        "--log-level=warning",
    ]
    # The templates and static files as they are now (hashed names need a fresh manifest).
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "--verbosity=0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    with tempfile.NamedTemporaryFile(prefix="newsroom-bench-gunicorn-", suffix=".log") as log:
        process = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
        try:
            wait_until_ready(process, port, log.name)
            server = Server(f"http://127.0.0.1:{port}", Path(log.name), process.pid)
            # Each worker loads the application on its first request: all of them, before any figure.
            wrk(server.base + "/healthz/", 2)
            server.wait_idle()
            server.new_errors()
            yield server
        finally:
            stop(process)


class Server:
    def __init__(self, base, log, pid):
        self.base = base
        self.log = log
        self.pid = pid
        self.read = 0

    def cpu_ticks(self):
        """CPU time used so far by gunicorn's master and workers, in clock ticks."""
        total = 0
        try:
            children = Path(f"/proc/{self.pid}/task/{self.pid}/children").read_text().split()
        except OSError:
            return None
        for pid in [self.pid, *map(int, children)]:
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            total += int(fields[11]) + int(fields[12])  # utime, stime
        return total

    def wait_idle(self, timeout=40):
        """Until the workers stop working: requests a slow page left queued when wrk stopped would
        otherwise run during the next measurement. Gunicorn's own timeout (30 s) bounds the wait."""
        deadline = time.monotonic() + timeout
        before = self.cpu_ticks()
        if before is None:
            time.sleep(1)
            return
        while time.monotonic() < deadline:
            time.sleep(0.5)
            now = self.cpu_ticks()
            if now - before <= 2:  # at most 20 ms of CPU in half a second: idle
                return
            before = now

    def new_errors(self):
        """The distinct error lines gunicorn logged since the last call (exceptions, timeouts)."""
        text = self.log.read_text(errors="replace")
        new, self.read = text[self.read :], len(text)
        lines = [line for line in new.splitlines() if line and not line.startswith((" ", "Traceback"))]
        return list(dict.fromkeys(lines))[:5]


def wait_until_ready(process, port, log, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise ServerError(f"gunicorn exited with {process.returncode}:\n{tail(log)}")
        try:
            if status(f"http://127.0.0.1:{port}", "/healthz/", timeout=5) == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise ServerError(f"gunicorn did not answer /healthz/ within {timeout} s:\n{tail(log)}")


def tail(path, lines=30):
    try:
        return "\n".join(Path(path).read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return ""


def stop(process):
    """Quick shutdown (SIGINT), then SIGKILL to gunicorn's own process group if it lingers."""
    if process.poll() is not None:
        return
    try:
        process.send_signal(signal.SIGINT)
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=15)


def status(base, path, timeout=60, headers=None):
    host, port = base.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=timeout)
    try:
        connection.request("GET", path, headers=headers or {})
        response = connection.getresponse()
        response.read()
        return response.status
    finally:
        connection.close()


def wrk(url, seconds, headers=None):
    options = [f"--header={name}: {value}" for name, value in (headers or {}).items()]
    run = subprocess.run(
        [
            "wrk",
            f"-t{THREADS}",
            f"-c{CONNECTIONS}",
            f"-d{seconds}s",
            f"--timeout={WRK_TIMEOUT}",
            *options,
            url,
        ],
        capture_output=True,
        text=True,
        timeout=seconds + 120,
    )
    if run.returncode != 0:
        raise ServerError(f"wrk failed ({run.returncode}): {run.stderr.strip() or run.stdout.strip()}")
    return parse_wrk(run.stdout)


def parse_wrk(output):
    """Requests/sec, requests, non-2xx/3xx responses and socket errors from wrk's summary."""
    rps = re.search(r"Requests/sec:\s+([\d.]+)", output)
    total = re.search(r"(\d+) requests in", output)
    non_2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    socket_errors = (
        dict(zip(("connect", "read", "write", "timeout"), map(int, errors.groups()), strict=True))
        if errors
        else {}
    )
    return {
        "rps": float(rps.group(1)) if rps else 0.0,
        "requests": int(total.group(1)) if total else 0,
        "non_2xx": int(non_2xx.group(1)) if non_2xx else 0,
        "socket_errors": sum(socket_errors.values()),
        "socket_error_kinds": socket_errors,
    }


def measure(database_url, pages, *, seconds, page_cache_seconds=None, say=print):
    """The floor and each of `pages` ((name, path) pairs), uncached then cached, in one run."""
    if shutil.which("wrk") is None:
        raise ServerError(INSTALL_WRK)
    # As a TLS-ending proxy forwards requests (pages.forwarded_headers); the same for the floor.
    headers = forwarded_headers()
    results, floors = [], []
    phases = [(False, pages), (True, [(f"{name}-cached", path) for name, path in pages])]
    for cached, targets in phases:
        with gunicorn(database_url, cached=cached, page_cache_seconds=page_cache_seconds) as server:
            floor_headers = {**headers, **({FLOOR_HEADER[0]: FLOOR_HEADER[1]} if cached else {})}
            for name, path in targets:
                floor = run_one(server, "floor", FLOOR, seconds, floor_headers, say)
                floors.append(floor["rps"])
                if not results:
                    results.append({**floor, "floor_rps": floor["rps"]})
                figures = run_one(server, name, path, seconds, headers, say)
                figures["floor_rps"] = floor["rps"]
                results.append(figures)
    for figures in results:
        floor = figures["floor_rps"]
        figures["ratio_to_floor"] = round(figures["rps"] / floor, 4) if floor else None
    if floors and min(floors) < 0.75 * max(floors):
        say(
            f"!! the floor moved between {min(floors):,.0f} and {max(floors):,.0f} req/s during the run: "
            "the machine's load changed (each page is given against the floor measured just before it)"
        )
    return results


FLOOR = "/healthz/"
# A request the page cache passes on (newsroom.cache never answers one with credentials).
FLOOR_HEADER = ("Authorization", "Bearer benchmark-floor")


def run_one(server, name, path, seconds, headers, say):
    """wrk on one path after a first request (workers import what they need, a cache fills)."""
    try:
        first = status(server.base, path, headers=headers)
    except OSError as error:
        first = f"no answer ({error})"
    server.wait_idle()
    figures = wrk(server.base + path, seconds, headers)
    server.wait_idle()
    figures.update(name=name, url=path, status=first, server_errors=server.new_errors())
    line = f"  {name:<22} {figures['rps']:>10,.1f} req/s"
    if first != 200 or figures["non_2xx"] or figures["socket_errors"]:
        line += (
            f"  !! first request {first}, {figures['non_2xx']} non-2xx, "
            f"{figures['socket_errors']} socket errors {figures['socket_error_kinds']}"
        )
    say(line)
    for error in figures["server_errors"]:
        say(f"     gunicorn: {error}")
    return figures
