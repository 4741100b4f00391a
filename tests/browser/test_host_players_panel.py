"""The players panel of the class screen: who is in the game, who is offline, « Retirer »
during a question, on a 1366 x 768 laptop driving the projector."""

import pytest
from playwright.sync_api import expect

from games.kinds.escape.demo import played_enigmes
from games.kinds.quiz.demo import QUIZ_PILE
from tests.support.a11y import assert_accessible, assert_no_horizontal_scroll
from tests.support.live_escape import join_escape
from tests.support.live_games import answer, join_by_pin, launch_from_page, log_in_as_admin, watch

pytestmark = pytest.mark.browser

GAME_PAGE = "/jeux/quiz-pile-a-combustible/"
ESCAPE_PAGE = "/jeux/panne-a-l-usine/"
LAPTOP = {"viewport": {"width": 1366, "height": 768}, "locale": "fr-FR"}


@pytest.fixture
def laptop_page(browser, site_server):
    context = browser.new_context(base_url=site_server.url, **LAPTOP)
    context.set_default_timeout(10_000)
    yield context.new_page()
    context.close()


def fits_the_screen(page, locator):
    box = locator.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= LAPTOP["viewport"]["width"]
    assert box["y"] >= 0 and box["y"] + box["height"] <= LAPTOP["viewport"]["height"]
    assert_no_horizontal_scroll(page)


def test_the_host_removes_a_player_during_a_question(laptop_page, new_phone, site_server, tmp_path):
    host = laptop_page
    problems = watch(host, site_server.url)
    log_in_as_admin(host)
    pin = launch_from_page(host, GAME_PAGE)
    intruder, student, sleeper = new_phone(), new_phone(), new_phone()
    for phone, nickname in ((intruder, "Intrus"), (student, "Loutre"), (sleeper, "Hibou")):
        join_by_pin(phone, pin, nickname)
    panel = host.locator("#joueurs")
    expect(panel).to_be_hidden()  # the lobby lists the players itself

    host.get_by_role("button", name="Démarrer").click()
    expect(host.get_by_role("heading", name="Question 1 sur")).to_be_visible()
    summary = host.get_by_text("Joueurs : 3", exact=True)
    expect(summary).to_be_visible()
    expect(host.get_by_role("button", name="Retirer Intrus de la partie")).to_be_hidden()

    # A phone that leaves shows as offline, without redrawing the question.
    sleeper.context.close()
    expect(host.get_by_text("Joueurs : 3, dont 1 déconnecté")).to_be_visible()
    summary = host.locator("#joueurs-resume")
    summary.click()
    expect(panel.get_by_text("(déconnecté)")).to_be_visible()
    fits_the_screen(host, panel)
    assert_accessible(host)
    host.screenshot(path=tmp_path / "panel-question-1366.png")

    host.once("dialog", lambda dialog: dialog.accept())
    host.get_by_role("button", name="Retirer Intrus de la partie").click()
    expect(summary).to_have_text("Joueurs : 2, dont 1 déconnecté")
    expect(panel.get_by_text("Intrus")).to_have_count(0)
    expect(host.get_by_text("0 / 2 réponses")).to_be_visible()
    expect(intruder.get_by_role("status")).to_contain_text("Tu as été retiré de la partie.")
    expect(summary).to_be_focused()  # the removed player's button took the focus with it

    # A cancelled confirm removes nobody.
    host.once("dialog", lambda dialog: dialog.dismiss())
    host.get_by_role("button", name="Retirer Loutre de la partie").click()
    expect(panel.get_by_text("Loutre", exact=True)).to_be_visible()

    # The panel stays through the reveal and its leaderboard.
    answer(student, QUIZ_PILE.questions[0], 0)
    expect(host.get_by_text("1 / 2 réponses")).to_be_visible()
    host.get_by_role("button", name="Révéler maintenant").click()
    expect(host.get_by_role("heading", name="Classement")).to_be_visible()
    expect(panel).to_be_visible()
    expect(host.get_by_role("button", name="Retirer Loutre de la partie")).to_be_visible()
    fits_the_screen(host, panel)
    assert_accessible(host)
    host.screenshot(path=tmp_path / "panel-reveal-1366.png", full_page=True)
    assert problems == []


def test_the_host_removes_a_player_from_a_running_escape_game(
    laptop_page, new_phone, site_server, tmp_path
):
    host = laptop_page
    problems = watch(host, site_server.url)
    log_in_as_admin(host)
    pin = launch_from_page(host, ESCAPE_PAGE)
    castor, intruder = new_phone(), new_phone()
    join_escape(castor, pin, "Castor Futé", "Les Castors")
    join_escape(intruder, pin, "Intrus", "Les Castors")
    # In the lobby each member has « Retirer » next to its team choice.
    expect(host.get_by_role("button", name="Retirer Intrus de la partie")).to_be_visible()
    assert_accessible(host)
    host.screenshot(path=tmp_path / "escape-lobby-1366.png", full_page=True)

    host.get_by_role("button", name="Démarrer").click()
    expect(host.get_by_role("heading", name="Le tableau des équipes")).to_be_visible()
    summary = host.locator("#joueurs-resume")
    expect(summary).to_have_text("Joueurs : 2")
    summary.click()
    expect(host.locator("#joueurs").get_by_text("· Les Castors")).to_have_count(2)
    fits_the_screen(host, host.locator("#joueurs"))
    assert_accessible(host)
    host.screenshot(path=tmp_path / "panel-escape-1366.png")

    host.once("dialog", lambda dialog: dialog.accept())
    host.get_by_role("button", name="Retirer Intrus de la partie").click()
    expect(summary).to_have_text("Joueurs : 1")
    expect(intruder.get_by_role("status")).to_contain_text("Tu as été retiré de la partie.")
    # The teammate left alone now holds every clue of the énigme.
    badge = next(enigme for enigme in played_enigmes() if enigme["id"] == "badge")
    expect(castor.locator(".escape-clues__list li")).to_have_count(len(badge["fragments"]))
    assert problems == []
