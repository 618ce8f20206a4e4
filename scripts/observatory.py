"""Grade the production configuration with the MDN HTTP Observatory's own scanner, on loopback.

    .venv/bin/python scripts/observatory.py [--json FILE]

Installs the scanner (`@mdn/mdn-http-observatory`, pinned below, from the npm registry) under
benchmarks/.data/, which git ignores; loads the seeds into a throwaway SQLite database; starts
gunicorn with production settings on 127.0.0.1:80 (the scanner knows no other port, so this needs
root or CAP_NET_BIND_SERVICE); scans http://localhost/; prints each test, the score and the grade.

Exits 1 unless every test passes but the two that need real HTTPS, which loopback cannot give:
`redirection` (to https) and `strict-transport-security` (HSTS is sent over HTTPS only). With TLS
ended at a proxy in front, both pass from the settings alone (README, Deploying).
"""

import argparse
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCANNER = "@mdn/mdn-http-observatory@1.4.8"
INSTALLED = ROOT / "benchmarks" / ".data" / "observatory"
NEED_HTTPS = {"redirection", "strict-transport-security"}
PORT = 80


def install():
    """The scanner, once. Its install scripts fetch CA bundles from the internet, for scanning
    public HTTPS sites: not needed on loopback, so they are skipped."""
    scan = INSTALLED / "node_modules" / "@mdn" / "mdn-http-observatory" / "src" / "scan.js"
    if not scan.exists():
        if not shutil.which("npm"):
            sys.exit("npm is not installed: the scanner comes from the npm registry (apt-get install -y npm)")
        INSTALLED.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            ["npm", "install", "--prefix", str(INSTALLED), "--ignore-scripts", "--no-audit", "--no-fund",
             "--loglevel=error", SCANNER],
            check=True,
        )  # fmt: skip
    # The install script would also fetch Chromium's HSTS preload list, to see if a site is on it:
    # localhost is on no such list, so an empty one is what the scanner would find.
    preload = scan.parents[1] / "conf" / "hsts-preload.json"
    if not preload.exists():
        preload.write_text("{}\n")
    return scan


def production(database_url):
    return {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "localhost",
        "DATABASE_URL": database_url,
        # Loopback has no TLS: a redirect to https would lead nowhere (the two HTTPS tests, above).
        "SECURE_SSL_REDIRECT": "0",
    }


def manage(env, *args):
    command = [sys.executable, "manage.py", *args, "--verbosity=0"]
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    if done.returncode:
        sys.exit(f"manage.py {' '.join(args)} failed:\n{done.stderr[-2000:]}")


def wait_for(port, process, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            sys.exit(f"gunicorn stopped at start (is port {port} free, and are you root?)")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.2)
    sys.exit(f"gunicorn did not answer on port {port} within {seconds} s")


def scan(scanner, env):
    gunicorn = Path(sys.executable).parent / "gunicorn"
    server = subprocess.Popen(
        [str(gunicorn), "newsroom.wsgi", "--workers=2", f"--bind=127.0.0.1:{PORT}", "--log-level=warning"],
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )
    try:
        wait_for(PORT, server)
        command = ["node", str(scanner), "localhost"]
        done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    finally:
        server.terminate()
        server.wait(timeout=30)
    try:
        result = json.loads(done.stdout)
    except json.JSONDecodeError:
        sys.exit(f"the scanner printed no result:\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}")
    if "error" in result:
        sys.exit(f"the scan failed: {result['error']}")
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path, help="also write the scanner's result to this file")
    options = parser.parse_args()
    scanner = install()
    with tempfile.TemporaryDirectory(prefix="newsroom-observatory-") as work:
        env = production(f"sqlite:///{work}/db.sqlite3")
        env["STATIC_ROOT"], env["MEDIA_ROOT"] = str(Path(work) / "static"), str(Path(work) / "media")
        manage(env, "migrate")
        manage(env, "load_seeds")
        manage(env, "collectstatic", "--noinput")
        result = scan(scanner, env)
    if options.json:
        options.json.write_text(json.dumps(result, indent=2) + "\n")

    failed = []
    for name, test in sorted(result["tests"].items()):
        mark = "pass" if test["pass"] else ("FAIL (needs HTTPS)" if name in NEED_HTTPS else "FAIL")
        print(f"  {name:32} {mark:20} {test.get('scoreModifier', 0):+4}  {test.get('result', '')}")
        if not test["pass"] and name not in NEED_HTTPS:
            failed.append(name)
    summary = result["scan"]
    print(f"score {summary['score']}, grade {summary['grade']}, {summary['testsPassed']} of "
          f"{summary['testsQuantity']} tests passed")  # fmt: skip
    if failed:
        print(f"failed, and not for want of HTTPS: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
