"""The class screen on a projector: lobby, « Prêts ? », question, reveal and podium each fit
1366 × 768 and 1920 × 1080 without scrolling, with 30 players, in type read from the back."""

import re

import pytest
from playwright.sync_api import expect

from tests.support.a11y import assert_accessible, assert_no_horizontal_scroll
from tests.support.live_games import (
    join_by_pin,
    join_quietly,
    launch_from_page,
    log_in_as_admin,
    page_fits,
    watch,
)

pytestmark = pytest.mark.browser

GAME_PAGE = "/jeux/quiz-pile-a-combustible/"
SIZES = [(1366, 768), (1920, 1080)]
# Nicknames as long as the form allows (24), to test the worst case.
QUIET = [f"Élève numéro {n:02d} long" for n in range(27)]


def assert_fits(host, step, shots):
    for width, height in SIZES:
        host.set_viewport_size({"width": width, "height": height})
        host.wait_for_timeout(150)
        host.screenshot(path=shots / f"{step}-{width}.png")
        measured = page_fits(host)
        assert measured["scroll"] <= measured["height"], (step, width, measured)
        assert measured["outside"] == [], (step, width, measured)
        assert measured["width"] <= measured["innerWidth"], (step, width, measured)
        # On 1366 px, nothing under 18 px: read from 8 m on a 2 m wide picture.
        assert measured["smallest"] >= (18 if width == 1366 else 24), (step, width, measured)
    host.set_viewport_size({"width": 1366, "height": 768})


def test_every_step_of_the_class_screen_fits_a_projector(
    projector_page, new_phone, browser, site_server, tmp_path
):
    host = projector_page
    host.set_viewport_size({"width": 1366, "height": 768})
    problems = watch(host, site_server.url)
    log_in_as_admin(host)
    pin = launch_from_page(host, GAME_PAGE)
    quiet = join_quietly(browser, site_server.url, pin, QUIET)
    phones = [new_phone() for _ in range(3)]
    for phone, nickname in zip(phones, ["Lina", "Noé", "Sam"], strict=True):
        join_by_pin(phone, pin, nickname)
    expect(host.get_by_role("heading", name="Joueurs connectés : 30")).to_be_visible()
    start = host.get_by_role("button", name="Démarrer")
    assert start.bounding_box()["y"] + start.bounding_box()["height"] <= 768
    assert_fits(host, "lobby", tmp_path)
    assert_accessible(host)

    start.click()
    expect(host.get_by_text("Prêts ?")).to_be_visible()
    expect(host.get_by_role("heading", name=re.compile("Question 1 sur"))).to_be_visible()
    picture = re.compile("^Schéma d'une pile à combustible")
    expect(host.get_by_role("img", name=picture)).to_be_visible()
    assert_fits(host, "question", tmp_path)
    assert_accessible(host)
    phone = phones[0]
    expect(phone.get_by_role("heading", name=re.compile("Question 1 sur"))).to_be_visible()
    expect(phone.get_by_role("img", name=picture)).to_be_visible()
    assert phone.get_by_role("img", name=picture).evaluate("(img) => img.naturalWidth") > 0
    phone.screenshot(path=tmp_path / "phone-question-360.png", full_page=True)
    assert_accessible(phone)
    assert_no_horizontal_scroll(phone)

    host.get_by_role("button", name="Révéler maintenant").click()
    expect(host.get_by_role("heading", name="La bonne réponse")).to_be_visible()
    assert_fits(host, "reveal", tmp_path)
    expect(phone.get_by_role("heading", name="La bonne réponse")).to_be_visible()
    expect(phone.get_by_text(re.compile(r"place sur 30"))).to_be_visible()
    phone.screenshot(path=tmp_path / "phone-reveal-360.png", full_page=True)
    assert_accessible(phone)

    host.once("dialog", lambda dialog: dialog.accept())
    host.get_by_role("button", name="Terminer").click()
    expect(host.get_by_role("heading", name="Bravo à toutes et à tous !")).to_be_visible()
    host.wait_for_timeout(4000)  # the podium has risen
    assert_fits(host, "podium", tmp_path)
    expect(host.get_by_role("button", name="Rejouer")).to_be_visible()
    assert_accessible(host)
    assert problems == []
    for context in quiet:
        context.close()


def test_a_lobby_of_300_players_keeps_start_in_sight(
    projector_page, browser, site_server, tmp_path
):
    host = projector_page
    host.set_viewport_size({"width": 1366, "height": 768})
    log_in_as_admin(host)
    pin = launch_from_page(host, GAME_PAGE)
    quiet = join_quietly(browser, site_server.url, pin, [f"Joueur {n:03d}" for n in range(300)])
    expect(host.get_by_role("heading", name="Joueurs connectés : 300")).to_be_visible(
        timeout=20_000
    )
    assert_fits(host, "lobby-300", tmp_path)
    start = host.get_by_role("button", name="Démarrer").bounding_box()
    assert start["y"] + start["height"] <= 768
    # The list pages through itself: after a while, later nicknames are in sight.
    area = host.locator(".host-players__list")
    first = area.evaluate("(el) => el.scrollTop")
    host.wait_for_timeout(4500)
    assert area.evaluate("(el) => el.scrollTop") > first
    for context in quiet:
        context.close()
