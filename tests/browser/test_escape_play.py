"""The demo escape game « Panne à l'usine » in real browsers: the class screen and two teams
of two phones, from the team choice to the debrief."""

import re

import pytest
from playwright.sync_api import expect

from games.kinds.escape.demo import played_enigmes
from tests.support.a11y import assert_accessible, assert_no_horizontal_scroll
from tests.support.live_escape import enter_code, join_escape
from tests.support.live_games import launch_from_page, log_in_as_admin, watch

pytestmark = pytest.mark.browser

GAME_PAGE = "/jeux/panne-a-l-usine/"
BY_ID = {enigme["id"]: enigme for enigme in played_enigmes()}
# Both paths through the fork: the Castors take the headlights, the Étincelles the fuel cells.
PATHS = {
    "Les Castors": ["badge", "robot-soudure", "voyants", "aiguillage", "presse", "etapes", "quai"],
    "Les Étincelles": [
        "badge",
        "robot-soudure",
        "voyants",
        "aiguillage",
        "outils",
        "etapes",
        "quai",
    ],
}
CODES = {"aiguillage": {"Les Castors": "A", "Les Étincelles": "B"}}
TEAMS = {"Les Castors": ["Castor Futé", "Loutre"], "Les Étincelles": ["Lynx 42", "Hibou"]}


def code_for(team: str, enigme: dict) -> str:
    return CODES.get(enigme["id"], {}).get(team) or enigme["solutions"][0]


def test_two_teams_play_the_demo_escape_game_to_the_debrief(projector_page, new_phone, site_server):
    host = projector_page
    problems = watch(host, site_server.url)
    log_in_as_admin(host)
    pin = launch_from_page(host, GAME_PAGE)
    expect(host.locator(".host-pin")).to_have_text(pin)

    phones = {}
    for team, nicknames in TEAMS.items():
        for nickname in nicknames:
            phone = new_phone()
            problems += watch(phone, site_server.url)
            join_escape(phone, pin, nickname, team)
            phones.setdefault(team, []).append(phone)
    first = phones["Les Castors"][0]
    expect(first.get_by_text("Castor Futé, Loutre")).to_be_visible()  # the teammates
    expect(first.get_by_text("Lundi, 8 heures.", exact=False)).to_be_visible()  # the story
    assert_no_horizontal_scroll(first)
    for nicknames in TEAMS.values():
        for nickname in nicknames:
            expect(host.get_by_text(nickname, exact=True)).to_be_visible()
    assert_accessible(host)

    host.get_by_role("button", name="Démarrer").click()
    expect(host.get_by_role("heading", name="Le tableau des équipes")).to_be_visible()
    badge = BY_ID["badge"]
    for team_phones in phones.values():
        for phone in team_phones:
            expect(phone.get_by_role("heading", name=badge["title"])).to_be_visible()
    # Each phone of a team holds its own clue fragments: the team must talk.
    castor, loutre = phones["Les Castors"]
    mine = castor.locator(".escape-clues__list li").all_text_contents()
    theirs = loutre.locator(".escape-clues__list li").all_text_contents()
    assert mine and theirs and not set(mine) & set(theirs)
    assert set(mine) | set(theirs) == set(badge["fragments"])
    assert_accessible(castor)
    assert_no_horizontal_scroll(castor)
    assert_accessible(host)

    # A wrong code: the whole team sees it.
    enter_code(castor, badge, "1234")
    expect(
        loutre.get_by_role("alert").filter(has_text="Castor Futé a essayé un mauvais code.")
    ).to_be_visible()
    expect(castor.get_by_text("Mauvais code. Essais sur cette énigme : 1.")).to_be_visible()

    for step in range(len(PATHS["Les Castors"])):
        for team, team_phones in phones.items():
            enigme = BY_ID[PATHS[team][step]]
            solver = team_phones[step % 2]
            expect(solver.get_by_role("heading", name=enigme["title"])).to_be_visible()
            if step == 2:
                assert_no_horizontal_scroll(solver)
            enter_code(solver, enigme, code_for(team, enigme))
            if step < len(PATHS[team]) - 1:
                following = BY_ID[PATHS[team][step + 1]]
                for phone in team_phones:
                    expect(phone.get_by_role("heading", name=following["title"])).to_be_visible()

    expect(host.get_by_role("heading", name="Classement")).to_be_visible()
    expect(host.get_by_role("heading", name="Les métiers débloqués")).to_be_visible()
    assert host.locator(".metier-links a").count() >= 8
    for team_phones in phones.values():
        for phone in team_phones:
            expect(phone.get_by_role("heading", name="Fin de l'escape game !")).to_be_visible()
            expect(
                phone.get_by_text(re.compile(r"Votre équipe termine à la (1ʳᵉ|2ᵉ) place sur 2\."))
            ).to_be_visible()
            expect(
                phone.get_by_role("heading", name="Les métiers que vous avez débloqués")
            ).to_be_visible()
            # The ranking itself, not the text of nested nodes ("[object HTML...Element]").
            expect(phone.get_by_text("[object", exact=False)).to_have_count(0)
            expect(phone.get_by_role("heading", name="Classement")).to_be_visible()
            assert_no_horizontal_scroll(phone)
    fiches = castor.locator(".metier-links a")
    assert fiches.count() >= 7
    assert problems == []
    fiche_url = fiches.first.get_attribute("href")
    fiches.first.click()
    castor.wait_for_url(f"**{fiche_url}")
    expect(castor.get_by_role("heading", level=1)).to_be_visible()


