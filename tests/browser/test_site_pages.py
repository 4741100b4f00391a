"""Site pages in a real Chromium, at phone size, with the accessibility check."""

import pytest

from tests.support.a11y import assert_accessible, assert_no_horizontal_scroll

pytestmark = pytest.mark.browser


def test_home_page_on_a_phone(phone_page):
    phone_page.goto("/")
    title = phone_page.get_by_role("heading", level=1)
    code = phone_page.get_by_role("heading", name="J'ai un code")
    assert title.is_visible() and code.is_visible()
    # On a phone the game code comes first, above the title.
    assert code.bounding_box()["y"] < title.bounding_box()["y"]
    assert phone_page.get_by_role("textbox", name="Code PIN du jeu").is_visible()
    assert phone_page.get_by_role("button", name="Jouer").is_visible()
    assert_no_horizontal_scroll(phone_page)
    assert_accessible(phone_page)


def test_skip_link_moves_focus_to_the_content(phone_page):
    phone_page.goto("/")
    phone_page.keyboard.press("Tab")
    skip = phone_page.get_by_role("link", name="Aller au contenu")
    assert skip.evaluate("element => element === document.activeElement")
    phone_page.keyboard.press("Enter")
    assert phone_page.evaluate("location.hash") == "#contenu"


def test_menu_opens_on_a_phone(phone_page):
    phone_page.goto("/")
    phone_page.get_by_role("button", name="Ouvrir le menu").click()
    search_box = phone_page.get_by_role("searchbox", name="Rechercher sur le site")
    search_box.fill("confidentialité")
    search_box.press("Enter")
    phone_page.wait_for_url("**/recherche/**")
    assert phone_page.get_by_role("link", name="Confidentialité").first.is_visible()
    assert_accessible(phone_page)


def test_switch_to_english(phone_page):
    phone_page.goto("/")
    phone_page.get_by_label("Langue").select_option("en")
    phone_page.get_by_role("button", name="Changer").click()
    phone_page.wait_for_load_state()
    assert phone_page.locator("html").get_attribute("lang") == "en"
    assert phone_page.get_by_role("link", name="Skip to content").count() == 1


def test_not_found_page(phone_page):
    response = phone_page.goto("/nulle-part/")
    assert response.status == 404
    assert phone_page.get_by_role("heading", name="Page introuvable").is_visible()
    assert_accessible(phone_page)


def test_admin_login_page(desktop_page):
    desktop_page.goto("/admin/login/")
    assert (
        desktop_page.get_by_label("Nom d’utilisateur")
        .or_(desktop_page.get_by_label("Nom d'utilisateur"))
        .first.is_visible()
    )


def test_no_third_party_request(phone_page, site_server):
    requested = []
    phone_page.on("request", lambda request: requested.append(request.url))
    phone_page.goto("/")
    phone_page.wait_for_load_state("networkidle")
    foreign = [url for url in requested if not url.startswith(site_server.url)]
    assert requested and not foreign
