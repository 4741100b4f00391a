"""The Content-Security-Policy in Chromium: key pages work under it with 0 violations.

The game's websocket (ws:// to the same host and port) must connect under `connect-src 'self'`:
the host screen seeing the phone join, and the phone seeing the first question, prove it.
"""

import pytest
from playwright.sync_api import Page, expect

from games.kinds.quiz.demo import QUIZ_PILE
from tests.support.live_games import answer, join_by_pin, launch_from_page, log_in_as_admin

pytestmark = pytest.mark.browser

GAME_PAGE = "/jeux/quiz-pile-a-combustible/"
PUBLIC_PAGES = [
    "/",
    "/metiers/",
    "/metiers/chaudronnier/",
    "/filieres/vehicules-du-futur/",  # its colours come in a <style> with the nonce
    "/objets-de-a-a-z/pile-a-combustible/",
    "/recherche/?q=soudure",
    GAME_PAGE,
    "/jouer/",
    "/carte/",  # filière colours and marker sizes come in <style> elements with the nonce
    "/carte/?departement=25",
    "/agenda/",
    "/agenda/proposer/",
    "/agenda/forum-industrie-besancon/",
]

# Registered before any script of the page runs; CDP injects it, so the policy allows it.
LISTEN = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.effectiveDirective} ${event.blockedURI}`);
});
"""


def watch_policy(page: Page) -> list[str]:
    """Violations reported by the page: the DOM events and the console's "Refused to ..."."""
    seen: list[str] = []
    page.add_init_script(LISTEN)
    page.on(
        "console",
        lambda message: (
            seen.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    return seen


def violations(page: Page, console: list[str]) -> list[str]:
    return console + page.evaluate("window.__cspViolations || []")


def test_public_pages_run_with_no_violation(phone_page, site_server):
    console = watch_policy(phone_page)
    for path in PUBLIC_PAGES:
        response = phone_page.goto(path)
        assert response.status == 200, path
        assert "default-src 'self'" in response.headers["content-security-policy"]
        assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
        toggle = phone_page.get_by_role("button", name="Ouvrir le menu")
        if toggle.count():  # the play pages have no site menu
            # The menu opens with Bootstrap's script: scripts from our files run.
            toggle.click()
            expect(phone_page.locator("#menu-principal")).to_be_visible()
        assert violations(phone_page, console) == [], path


def test_a_live_game_plays_under_the_policy(projector_page, phone_page, site_server):
    host, phone = projector_page, phone_page
    host_console, phone_console = watch_policy(host), watch_policy(phone)
    log_in_as_admin(host)  # /admin/ has no policy of ours (Wagtail's inline scripts)
    pin = launch_from_page(host, GAME_PAGE)
    assert "connect-src 'self'" in host.evaluate(
        "fetch(location.href).then(r => r.headers.get('content-security-policy'))"
    )

    join_by_pin(phone, pin, "Castor")
    # Both screens hear each other through their websockets.
    expect(host.get_by_role("heading", name="Joueurs connectés : 1")).to_be_visible()
    host.get_by_role("button", name="Démarrer").click()
    question = QUIZ_PILE.questions[0]
    expect(phone.get_by_text(question["prompt"])).to_be_visible()
    answer(phone, question, 0)  # the only player: the answer reveals at once
    expect(host.get_by_role("heading", name="La bonne réponse")).to_be_visible()
    expect(phone.get_by_text("Score : ")).to_be_visible()

    assert violations(host, host_console) == []
    assert violations(phone, phone_console) == []
