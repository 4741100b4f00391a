"""A whole live quiz in real browsers: the class screen and three phones, to the debrief."""

import re

import pytest
from playwright.sync_api import expect

from games.kinds.quiz.demo import QUIZ_PILE
from tests.support.a11y import assert_accessible, assert_no_horizontal_scroll
from tests.support.live_games import (
    SENT,
    answer,
    answer_as_shown,
    join_by_pin,
    launch_from_page,
    log_in_as_admin,
    watch,
)

pytestmark = pytest.mark.browser

GAME_PAGE = "/jeux/quiz-pile-a-combustible/"
NICKNAMES = ["Castor Futé", "Loutre", "Lynx 42"]
RESULT = re.compile("Bonne réponse !|Presque !|Raté…")
RELOAD_AT = 2  # the phone that reloads, at which question


def test_join_page_on_a_phone(phone_page):
    phone_page.goto("/jouer/")
    expect(phone_page.get_by_role("heading", name="Entre le code PIN")).to_be_visible()
    phone_page.get_by_label("Code PIN").fill("12")
    phone_page.get_by_role("button", name="Rejoindre").click()
    expect(phone_page.get_by_role("alert")).to_contain_text("6 chiffres")
    expect(phone_page.get_by_label("Code PIN")).to_have_value("12")
    box = phone_page.get_by_role("button", name="Rejoindre").bounding_box()
    assert box["height"] >= 48
    assert_no_horizontal_scroll(phone_page)
    assert_accessible(phone_page)


def test_a_class_plays_the_demo_quiz_to_the_debrief(projector_page, new_phone, site_server):
    host = projector_page
    problems = watch(host, site_server.url)
    log_in_as_admin(host)
    pin = launch_from_page(host, GAME_PAGE)
    expect(host.locator(".host-pin")).to_have_text(pin)
    expect(host.get_by_role("img", name=re.compile("QR code"))).to_be_visible()

    phones = [new_phone() for _ in NICKNAMES]
    phone_problems = [watch(phone, site_server.url) for phone in phones]
    for phone, nickname in zip(phones, NICKNAMES, strict=True):
        join_by_pin(phone, pin, nickname)
    expect(host.get_by_role("heading", name="Joueurs connectés : 3")).to_be_visible()
    for nickname in NICKNAMES:
        expect(host.get_by_text(nickname, exact=True)).to_be_visible()
    assert_accessible(host)

    host.get_by_role("button", name="Démarrer").click()
    questions = QUIZ_PILE.questions
    for number, question in enumerate(questions, start=1):
        heading = f"Question {number} sur {len(questions)}"
        expect(host.get_by_role("heading", name=heading)).to_be_visible()
        expect(host.get_by_text("0 / 3 réponses")).to_be_visible()
        for phone in phones:
            expect(phone.get_by_role("heading", name=heading)).to_be_visible()
            expect(phone.get_by_text(question["prompt"])).to_be_visible()
        if number == 1:
            assert_accessible(host)
            assert_accessible(phones[0])
        assert_no_horizontal_scroll(phones[0])

        # The first answer is acknowledged while the others think; the last one reveals.
        answer(phones[0], question, 0)
        expect(phones[0].get_by_role("status").filter(has_text=SENT)).to_be_visible()
        expect(host.get_by_text("1 / 3 réponses")).to_be_visible()
        for choice, phone in enumerate(phones[1:], start=1):
            answer(phone, question, choice)

        expect(host.get_by_role("heading", name="La bonne réponse")).to_be_visible()
        expect(host.get_by_role("heading", name="Classement")).to_be_visible()
        for phone in phones:
            expect(phone.locator("#ecran").get_by_text(RESULT)).to_be_visible()
            expect(
                phone.get_by_text(re.compile(r"Score : .* · (1ʳᵉ|2ᵉ|3ᵉ) place sur 3"))
            ).to_be_visible()

        if number == RELOAD_AT:
            # A phone that reloads keeps its nickname and its score.
            score_line = phones[2].get_by_text(re.compile("^Score : ")).text_content()
            phones[2].reload()
            expect(phones[2].locator(".play-header__me")).to_have_text(NICKNAMES[2])
            expect(phones[2].get_by_text(score_line, exact=True)).to_be_visible()

        last = number == len(questions)
        host.get_by_role("button", name="Voir le podium" if last else "Question suivante").click()

    expect(host.get_by_role("heading", name="Podium")).to_be_visible()
    expect(host.get_by_role("heading", name="Les métiers découverts")).to_be_visible()
    expect(host.get_by_role("link", name="Télécharger les résultats (CSV)")).to_be_visible()
    for phone in phones:
        expect(phone.get_by_role("heading", name="Partie terminée !")).to_be_visible()
        expect(
            phone.get_by_text(re.compile(r"Tu termines à la (1ʳᵉ|2ᵉ|3ᵉ) place sur 3, avec"))
        ).to_be_visible()
        expect(
            phone.get_by_role("heading", name="Les métiers que tu as découverts")
        ).to_be_visible()
        assert_no_horizontal_scroll(phone)
    fiches = phones[0].locator(".metier-links a")
    assert fiches.count() >= 5
    assert problems == [] and phone_problems == [[], [], []]
    fiche_url = fiches.first.get_attribute("href")
    fiches.first.click()
    phones[0].wait_for_url(f"**{fiche_url}")
    expect(phones[0].get_by_role("heading", level=1)).to_be_visible()


