"""Playing a live game in real browsers: the teacher's screen and the students' phones.

Everything goes through the pages a person uses (the admin login form, the « Lancer » button
of a demo game, the PIN and nickname forms), on the live server's own database.
"""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.support.live_server import ADMIN_PASSWORD

SENT = "Réponse envoyée ✓"


def watch(page: Page, base_url: str) -> list[str]:
    """Problems seen by a page as it runs: script errors, requests that leave our site, and
    anything the Content-Security-Policy refused."""
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(f"script error: {error}"))
    page.on(
        "console",
        lambda message: (
            problems.append(f"CSP: {message.text}")
            if "Content Security Policy" in message.text
            else None
        ),
    )
    page.on(
        "request",
        lambda request: (
            None
            if request.url.startswith((base_url, "ws://127.0.0.1", "data:"))
            else problems.append(f"third-party request: {request.url}")
        ),
    )
    return problems


def log_in_as_admin(page: Page) -> None:
    page.goto("/admin/login/")
    page.locator("#id_username").fill("admin")
    page.locator("#id_password").fill(ADMIN_PASSWORD)
    page.locator("#id_password").press("Enter")
    page.wait_for_url(re.compile(r"/admin/$"))


def launch_from_page(page: Page, game_path: str) -> str:
    """Press « Lancer le jeu en classe » on a game page; returns the PIN of the host screen."""
    page.goto(game_path)
    page.get_by_role("button", name="Lancer le jeu en classe").click()
    page.wait_for_url(re.compile(r"/jeu/\d{6}/hote/$"))
    return re.search(r"/jeu/(\d{6})/hote/", page.url).group(1)


def join_by_pin(phone: Page, pin: str, nickname: str) -> None:
    phone.goto("/jouer/")
    phone.get_by_label("Code PIN").fill(pin)
    phone.get_by_role("button", name="Rejoindre").click()
    phone.get_by_label("Ton pseudo").fill(nickname)
    phone.get_by_role("button", name="C'est parti !").click()
    phone.wait_for_url(re.compile(rf"/jouer/{pin}/partie/$"))
    expect(phone.get_by_text(f"Tu es dans la partie, {nickname} !")).to_be_visible()


def answer(phone: Page, question: dict, choice: int) -> None:
    """Answer `question` (as authored in games.kinds.quiz.demo) with the controls of its kind.

    `choice` varies the answer between phones; any valid answer will do.
    """
    kind = question["kind"]
    if kind == "choice" and len(question["correct"]) > 1:
        for index in question["correct"]:
            phone.get_by_role("button", name=question["options"][index], exact=True).click()
        phone.get_by_role("button", name="Valider").click()
    elif kind == "choice":
        option = question["options"][choice % len(question["options"])]
        phone.get_by_role("button", name=option, exact=True).click()
    elif kind == "true_false":
        phone.get_by_role("button", name="Vrai" if choice % 2 == 0 else "Faux", exact=True).click()
    elif kind == "ordering":
        for _ in range(choice):
            phone.get_by_role("button", name=re.compile("^Descendre")).first.click()
        phone.get_by_role("button", name="Valider").click()
    elif kind == "matching":
        selects = phone.get_by_role("combobox")
        letters = "ABCDEFGH"
        for row in range(selects.count()):
            selects.nth(row).select_option(letters[(row + choice) % selects.count()])
        phone.get_by_role("button", name="Valider").click()
    elif kind == "estimate":
        phone.get_by_label("Ta réponse").fill(str(question["value"] + 100 * choice))
        phone.get_by_role("button", name="Valider").click()
    else:
        raise AssertionError(f"no controls for {kind!r}")


def answer_as_shown(phone: Page, choice: int) -> None:
    """Answer whatever question the phone shows, from its controls alone.

    For games whose questions are generated (a parcours de A à Z), where the test does not
    know the authored question: `choice` varies the answer between phones.
    """
    screen = phone.locator("#ecran")
    if screen.locator(".ordering").count():
        for _ in range(choice):
            screen.get_by_role("button", name=re.compile("^Descendre")).first.click()
        screen.get_by_role("button", name="Valider").click()
    elif screen.get_by_role("combobox").count():
        selects = screen.get_by_role("combobox")
        for row in range(selects.count()):
            options = selects.nth(row).locator("option:not([value=''])")
            selects.nth(row).select_option(index=1 + (row + choice) % options.count())
        screen.get_by_role("button", name="Valider").click()
    elif screen.get_by_label("Ta réponse").count():
        screen.get_by_label("Ta réponse").fill(str(1000 + 100 * choice))
        screen.get_by_role("button", name="Valider").click()
    else:
        buttons = screen.locator(".answer-grid .answer-button")
        buttons.nth(choice % buttons.count()).click()
        send = screen.get_by_role("button", name="Valider")
        if send.count():  # several answers may be right: tapping one only selects it
            send.click()
