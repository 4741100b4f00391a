"""The student's forms on a 360 px phone: the PIN, the nickname, the escape game's team choice.

Each page is checked with an error shown (the state where layouts break), and a screenshot is
written to PLAY_FORMS_SHOTS when that variable names a folder, to look at by eye.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.support.a11y import assert_accessible, assert_no_horizontal_scroll
from tests.support.live_games import launch_from_page, log_in_as_admin, watch

pytestmark = pytest.mark.browser

TOUCH = 44


def shoot(page, name: str) -> None:
    folder = os.environ.get("PLAY_FORMS_SHOTS")
    if folder:
        page.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=True)


def assert_large(page, *locators) -> None:
    for locator in locators:
        box = locator.bounding_box()
        assert box["height"] >= TOUCH, locator


def test_pin_and_nickname_forms_on_a_phone(projector_page, phone_page, site_server):
    problems = watch(phone_page, site_server.url)
    log_in_as_admin(projector_page)
    pin = launch_from_page(projector_page, "/jeux/quiz-pile-a-combustible/")

    phone_page.goto("/jouer/")
    field = phone_page.get_by_label("Code PIN")
    expect(field).to_have_attribute("inputmode", "numeric")
    expect(field).to_have_attribute("autocomplete", "off")
    field.fill("4829")
    phone_page.get_by_role("button", name="Rejoindre").click()
    expect(phone_page.get_by_role("alert")).to_contain_text("6 chiffres")
    expect(field).to_have_attribute("aria-invalid", "true")
    assert_large(phone_page, field, phone_page.get_by_role("button", name="Rejoindre"))
    assert_no_horizontal_scroll(phone_page)
    assert_accessible(phone_page)
    shoot(phone_page, "pin")

    field.fill(pin)
    phone_page.get_by_role("button", name="Rejoindre").click()
    nickname = phone_page.get_by_label("Ton pseudo")
    expect(nickname).to_have_attribute("autocapitalize", "words")
    expect(phone_page.get_by_text("caractères au plus, sans ton vrai nom.")).to_be_visible()
    phone_page.get_by_role("button", name="C'est parti !").click()
    expect(phone_page.get_by_role("alert")).to_contain_text("Choisis un pseudo pour jouer.")
    expect(nickname).to_have_attribute("aria-invalid", "true")
    assert_large(
        phone_page,
        nickname,
        phone_page.get_by_role("button", name="C'est parti !"),
        phone_page.get_by_role("button", name="Choisir pour moi"),
    )
    assert_no_horizontal_scroll(phone_page)
    assert_accessible(phone_page)
    shoot(phone_page, "nickname")

    phone_page.get_by_role("button", name="Choisir pour moi").click()
    expect(nickname).not_to_have_value("")
    phone_page.get_by_role("button", name="C'est parti !").click()
    phone_page.wait_for_url(re.compile(rf"/jouer/{pin}/partie/$"))
    assert problems == []


def test_escape_join_form_on_a_phone(projector_page, phone_page, site_server):
    problems = watch(phone_page, site_server.url)
    log_in_as_admin(projector_page)
    pin = launch_from_page(projector_page, "/jeux/panne-a-l-usine/")

    phone_page.goto(f"/jouer/{pin}/")
    phone_page.get_by_role("button", name="C'est parti !").click()
    expect(phone_page.get_by_role("alert")).to_contain_text("Choisis un pseudo pour jouer.")
    expect(phone_page.get_by_role("radio", name=re.compile("^Placez-moi"))).to_be_checked()
    assert_no_horizontal_scroll(phone_page)
    assert_accessible(phone_page)
    shoot(phone_page, "escape_nickname")

    phone_page.get_by_label("Ton pseudo").fill("Castor Futé")
    phone_page.get_by_role("radio", name=re.compile("^Les Castors")).check()
    phone_page.get_by_role("button", name="C'est parti !").click()
    phone_page.wait_for_url(re.compile(rf"/jouer/{pin}/partie/$"))
    expect(phone_page.get_by_role("heading", name="Équipe Les Castors")).to_be_visible()
    assert problems == []