def test_the_host_removes_a_player(projector_page, phone_page):
    host = projector_page
    log_in_as_admin(host)
    pin = launch_from_page(host, GAME_PAGE)
    join_by_pin(phone_page, pin, "Intrus")
    host.once("dialog", lambda dialog: dialog.accept())
    host.get_by_role("button", name="Retirer Intrus de la partie").click()
    expect(host.get_by_role("heading", name="Joueurs connectés : 0")).to_be_visible()
    expect(phone_page.get_by_role("status")).to_contain_text("Tu as été retiré de la partie.")
    expect(phone_page.get_by_role("link", name="Rejoindre une partie")).to_be_visible()
    # The cookie no longer opens the game, and this phone cannot come back under another name.
    phone_page.goto(f"/jouer/{pin}/partie/")
    phone_page.wait_for_url(f"**/jouer/{pin}/")
    expect(
        phone_page.get_by_role("heading", name="Tu as été retiré de cette partie")
    ).to_be_visible()
    expect(phone_page.get_by_label("Ton pseudo")).to_have_count(0)


def test_the_class_screen_needs_the_host(phone_page, site_server):
    response = phone_page.goto("/jeu/123456/hote/")
    assert "/admin/login/" in phone_page.url
    assert response.ok


def test_a_class_follows_the_demo_parcours_from_a_to_z(projector_page, new_phone, site_server):
    host = projector_page
    problems = watch(host, site_server.url)
    log_in_as_admin(host)
    pin = launch_from_page(host, "/jeux/parcours-pile-a-combustible/")
    phones = [new_phone() for _ in NICKNAMES]
    for phone, nickname in zip(phones, NICKNAMES, strict=True):
        join_by_pin(phone, pin, nickname)
    expect(host.get_by_role("heading", name="Joueurs connectés : 3")).to_be_visible()

    host.get_by_role("button", name="Démarrer").click()
    expect(host.get_by_role("heading", name=re.compile(r"^Question 1 sur \d+$"))).to_be_visible()
    count = int(
        host.get_by_role("heading", name=re.compile("^Question 1 sur")).text_content().split()[-1]
    )
    assert count >= 3, "a parcours asks at least the order, a step's métier and the filière"
    for number in range(1, count + 1):
        heading = f"Question {number} sur {count}"
        expect(host.get_by_role("heading", name=heading)).to_be_visible()
        for choice, phone in enumerate(phones):
            expect(phone.get_by_role("heading", name=heading)).to_be_visible()
            if number == 1 and choice == 0:
                assert_accessible(phone)
            answer_as_shown(phone, choice)
        expect(host.get_by_role("heading", name="La bonne réponse")).to_be_visible()
        for phone in phones:
            expect(phone.locator("#ecran").get_by_text(RESULT)).to_be_visible()
        last = number == count
        host.get_by_role("button", name="Voir le podium" if last else "Question suivante").click()

    expect(host.get_by_role("heading", name="Les métiers découverts")).to_be_visible()
    for phone in phones:
        expect(
            phone.get_by_role("heading", name="Les métiers que tu as découverts")
        ).to_be_visible()
        # The parcours meets the trades of the object's chain, each linked to its fiche.
        assert phone.locator(".metier-links a").count() >= 3
    assert problems == []