def test_the_host_runs_the_teams_and_the_clock(projector_page, new_phone, site_server):
    """Move a player, pause, add time, send a message to one team; a phone asks for a hint."""
    host = projector_page
    log_in_as_admin(host)
    pin = launch_from_page(host, GAME_PAGE)
    lea, tom = new_phone(), new_phone()
    lea.goto(f"/jouer/{pin}/")  # the nickname page with the team choice
    expect(lea.get_by_role("group", name="Ton équipe")).to_be_visible()
    assert_accessible(lea)
    assert_no_horizontal_scroll(lea)
    join_escape(lea, pin, "Léa", "Les Castors")
    join_escape(tom, pin, "Tom", "Les Castors")

    host.get_by_label("Équipe de Tom").select_option(label="Les Boulons")
    expect(tom.get_by_text("L'animateur t'a placé dans l'équipe Les Boulons.")).to_be_visible()
    expect(tom.get_by_role("heading", name="Équipe Les Boulons")).to_be_visible()
    expect(host.get_by_text("1 / 4 joueurs")).to_have_count(2)

    host.get_by_role("button", name="Démarrer").click()
    expect(lea.get_by_role("heading", name=BY_ID["badge"]["title"])).to_be_visible()
    # Alone in her team, Léa holds every fragment.
    expect(lea.locator(".escape-clues__list li")).to_have_count(4)
    assert_accessible(host)

    host.get_by_role("button", name="Pause").click()
    expect(lea.get_by_role("status").filter(has_text="Le jeu est en pause.")).to_be_visible()
    expect(lea.get_by_role("button", name="Ouvrir le cadenas")).to_be_disabled()
    host.get_by_role("button", name="Reprendre").click()
    expect(lea.get_by_role("button", name="Ouvrir le cadenas")).to_be_enabled()

    before = lea.locator(".escape-clock__value").text_content()
    host.get_by_role("button", name="+5 min").click()
    expect(lea.locator(".escape-clock__value")).not_to_have_text(before)
    minutes = int(lea.locator(".escape-clock__value").text_content().split(":")[0])
    assert minutes >= 44  # 40 minutes of game, plus 5

    host.get_by_label("Message aux équipes").fill("Regardez l'affiche au fond !")
    host.get_by_label("Destinataires").select_option(label="Les Boulons")
    host.get_by_role("button", name="Envoyer").click()
    expect(tom.get_by_text("Message de l'animateur : Regardez l'affiche au fond !")).to_be_visible()
    expect(lea.get_by_text("Regardez l'affiche au fond !")).to_have_count(0)

    lea.once("dialog", lambda dialog: dialog.accept())
    lea.get_by_role("button", name="Demander un indice").click()
    expect(lea.get_by_role("heading", name="Les indices reçus")).to_be_visible()
    expect(lea.get_by_text("Indices restants : 1")).to_be_visible()
    expect(host.get_by_role("row", name=re.compile("^Les Castors"))).to_contain_text("1")
