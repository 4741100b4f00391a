"""An editor writes and publishes a 3-question quiz in the Wagtail editor, within 3 minutes of
scripted steps, with no answer pre-ticked: each right answer is chosen explicitly."""

from __future__ import annotations

import re
import time

import pytest
from playwright.sync_api import Page, expect

from tests.support.live_games import log_in_as_admin

pytestmark = pytest.mark.browser

WIDE = {"viewport": {"width": 1366, "height": 900}, "locale": "fr-FR"}
BUDGET_S = 180
FICHE = "Soudeur / Soudeuse"


@pytest.fixture
def editor_page(browser, site_server):
    context = browser.new_context(base_url=site_server.url, **WIDE)
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    context.close()


def add_question(page: Page, kind: str) -> None:
    page.get_by_role("button", name="Insérer un bloc").last.click()
    page.get_by_role("option", name=kind).click()


def right_answer(page: Page, number: int, value: str) -> None:
    page.locator(f"input[name='questions-{number}-value-correct'][value='{value}']").check()


def choose_fiche(page: Page, number: int) -> None:
    page.locator(f"#questions-{number}-value-metiers-0-value-chooser").get_by_role(
        "button"
    ).first.click()
    page.get_by_role("dialog").get_by_role("link", name=FICHE).click()
    expect(page.locator(f"#questions-{number}-value-metiers-0-value-title")).to_have_text(FICHE)


def test_an_editor_writes_and_publishes_a_three_question_quiz(editor_page, site_server):
    page = editor_page
    started = time.monotonic()
    log_in_as_admin(page)
    page.get_by_role("button", name="Espace enseignant").click()
    page.get_by_role("link", name="Mes jeux").click()
    page.get_by_role("link", name="Écrire un nouveau jeu").click()
    page.get_by_role("link", name=re.compile("^Quiz")).first.click()
    page.get_by_placeholder(re.compile("Titre de la page")).fill("Quiz éclair : la soudure")

    add_question(page, "Vrai ou faux")
    page.locator("#questions-0-value-prompt").fill("Un soudeur assemble des pièces de métal.")
    right_answer(page, 0, "true")
    choose_fiche(page, 0)

    add_question(page, "Choix multiple")
    page.locator("#questions-1-value-prompt").fill("Quelle protection porte le soudeur ?")
    page.locator("#questions-1-value-options-0-value-text").fill("Une casquette")
    page.locator("#questions-1-value-options-1-value-text").fill("Un masque de soudage")
    # Nothing is pre-ticked: the right answer is the editor's explicit choice.
    for option in (0, 1):
        expect(
            page.locator(f"#questions-1-value-options-{option}-value-correct")
        ).not_to_be_checked()
    page.locator("#questions-1-value-options-1-value-correct").check()
    choose_fiche(page, 1)

    add_question(page, "Vrai ou faux")
    page.locator("#questions-2-value-prompt").fill("On soude sans lire de plan.")
    right_answer(page, 2, "false")
    choose_fiche(page, 2)

    page.get_by_role("button", name="Plus d'actions").click()
    page.get_by_role("button", name="Publier").click()
    expect(page.get_by_text(re.compile("Quiz éclair : la soudure.*publiée"))).to_be_visible()
    elapsed = time.monotonic() - started
    assert elapsed < BUDGET_S, f"{elapsed:.0f} s"

    # Published: on the public list of games, with its three questions for the teacher's preview.
    page.goto("/jeux/")
    expect(page.get_by_role("link", name=re.compile("Quiz éclair : la soudure"))).to_be_visible()
    page.goto("/admin/enseignant/jeux/")
    page.get_by_role("link", name="Voir les questions de « Quiz éclair : la soudure »").click()
    expect(page.locator(".teacher-questions > li")).to_have_count(3)
    expect(page.locator(".teacher-answers__right")).to_have_text(re.compile("Un masque de soudage"))

    # One click from the admin's page listing to the class screen (a POST, not a link).
    page.goto("/admin/enseignant/jeux/")
    index_url = page.get_by_role("link", name="Écrire un nouveau jeu").get_attribute("href")
    page.goto(index_url.replace("add_subpage/", ""))
    page.get_by_role("link", name="Lancer « Quiz éclair : la soudure » en classe").click()
    page.wait_for_url(re.compile(r"/jeu/\d{6}/hote/$"))
