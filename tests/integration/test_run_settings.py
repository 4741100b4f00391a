"""The run command's settings (cms.settings.local) on a real daphne: no debug output, ever.

Students' phones reach this server on the classroom Wi-Fi: a 404 or a 500 must be our page,
never Django's debug page with its traceback, settings and URL list.
"""

from __future__ import annotations

import sqlite3
import stat
import urllib.error
import urllib.request

import pytest

from tests.support.live_server import LiveServer, manage, prepare_database, server_env

DEBUG_MARKS = (
    "Traceback",
    "DEBUG = True",
    "URLconf",
    "Django tried these URL patterns",
    "settings.py",
)


def fetch(url: str) -> tuple[int, str, dict]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - our server
            return response.status, response.read().decode(), dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(), dict(error.headers)


@pytest.fixture(scope="module")
def run_server(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("run-settings")
    database = workdir / "run.sqlite3"
    env = server_env(
        f"sqlite:///{database}",
        DJANGO_SETTINGS_MODULE="cms.settings.local",
        SECRET_KEY_FILE=str(workdir / "secret_key"),
        STATIC_ROOT=str(workdir / "static"),
    )
    env.pop("SECRET_KEY", None)
    env.pop("DEBUG", None)
    prepare_database(env, workdir / "prepare.log")
    manage("collectstatic", "--noinput", "-v0", env=env, log=workdir / "prepare.log")
    server = LiveServer(env=env, workdir=workdir).start()
    yield server, workdir, database
    server.stop()


def test_the_secret_key_is_generated_once_into_a_private_file(run_server):
    _, workdir, _ = run_server
    key_file = workdir / "secret_key"
    assert len(key_file.read_text().strip()) >= 50
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert "dev-only-key" not in key_file.read_text()


def test_static_files_and_uploads_are_still_served(run_server):
    server, _, _ = run_server
    assert fetch(f"{server.url}/static/cms/css/site.css")[0] == 200
    # Compressed for the phones on the class Wi-Fi (collected by the run command).
    css = f"{server.url}/static/bootstrap/css/bootstrap.min.css"
    request = urllib.request.Request(css, headers={"Accept-Encoding": "gzip"})  # noqa: S310
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 - our server
        assert response.headers["Content-Encoding"] == "gzip"
        assert len(response.read()) < 60_000  # ~230 KB uncompressed
    assert fetch(f"{server.url}/media/.gitkeep")[0] == 200


def test_a_missing_page_is_our_404(run_server):
    server, _, _ = run_server
    status, body, headers = fetch(f"{server.url}/cette-page-n-existe-pas/")
    assert status == 404
    assert "Page introuvable" in body
    assert not [mark for mark in DEBUG_MARKS if mark in body]
    assert "default-src 'self'" in headers["Content-Security-Policy"]


def test_a_server_error_is_our_500(run_server):
    server, _, database = run_server
    assert fetch(f"{server.url}/")[0] == 200
    with sqlite3.connect(database) as connection:
        connection.execute("DROP TABLE cms_homepage")  # the home page can no longer load
    status, body, _ = fetch(f"{server.url}/")
    assert status == 500
    assert "Oups, une erreur de notre côté" in body
    assert not [mark for mark in DEBUG_MARKS if mark in body]
