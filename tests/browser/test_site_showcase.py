"""The pages a region publishes, in Chromium: accessible at 360 px and 1366 px, pictures in
WebP loaded lazily, and a fiche light enough for a phone on a school's Wi-Fi."""

from __future__ import annotations

import pytest

from tests.support.a11y import assert_accessible, assert_no_horizontal_scroll
from tests.support.browser import PHONE
from tests.support.live_server import LiveServer, manage, prepare_database, server_env
from tests.support.page_weight import transferred

pytestmark = pytest.mark.browser

PAGES = [
    "/",
    "/metiers/soudeur/",
    "/filieres/energie/",
    "/objets-de-a-a-z/pot-de-yaourt/",
    "/recherche/?q=yaourt",
    "/recherche/?q=soudeurr",
    "/jeux/",
]
WIDE = {"viewport": {"width": 1366, "height": 900}, "locale": "fr-FR"}
FICHE_BUDGET_BYTES = 300 * 1024


@pytest.mark.parametrize("path", PAGES)
def test_page_is_accessible_on_a_phone(phone_page, path):
    phone_page.goto(path)
    assert phone_page.get_by_role("heading", level=1).count() == 1
    assert_no_horizontal_scroll(phone_page)
    assert_accessible(phone_page)


@pytest.mark.parametrize("path", ["/", "/metiers/soudeur/", "/objets-de-a-a-z/pot-de-yaourt/"])
def test_page_is_accessible_on_a_laptop(browser, site_server, path):
    context = browser.new_context(base_url=site_server.url, **WIDE)
    page = context.new_page()
    page.goto(path)
    assert_accessible(page)
    context.close()


def test_fiche_pictures_are_webp_with_srcset_and_lazy_below_the_top(phone_page):
    phone_page.goto("/metiers/soudeur/")
    hero = phone_page.locator("img.fiche-image")
    assert ".webp" in hero.get_attribute("src") and "480w" in hero.get_attribute("srcset")
    assert hero.get_attribute("alt").startswith("Illustration : ")
    cards = phone_page.locator("img.carte-image")
    assert cards.count() > 0
    assert all(cards.nth(i).get_attribute("loading") == "lazy" for i in range(cards.count()))


def test_a_fiche_leads_to_its_games_and_objets(phone_page):
    phone_page.goto("/metiers/soudeur/")
    assert phone_page.get_by_role("heading", name="Joue").is_visible()
    phone_page.get_by_role("heading", name="Suis l'objet").scroll_into_view_if_needed()
    phone_page.get_by_role("link", name="Pile à combustible").first.click()
    phone_page.wait_for_url("**/objets-de-a-a-z/pile-a-combustible/")


@pytest.fixture(scope="module")
def production_server(tmp_path_factory):
    """The site as deployed: production settings, static files compressed by WhiteNoise."""
    workdir = tmp_path_factory.mktemp("production")
    env = server_env(
        f"sqlite:///{workdir / 'prod.sqlite3'}",
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        SECRET_KEY="test-only-" + "x" * 50,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="false",
        SECURE_HSTS_SECONDS="0",
        SERVE_MEDIA="true",
    )
    manage("collectstatic", "--noinput", "-v0", env=env, log=workdir / "collectstatic.log")
    prepare_database(env, workdir / "prepare.log")
    server = LiveServer(env=env, workdir=workdir).start()
    yield server
    server.stop()


def test_a_fiche_weighs_at_most_300_kb_on_a_phone(browser, production_server):
    context = browser.new_context(base_url=production_server.url, **PHONE)
    page = context.new_page()
    size, responses = transferred(page, f"{production_server.url}/metiers/soudeur/")
    context.close()
    assert responses >= 5  # HTML, CSS, JS and pictures were all counted
    assert size <= FICHE_BUDGET_BYTES, f"fiche: {size / 1024:.0f} KB on a phone"
