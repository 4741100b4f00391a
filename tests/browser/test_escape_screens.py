"""Issue 10, escape: the demo played to the end by 3 phones, in French and in English, with a
1366 x 768 class screen measured at every step, the answer sheet kept off the phones, the team
naming, hint costs, dismissable messages and the end screen at 360 px.

Screenshots go to $ESCAPE_SHOTS (default /tmp/escape-shots) for a person to look at.
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

import pytest
from playwright.sync_api import expect

from games.kinds.escape.demo import played_enigmes
from tests.support.a11y import assert_accessible, assert_no_horizontal_scroll
from tests.support.browser import PHONE
from tests.support.live_escape import enter_code_anywhere
from tests.support.live_games import log_in_as_admin, watch

pytestmark = pytest.mark.browser

GAME_PAGE = "/jeux/panne-a-l-usine/"
BY_ID = {enigme["id"]: enigme for enigme in played_enigmes()}
# Two players in team 1 (the headlights after the fork), one alone in team 2 (the fuel cells).
PATHS = {
    "t1": ["badge", "robot-soudure", "voyants", "aiguillage", "presse", "etapes", "quai"],
    "t2": ["badge", "robot-soudure", "voyants", "aiguillage", "outils", "etapes", "quai"],
}
CODES = {
    "aiguillage": {"t1": "A", "t2": "B"},
    # The fiche's own title and an article: accepted like the solution « soudeur ».
    "robot-soudure": {"t1": "un soudeur", "t2": "Soudeur / Soudeuse"},
}
PROJECTOR = {"width": 1366, "height": 768}
SHOTS = Path(os.environ.get("ESCAPE_SHOTS", Path(tempfile.gettempdir()) / "escape-shots"))
LOCALES = {"fr": "fr-FR", "en": "en-GB"}
WORDS = {"fr": {"rank": "1ʳᵉ"}, "en": {"rank": "1st"}}
HINT_COST = "0:30"  # the badge's first hint
TEAM_NAME = "Les Bielles"


def fits(page, name: str, lang: str) -> None:
    """The page holds in its viewport without scrolling, and axe finds nothing serious.
    Screenshot kept."""
    assert_accessible(page)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{lang}-{name}.png"))
    size = page.evaluate(
        "({h: document.documentElement.scrollHeight, w: document.documentElement.scrollWidth,"
        " vh: window.innerHeight, vw: window.innerWidth})"
    )
    assert size["h"] <= size["vh"] and size["w"] <= size["vw"], f"{name} overflows: {size}"


# The class view drawn by its own module for 12 teams at every stage of their path, measured
# in the same task (the host redraws the real view every second).
TWELVE_TEAMS = """
async () => {
  const { classView } = await import("/static/games/js/escape_class.js");
  const progress = Array.from({ length: 12 }, (_, i) => ({
    team_id: `t${i + 1}`, name: `Les Engrenages ${i + 1}`, members: ["1"],
    solved_count: i % 8, path_count: 7, finished_at_ms: i % 8 === 7 ? 1 : null,
  }));
  const view = { title: "Panne à l'usine", paused: false, phase: "running", progress };
  const screen = document.getElementById("ecran");
  screen.replaceChildren(classView(view, { remaining: () => 1234000, onLeave() {} }));
  const root = document.documentElement;
  return screen.querySelectorAll(".escape-tracks__team").length === 12
    && root.scrollHeight <= innerHeight && root.scrollWidth <= innerWidth;
}
"""


def twelve_teams_fit(host) -> bool:
    fitting = host.evaluate(TWELVE_TEAMS)
    host.screenshot(path=str(SHOTS / "class-view-12-teams.png"))
    return fitting


def join(phone, pin: str, nickname: str, team: str) -> None:
    phone.goto("/jouer/")
    phone.locator("#id_pin").fill(pin)
    phone.locator("#id_pin").press("Enter")
    phone.locator("#id_nickname").fill(nickname)
    phone.locator(f"input[name=team][value={team}]").check()
    phone.locator("form.play-form button[type=submit]:not([name])").click()
    phone.wait_for_url(re.compile(rf"/jouer/{pin}/partie/$"))


def code_for(team: str, enigme: dict) -> str:
    return CODES.get(enigme["id"], {}).get(team) or enigme["solutions"][0]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_three_phones_play_the_demo_escape_on_a_projector(browser, site_server, lang):
    words = WORDS[lang]
    contexts = []

    def context(**options):
        made = browser.new_context(base_url=site_server.url, locale=LOCALES[lang], **options)
        made.set_default_timeout(10_000)
        contexts.append(made)
        return made.new_page()

    try:
        host = context(viewport=PROJECTOR)
        problems = watch(host, site_server.url)
        log_in_as_admin(host)
        host.goto(GAME_PAGE)
        host.locator("form[action*='/jeux/lancer/'] button[type=submit]").click()
        host.wait_for_url(re.compile(r"/jeu/\d{6}/hote/$"))
        pin = re.search(r"/jeu/(\d{6})/hote/", host.url).group(1)

        phone_options = {key: value for key, value in PHONE.items() if key != "locale"}
        castor, loutre, lynx = (context(**phone_options) for _ in range(3))
        for phone in (castor, loutre, lynx):
            problems += watch(phone, site_server.url)
        join(castor, pin, "Castor Futé", "t1")
        join(loutre, pin, "Loutre", "t1")
        join(lynx, pin, "Lynx 42", "t2")

        # The team names itself in the lobby; every screen follows.
        castor.locator("#nom-equipe").fill(TEAM_NAME)
        castor.locator("#nom-equipe").press("Enter")
        expect(loutre.locator(".play-header__me")).to_contain_text(TEAM_NAME)
        expect(host.locator(".escape-team__name").first).to_contain_text(TEAM_NAME)
        assert_accessible(castor)
        fits(host, "1-lobby", lang)

        host.locator("#demarrer").click()
        expect(host.locator(".escape-board__table")).to_be_visible()
        badge = BY_ID["badge"]
        expect(castor.locator(".escape-title")).to_have_text(badge["title"])
        # « Énigme 1 sur 7 »: the team's own path, not the 8 énigmes of the game.
        expect(castor.locator(".question-number")).to_contain_text("1")
        expect(castor.locator(".question-number")).to_contain_text("7")
        expect(castor.locator(".question-number")).not_to_contain_text("8")

        # The answer sheet: on the host page, closed; on no phone.
        sheet = host.locator("#corrige")
        expect(sheet).not_to_have_attribute("open", "")
        expect(sheet.locator(".escape-answers__solution").first).to_be_hidden()
        for phone in (castor, loutre, lynx):
            assert phone.locator("#corrige").count() == 0
            assert "4350" not in phone.content()
        sheet.locator("summary").click()
        expect(sheet.locator(".escape-answers__solution").first).to_have_text("4350")
        sheet.locator("summary").click()
        fits(host, "2-board", lang)

        # A wrong code counts on the board as a wrong code.
        enter_code_anywhere(castor, badge, "1234")
        row = host.locator(".escape-board__row[data-team=t1]")
        expect(row.locator("td").nth(5)).to_have_text("1")

        # The hint says its cost before it is asked for, and the board shows it after.
        expect(castor.locator("#indice")).to_contain_text(HINT_COST)
        asked = []
        castor.once("dialog", lambda dialog: (asked.append(dialog.message), dialog.accept()))
        castor.locator("#indice").click()
        expect(castor.locator(".escape-hints li")).to_have_count(1)
        assert HINT_COST in asked[0]
        expect(row.locator("td").nth(3)).to_have_text("+0:30")

        # A message to one team; the recipient goes back to everyone; the phone dismisses it.
        host.locator("#message-texte").fill("Regardez l'affiche !")
        host.locator("#message-equipe").select_option("t1")
        host.locator(".escape-message-form button[type=submit]").click()
        expect(castor.locator(".escape-message")).to_contain_text("Regardez l'affiche !")
        expect(host.locator("#message-equipe")).to_have_value("")
        assert lynx.locator(".escape-message").count() == 0
        castor.locator(".escape-message__close").click()
        expect(castor.locator(".escape-message")).to_have_count(0)

        # The class view on the projector: no answer sheet, every team's track.
        host.locator("#vue-classe").click()
        expect(host.locator(".escape-tracks__team")).to_have_count(2)
        expect(host.locator("#corrige")).to_be_hidden()
        fits(host, "3-class-view", lang)
        assert twelve_teams_fit(host), "the class view of 12 teams scrolls"

        phones = {"t1": [castor, loutre], "t2": [lynx]}
        for step in range(len(PATHS["t1"])):
            for team, team_phones in phones.items():
                enigme = BY_ID[PATHS[team][step]]
                solver = team_phones[step % len(team_phones)]
                expect(solver.locator(".escape-title")).to_have_text(enigme["title"])
                if step == 1:
                    castor.screenshot(path=str(SHOTS / f"{lang}-phone-enigme.png"))
                enter_code_anywhere(solver, enigme, code_for(team, enigme))
                if step < len(PATHS[team]) - 1:
                    following = BY_ID[PATHS[team][step + 1]]
                    for phone in team_phones:
                        expect(phone.locator(".escape-title")).to_have_text(following["title"])
            if step == 3:
                fits(host, "4-class-view-midway", lang)

        expect(host.locator(".escape-ranking")).to_be_visible()
        fits(host, "5-finished", lang)
        for phone in (castor, loutre, lynx):
            expect(phone.locator(".escape-ranking .ranking__row")).to_have_count(2)
            assert_accessible(phone)
            assert_no_horizontal_scroll(phone)
            # A team's name on one line at 360 px, not a letter per line.
            for name in phone.locator(".escape-ranking .ranking__name").all():
                assert name.bounding_box()["width"] > 120
        castor.screenshot(path=str(SHOTS / f"{lang}-phone-end.png"), full_page=True)
        texts = [phone.locator(".play-lead").first.text_content() for phone in (castor, lynx)]
        assert any(words["rank"] in text for text in texts), texts
        assert problems == []
    finally:
        for made in contexts:
            made.close()