# Protocol 2 (docs/protocol.md): one write may hold a list of frames; `seq` gaps are noticed
# inside a list too. Driven through the module the pages load, with the socket's writes caught.
GAME_SOCKET_SCRIPT = """async () => {
  const { GameSocket, PROTOCOL } = await import("/static/games/js/socket.js");
  const seen = [];
  const sent = [];
  const socket = new GameSocket("/ws/jeu/000000/joueur/", {
    onSnapshot: (frame) => seen.push(`snapshot ${frame.seq}`),
    onEvent: (frame) => seen.push(`${frame.type} ${frame.seq ?? "-"}`),
  });
  socket.sendRaw = (message) => { sent.push(message.type); return true; };
  socket.receive(JSON.stringify({ type: "snapshot", seq: 3, v: 10, data: {} }));
  socket.receive(JSON.stringify([
    { type: "question_opened", seq: 4, v: 11, data: {} },
    { type: "answer_accepted", v: 12, data: {} },
  ]));
  socket.receive(JSON.stringify([{ type: "question_revealed", seq: 4, v: 13, data: {} }]));
  socket.receive('[1, null, "x"]');
  socket.receive("[not json");
  socket.receive(JSON.stringify({ type: "paused", seq: 5, v: 14, data: {} }));
  socket.receive(JSON.stringify([
    { type: "resumed", seq: 7, v: 16, data: {} },
    { type: "player_result", v: 16, data: {} },
  ]));
  return { seen, sent, version: socket.version, protocol: PROTOCOL };
}"""


def test_the_game_socket_reads_lists_of_frames_and_notices_gaps(phone_page):
    phone_page.goto("/jouer/")
    result = phone_page.evaluate(GAME_SOCKET_SCRIPT)
    assert result["protocol"] == 2
    assert result["seen"] == [
        "snapshot 3",
        "question_opened 4",
        "answer_accepted -",
        # seq 4 again: already seen, skipped; the junk writes are ignored.
        "paused 5",
        # seq 7 after 5: one was missed, a snapshot is asked for; the player's frame still
        # shows (it carries no seq).
        "player_result -",
    ]
    assert result["sent"] == ["snapshot"]
    assert result["version"] == 16


# The player's and the team's streams (`pseq`, `tseq`) are checked like `seq`, each on its
# own; a move to another team forgets the old team's `tseq` until the snapshot it asks for.
OWN_STREAMS_SCRIPT = """async () => {
  const { GameSocket } = await import("/static/games/js/socket.js");
  const seen = [];
  const sent = [];
  const number = (frame) => frame.seq ?? frame.pseq ?? frame.tseq ?? "-";
  const socket = new GameSocket("/ws/jeu/000000/joueur/", {
    onSnapshot: (frame) => seen.push(`snapshot ${frame.pseq}/${frame.tseq}`),
    onEvent: (frame) => seen.push(`${frame.type} ${number(frame)}`),
  });
  socket.sendRaw = (message) => { sent.push(`${message.type} after ${seen.length}`); return true; };
  socket.receive(JSON.stringify({ type: "snapshot", seq: 1, pseq: 4, tseq: 9, v: 10, data: {} }));
  socket.receive(JSON.stringify([
    { type: "enigme_opened", pseq: 5, v: 11, data: {} },
    { type: "code_rejected", tseq: 10, v: 11, data: {} },
    { type: "paused", seq: 2, v: 11, data: {} },
  ]));
  socket.receive(JSON.stringify({ type: "code_rejected", tseq: 10, v: 12, data: {} }));
  socket.receive(JSON.stringify({ type: "answer_accepted", pseq: 5, v: 12, data: {} }));
  socket.receive(JSON.stringify({ type: "player_result", pseq: 7, v: 13, data: {} }));
  socket.receive(JSON.stringify({ type: "hint_given", tseq: 12, v: 13, data: {} }));
  // Moved: the new team's numbers are not checked against the old team's...
  socket.receive(JSON.stringify([
    { type: "team_changed", pseq: 8, v: 14, data: { team_id: "t2" } },
    { type: "team_left", tseq: 13, v: 14, data: {} },
    { type: "team_joined", tseq: 2, v: 15, data: {} },
  ]));
  // ...until the snapshot says where the new team's stream stands.
  socket.receive(JSON.stringify({ type: "snapshot", seq: 2, pseq: 8, tseq: 3, v: 15, data: {} }));
  socket.receive(JSON.stringify({ type: "enigme_solved", tseq: 5, v: 16, data: {} }));
  return { seen, sent };
}"""


def test_the_game_socket_notices_gaps_in_the_players_and_teams_streams(phone_page):
    phone_page.goto("/jouer/")
    result = phone_page.evaluate(OWN_STREAMS_SCRIPT)
    assert result["seen"] == [
        "snapshot 4/9",
        "enigme_opened 5",
        "code_rejected 10",
        "paused 2",
        # tseq 10 and pseq 5 again: already seen, skipped. pseq 7 after 5 and tseq 12 after
        # 10: each missed one, each asks for a snapshot and is not shown.
        "team_changed 8",
        "team_left 13",
        "team_joined 2",
        "snapshot 8/3",
        # tseq 5 after 3 in the new team: a gap again.
    ]
    assert result["sent"] == [
        "snapshot after 4",
        "snapshot after 4",
        "snapshot after 4",  # team_changed: asked before it is shown
        "snapshot after 8",
    ]
