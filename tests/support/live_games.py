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


FRENCH_CONTROLS = {"send": "Valider", "estimate": "Ta réponse", "down": "Descendre"}


def answer_as_shown(phone: Page, choice: int, words: dict[str, str] = FRENCH_CONTROLS) -> None:
    """Answer whatever question the phone shows, from its controls alone.

    For games whose questions are generated (a parcours de A à Z), where the test does not
    know the authored question: `choice` varies the answer between phones. `words`: the
    controls' names in the page's language.
    """
    screen = phone.locator("#ecran")
    send = screen.get_by_role("button", name=words["send"], exact=True)
    if screen.locator(".ordering").count():
        for _ in range(choice):
            screen.get_by_role("button", name=re.compile(f"^{words['down']}")).first.click()
        send.click()
    elif screen.get_by_role("combobox").count():
        selects = screen.get_by_role("combobox")
        for row in range(selects.count()):
            options = selects.nth(row).locator("option:not([value=''])")
            selects.nth(row).select_option(index=1 + (row + choice) % options.count())
        send.click()
    elif screen.get_by_label(words["estimate"]).count():
        screen.get_by_label(words["estimate"]).fill(str(1000 + 100 * choice))
        send.click()
    else:
        buttons = screen.locator(".answer-grid .answer-button")
        buttons.nth(choice % buttons.count()).click()
        if send.count():  # several answers may be right: tapping one only selects it
            send.click()


def join_quietly(browser, base_url: str, pin: str, nicknames: list[str]) -> list:
    """Players who join through the nickname form without a game screen of their own (a full
    class on the projector without 30 browsers): one cookie jar each; returns the contexts."""
    contexts = []
    for nickname in nicknames:
        context = browser.new_context(base_url=base_url)
        form = context.request.get(f"/jouer/{pin}/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text()).group(1)
        joined = context.request.post(
            f"/jouer/{pin}/",
            form={"csrfmiddlewaretoken": token, "nickname": nickname},
            headers={"Referer": f"{base_url}/jouer/{pin}/"},
            max_redirects=0,
        )
        assert joined.status == 302, f"{nickname}: {joined.status}"
        contexts.append(context)
    return contexts


def page_fits(page: Page) -> dict:
    """How tall the page is against the window, and the smallest text size on it (px)."""
    return page.evaluate(
        """() => {
          const sizes = [...document.querySelectorAll('#jeu *')]
            .filter((el) => el.offsetParent && [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim()))
            // The teacher's own small controls (CSV link, players panel, « Retirer ») are read up close.
            .filter((el) => !el.closest('.visually-hidden, .host-results, .host-roster, .host-player button'))
            .map((el) => parseFloat(getComputedStyle(el).fontSize));
          // Text pushed out of the window upwards or sideways does not make the page scroll:
          // count it too (text inside an area that scrolls by itself is fine).
          const free = (el) => {
            for (let up = el.parentElement; up && up.id !== 'jeu'; up = up.parentElement) {
              if (getComputedStyle(up).overflowY !== 'visible') return false;
            }
            return true;
          };
          const outside = [...document.querySelectorAll('#ecran *')]
            .filter((el) => el.offsetParent && el.childElementCount === 0 && el.textContent.trim() && free(el))
            .filter((el) => { const r = el.getBoundingClientRect();
                              return r.top < 0 || r.bottom > innerHeight + 1 || r.left < 0 || r.right > innerWidth + 1; })
            .map((el) => el.textContent.trim().slice(0, 40));
          return {outside, scroll: document.scrollingElement.scrollHeight, height: innerHeight,
                  width: document.scrollingElement.scrollWidth, innerWidth, smallest: Math.min(...sizes)};
        }"""
    )
