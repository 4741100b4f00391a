"""Issue 8's two web attacks, replayed against a real daphne with the run command's settings.

    .venv/bin/python bench/web_security.py

1. 30 wrong passwords on the admin login form: how many are processed before the lockout.
2. 100 wrong PINs on /jouer/, each with a made-up X-Forwarded-For: how many escape the
   wrong-PIN throttle (on main, with --proxy-headers, every one did).
"""

from __future__ import annotations

import http.cookiejar
import re
import secrets
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.support.live_server import LiveServer, prepare_database, server_env  # noqa: E402

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def post_form(opener, url: str, fields: dict, headers: dict | None = None) -> int:
    page = opener.open(url, timeout=10).read().decode()
    fields = {**fields, "csrfmiddlewaretoken": CSRF.search(page).group(1)}
    request = urllib.request.Request(  # noqa: S310 - our own server
        url, data=urllib.parse.urlencode(fields).encode(), headers=headers or {}
    )
    request.add_header("Referer", url)
    try:
        return opener.open(request, timeout=10).status
    except urllib.error.HTTPError as error:
        return error.code


def main() -> None:
    workdir = Path(tempfile.mkdtemp(prefix="bench-websec-"))
    env = server_env(
        f"sqlite:///{workdir / 'bench.sqlite3'}",
        DJANGO_SETTINGS_MODULE="cms.settings.local",
        SECRET_KEY_FILE=str(workdir / "secret_key"),
    )
    prepare_database(env, workdir / "prepare.log", demo=False)
    server = LiveServer(env=env, workdir=workdir).start()
    try:
        opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )
        logins = Counter(
            post_form(opener, f"{server.url}/admin/login/", {"username": "admin", "password": "x"})
            for _ in range(30)
        )
        print(
            f"30 wrong admin passwords: {logins[200]} processed (200), {logins[429]} locked (429)"
        )

        started = time.perf_counter()
        pins = Counter(
            post_form(
                opener,
                f"{server.url}/jouer/",
                {"pin": f"{secrets.randbelow(10**6):06d}"},
                {"X-Forwarded-For": f"10.{secrets.randbelow(256)}.{secrets.randbelow(256)}.7"},
            )
            for _ in range(100)
        )
        elapsed = time.perf_counter() - started
        print(
            f"100 wrong PINs with spoofed X-Forwarded-For in {elapsed:.1f} s: "
            f"{pins[200]} processed, {pins[429]} throttled (429)"
        )
    finally:
        server.stop()


if __name__ == "__main__":
    main()
