"""Fixtures shared by the whole suite."""

from __future__ import annotations

import pytest

from tests.support.browser import CHROMIUM, CHROMIUM_ARGS, DESKTOP, PHONE, PROJECTOR
from tests.support.live_server import LiveServer, prepare_database, server_env
from tests.support.requirements import skip_or_fail


@pytest.fixture(autouse=True)
def fresh_cache():
    """Throttle counters live in the cache (locmem in tests), shared by every test."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(scope="session")
def site_server(tmp_path_factory) -> LiveServer:
    """daphne serving the demo content on a SQLite file and the in-memory layer."""
    workdir = tmp_path_factory.mktemp("live")
    env = server_env(f"sqlite:///{workdir / 'live.sqlite3'}")
    prepare_database(env, workdir / "prepare.log")
    server = LiveServer(env=env, workdir=workdir).start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        skip_or_fail(
            f"Chromium not found at {CHROMIUM} (apt-get install chromium)", "REQUIRE_BROWSER"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


def _page(browser, site_server, options):
    context = browser.new_context(base_url=site_server.url, **options)
    context.set_default_timeout(10_000)
    page = context.new_page()
    return context, page


@pytest.fixture
def phone_page(browser, site_server):
    """A 360 x 740 touch phone, French locale."""
    context, page = _page(browser, site_server, PHONE)
    yield page
    context.close()


@pytest.fixture
def desktop_page(browser, site_server):
    context, page = _page(browser, site_server, DESKTOP)
    yield page
    context.close()


@pytest.fixture
def projector_page(browser, site_server):
    """The class screen: 16:9, seen from the back of the room."""
    context, page = _page(browser, site_server, PROJECTOR)
    yield page
    context.close()


@pytest.fixture
def new_phone(browser, site_server):
    """Factory for several phones at once (a class), all closed at the end of the test."""
    contexts = []

    def make():
        context, page = _page(browser, site_server, PHONE)
        contexts.append(context)
        return page

    yield make
    for context in contexts:
        context.close()
