"""The pages around a live game: joining by PIN, the nickname, the phone and host screens,
the QR code, the results export and the purge of old play data."""

import csv
import html as html_lib
import io
import json
import re
import time
import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest
import segno
from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from games.access import throttle
from games.engine.commands import Answer as AnswerCommand
from games.engine.commands import End, Start, Tick
from games.live.groups import session_group
from games.models import Answer, GameSession, Player
from games.moderation.nicknames import MAX_LENGTH
from games.services.clock import now_ms
from games.services.play import apply_commands
from games.services.tokens import player_cookie
from tests.support.games import SLOW_S, join, launch_quiz, make_teacher

pytestmark = pytest.mark.django_db


@pytest.fixture
def teacher():
    return make_teacher()


@pytest.fixture
def session(teacher):
    return launch_quiz(teacher)


def unused_pin(*sessions) -> str:
    taken = {s.pin for s in sessions}
    return next(p for p in ("111111", "222222", "333333") if p not in taken)


def end_game(session):
    apply_commands(session.pk, [End()], now_ms())
    session.refresh_from_db()
    assert session.ended_at is not None


# -- the PIN page -------------------------------------------------------------------------


def test_join_page_asks_for_the_pin_with_a_numeric_keypad(client):
    response = client.get("/jouer/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Entre le code PIN" in html
    field = re.search(r"<input[^>]*name=\"pin\"[^>]*>", html).group(0)
    assert 'inputmode="numeric"' in field
    assert 'autocomplete="off"' in field


@pytest.mark.parametrize("typed", ["{pin}", " {pin} ", "{a} {b}"])
def test_a_right_pin_leads_to_the_nickname_page(client, session, typed):
    pin = session.pin
    response = client.post("/jouer/", {"pin": typed.format(pin=pin, a=pin[:3], b=pin[3:])})
    assert response.status_code == 302
    assert response["Location"] == f"/jouer/{pin}/"


@pytest.mark.parametrize("typed", ["", "12345", "1234567", "abcdef", "12a456", "١٢٣٤٥٦"])
def test_a_malformed_pin_is_refused_on_the_same_page(client, typed):
    response = client.post("/jouer/", {"pin": typed})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'role="alert"' in html
    assert 'aria-invalid="true"' in html
    if typed:
        assert f'value="{typed}"' in html  # what was typed is kept


def test_an_unknown_pin_is_refused_and_kept(client, session):
    pin = unused_pin(session)
    response = client.post("/jouer/", {"pin": pin})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Aucune partie en cours avec ce code" in html
    assert 'role="alert"' in html
    assert f'value="{pin}"' in html


def test_the_pin_of_an_ended_game_no_longer_opens_it(client, session):
    end_game(session)
    response = client.post("/jouer/", {"pin": session.pin})
    assert response.status_code == 200
    assert "Aucune partie en cours" in response.content.decode()


def test_wrong_pins_slow_down_the_address_but_the_right_pin_still_gets_in(
    client, session, settings
):
    settings.GAMES_PIN_MISSES_PER_MINUTE = 5
    settings.GAMES_PIN_SLOW_DOWN_MS = SLOW_S * 1000
    wrong = unused_pin(session)
    for _ in range(5):
        assert client.post("/jouer/", {"pin": wrong}).status_code == 200
    # A school's router: the class behind it still joins with the right PIN, a little later;
    # a guess is answered just as late, so the time tells nothing.
    started = time.monotonic()
    assert client.post("/jouer/", {"pin": session.pin}).status_code == 302
    assert time.monotonic() - started >= SLOW_S
    started = time.monotonic()
    assert client.post("/jouer/", {"pin": wrong}).status_code == 200
    assert time.monotonic() - started >= SLOW_S
    assert client.get(f"/jouer/{session.pin}/").status_code == 200

    # Another address is not slowed, and the address itself is not what the cache holds.
    started = time.monotonic()
    other = client.post("/jouer/", {"pin": session.pin}, REMOTE_ADDR="10.1.2.3")
    assert other.status_code == 302
    assert time.monotonic() - started < SLOW_S / 2
    assert not any("127.0.0.1" in key for key in cache._cache)  # noqa: SLF001


# -- the nickname page --------------------------------------------------------------------


def test_nickname_page_offers_a_suggestion(client, session):
    response = client.get(f"/jouer/{session.pin}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert f'maxlength="{MAX_LENGTH}"' in html
    assert f"{MAX_LENGTH} caractères au plus" in html
    assert "Choisir pour moi" in html

    suggested = client.post(f"/jouer/{session.pin}/", {"suggest": "1"}).content.decode()
    value = re.search(r'name="nickname"[^>]*value="([^"]+)"', suggested, re.S).group(1)
    assert re.fullmatch(r"\w+ \w+ \d{1,2}", value)
    assert not Player.objects.exists()  # a suggestion joins nobody


def test_a_good_nickname_joins_sets_the_cookie_and_tells_the_host(client, session):
    layer = get_channel_layer()
    channel = async_to_sync(layer.new_channel)()
    async_to_sync(layer.group_add)(session_group(session.pk), channel)

    response = client.post(f"/jouer/{session.pin}/", {"nickname": "Léa"})

    assert response.status_code == 302
    assert response["Location"] == f"/jouer/{session.pin}/partie/"
    cookie = response.cookies[player_cookie(session.pk)]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"
    assert cookie["max-age"] == 86400
    assert not cookie["secure"]  # plain http in tests; https sets it
    player = Player.objects.get(session=session)
    assert player.nickname == "Léa"
    assert cookie.value and cookie.value not in player.token_hash

    message = async_to_sync(layer.receive)(channel)
    frames = [json.loads(text) for _audience, text in message["frames"]]
    assert frames[0]["type"] == "player_joined"
    assert frames[0]["data"]["nickname"] == "Léa"


def test_the_cookie_is_secure_over_https(client, session):
    response = client.post(f"/jouer/{session.pin}/", {"nickname": "Léa"}, secure=True)
    assert response.cookies[player_cookie(session.pk)]["secure"]


@pytest.mark.parametrize(
    ("nickname", "message"),
    [
        ("", "Choisis un pseudo"),
        ("x" * 25, "24 caractères"),
        ("L", "au moins 2 caractères"),
        ("connard", "n'est pas accepté"),
        ("c0nn4rd", "n'est pas accepté"),
        ("LÉA", "déjà pris"),
        ("L\u0435a", "déjà pris"),  # a Cyrillic е
        ("L3a", "déjà pris"),
    ],
)
def test_a_refused_nickname_is_explained_on_the_field(client, session, nickname, message):
    join(session, "Léa")
    response = client.post(f"/jouer/{session.pin}/", {"nickname": nickname})
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html_lib.unescape(html)
    # the error is announced, and tied to the field with its help (Django's ids)
    assert 'id="id_nickname_error" role="alert"' in html
    assert 'aria-describedby="id_nickname_helptext id_nickname_error"' in html
    assert player_cookie(session.pk) not in response.cookies
    assert Player.objects.filter(session=session).count() == 1


def test_a_phone_already_in_the_game_goes_straight_back_to_it(client, session):
    client.post(f"/jouer/{session.pin}/", {"nickname": "Léa"})
    response = client.get(f"/jouer/{session.pin}/")
    assert response.status_code == 302
    assert response["Location"] == f"/jouer/{session.pin}/partie/"


def test_a_link_to_an_unknown_game_shows_the_pin_form(client, session):
    pin = unused_pin(session)
    response = client.get(f"/jouer/{pin}/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Aucune partie en cours" in html
    assert f'value="{pin}"' in html


# -- the phone ----------------------------------------------------------------------------


def test_the_phone_screen_needs_the_cookie(client, session):
    response = client.get(f"/jouer/{session.pin}/partie/")
    assert response.status_code == 302
    assert response["Location"] == f"/jouer/{session.pin}/"


def initial_state(response) -> dict:
    html = response.content.decode()
    raw = re.search(r'<script id="premier-etat" type="application/json">(.*?)</script>', html, re.S)
    return json.loads(raw.group(1))


def test_the_phone_screen_with_its_cookie(client, session):
    client.post(f"/jouer/{session.pin}/", {"nickname": "Léa"})
    response = client.get(f"/jouer/{session.pin}/partie/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'data-socket="/ws/jeu/{session.pin}/joueur/"' in html
    assert "games/js/player.js" in html
    state = initial_state(response)
    assert state["data"]["me"]["nickname"] == "Léa"
    assert "players" not in state["data"]  # the phone's view, not the host's


def test_after_the_end_the_phone_still_shows_its_result(client, session):
    client.post(f"/jouer/{session.pin}/", {"nickname": "Léa"})
    end_game(session)
    response = client.get(f"/jouer/{session.pin}/partie/")
    assert response.status_code == 200
    state = initial_state(response)
    assert state["ended"] is True
    assert state["data"]["phase"] == "finished"
    assert "debrief" in state["data"]["final"]


def test_a_kicked_player_cannot_come_back_with_the_cookie(client, session):
    client.post(f"/jouer/{session.pin}/", {"nickname": "Léa"})
    Player.objects.filter(session=session).update(kicked=True)
    response = client.get(f"/jouer/{session.pin}/partie/")
    assert response.status_code == 302


# -- the host screen and the QR code ------------------------------------------------------


def test_host_screen_needs_a_login(client, session):
    response = client.get(f"/jeu/{session.pin}/hote/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_host_screen_is_refused_to_another_teacher(client, session):
    client.force_login(make_teacher("autre"))
    assert client.get(f"/jeu/{session.pin}/hote/").status_code == 403
    assert client.get(f"/jeu/{session.pin}/qr.svg").status_code == 403


def test_host_screen_of_an_unknown_pin(client, session, teacher):
    client.force_login(teacher)
    assert client.get(f"/jeu/{unused_pin(session)}/hote/").status_code == 404


def test_host_screen_shows_the_pin_the_address_and_the_qr_code(client, session, teacher):
    client.force_login(teacher)
    response = client.get(f"/jeu/{session.pin}/hote/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<p class="host-pin"' in html and f">{session.pin}</p>" in html
    assert "testserver/jouer" in html
    assert f'src="/jeu/{session.pin}/qr.svg"' in html
    assert f'data-socket="/ws/jeu/{session.pin}/hote/"' in html
    assert "Télécharger les résultats (CSV)" in html


def test_a_superuser_may_open_any_host_screen(client, session):
    admin = get_user_model().objects.create_superuser("chef", password="x")
    client.force_login(admin)
    assert client.get(f"/jeu/{session.pin}/hote/").status_code == 200


def test_qr_code_is_an_svg_of_the_join_address(client, session, teacher):
    client.force_login(teacher)
    response = client.get(f"/jeu/{session.pin}/qr.svg")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("image/svg+xml")
    root = ET.fromstring(response.content)  # noqa: S314 - our own response
    svg = "{http://www.w3.org/2000/svg}"
    assert root.tag == f"{svg}svg"
    join_url = f"http://testserver/jouer/{session.pin}/?k={throttle.qr_key(session.pin)}"
    assert root.find(f"{svg}title").text.endswith(join_url)
    # Same modules as a QR code made for that address: it encodes exactly that.
    expected = io.BytesIO()
    segno.make(join_url, error="m", micro=False).save(expected, kind="svg", border=2, omitsize=True)
    drawn = [p.get("d") for p in root.iter(f"{svg}path") if p.get("d", "").startswith("M2")]
    assert drawn and drawn[0] in expected.getvalue().decode()


def test_a_phone_that_scanned_the_qr_code_is_never_slowed_down(client, session, settings):
    settings.GAMES_PIN_MISSES_PER_MINUTE = 1
    settings.GAMES_PIN_SLOW_DOWN_MS = SLOW_S * 1000
    client.post("/jouer/", {"pin": unused_pin(session)})
    link = f"/jouer/{session.pin}/?k={throttle.qr_key(session.pin)}"
    started = time.monotonic()
    assert client.get(link).status_code == 200
    response = client.post(link, {"nickname": "Zélie"})
    assert response.status_code == 302
    assert time.monotonic() - started < SLOW_S / 2
    # A forged or foreign key is no proof: that request waits like any other.
    started = time.monotonic()
    assert Client().get(f"/jouer/{session.pin}/?k=forged").status_code == 200
    assert time.monotonic() - started >= SLOW_S
    assert not throttle.scanned_qr("000000", throttle.qr_key(session.pin))


# -- the CSV export -----------------------------------------------------------------------


def played_session(teacher):
    """Three players, one question answered right, one wrong, one not at all, then the end."""
    session = launch_quiz(teacher)
    players = [join(session, name).player for name in ("=HYPERLINK(1)", "Zoé", "@dmin")]
    t0 = now_ms()
    apply_commands(session.pk, [Start()], t0)
    apply_commands(
        session.pk,
        [
            AnswerCommand(players[0].engine_id, 0, [0]),  # right
            AnswerCommand(players[1].engine_id, 0, [1]),  # wrong
        ],
        t0 + 2000,
    )
    apply_commands(session.pk, [End()], t0 + 3000)  # the question still open is dropped
    session.refresh_from_db()
    return session


def read_csv(response) -> list[list[str]]:
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:]), delimiter=";"))


def test_results_csv_for_the_host(client, teacher):
    session = launch_quiz(teacher)
    lea, zoe = (join(session, name).player for name in ("=HYPERLINK(1)", "Zoé"))
    t0 = now_ms()
    apply_commands(session.pk, [Start()], t0)
    apply_commands(
        session.pk,
        [AnswerCommand(lea.engine_id, 0, [0]), AnswerCommand(zoe.engine_id, 0, [2]), Tick()],
        t0 + 2000,
    )  # both answered: the tick reveals
    apply_commands(session.pk, [End()], t0 + 3000)
    client.force_login(teacher)

    response = client.get(f"/jeu/{session.pin}/resultats.csv")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert response["Content-Disposition"].startswith("attachment;")
    rows = read_csv(response)
    assert rows[0] == ["rang", "pseudo", "score", "actif", "q1_juste", "q1_points", "q1_temps_ms"]
    first, second = rows[1], rows[2]
    assert first[:2] == ["1", "'=HYPERLINK(1)"]  # a formula stays text
    assert first[4] == "oui" and int(first[5]) > 0 and first[6] == "2000"
    assert second[:2] == ["2", "Zoé"]
    assert second[4:6] == ["non", "0"]
    assert len(rows) == 3


@pytest.mark.parametrize("nickname", ["+33 six", "-moi-", "@dmin"])
def test_every_formula_start_is_neutralised(client, teacher, nickname):
    session = launch_quiz(teacher)
    join(session, nickname)
    client.force_login(teacher)
    rows = read_csv(client.get(f"/jeu/{session.pin}/resultats.csv"))
    assert rows[1][1] == "'" + nickname


def test_results_csv_of_an_ended_game_picks_the_most_recent_of_that_pin(client, teacher):
    old = launch_quiz(teacher)
    join(old, "Ancien")
    end_game(old)
    new = launch_quiz(teacher)
    GameSession.objects.filter(pk=new.pk).update(pin=old.pin)  # a PIN freed by the end
    join(new, "Nouveau")
    end_game(new)
    client.force_login(teacher)
    rows = read_csv(client.get(f"/jeu/{old.pin}/resultats.csv"))
    assert [row[1] for row in rows[1:]] == ["Nouveau"]


def test_results_csv_access_rules(client, teacher, session):
    url = f"/jeu/{session.pin}/resultats.csv"
    assert client.get(url)["Location"].startswith("/admin/login/")
    client.force_login(make_teacher("autre"))
    assert client.get(url).status_code == 403
    client.force_login(teacher)
    assert client.get(f"/jeu/{unused_pin(session)}/resultats.csv").status_code == 404


# -- purge --------------------------------------------------------------------------------


def aged(session, *, created_days=0, ended_days=None):
    now = timezone.now()
    GameSession.objects.filter(pk=session.pk).update(
        created_at=now - timedelta(days=created_days),
        ended_at=None if ended_days is None else now - timedelta(days=ended_days),
    )
    return session


@pytest.fixture
def sessions_of_all_ages(teacher, settings):
    settings.GAMES_RETENTION_DAYS = 30
    old_ended = played_session(teacher)
    aged(old_ended, created_days=40, ended_days=31)
    recent_ended = aged(played_session(teacher), created_days=10, ended_days=10)
    abandoned = launch_quiz(teacher)
    join(abandoned, "Oublié")
    aged(abandoned, created_days=32)
    open_today = launch_quiz(teacher)
    open_yesterday_month = aged(launch_quiz(teacher), created_days=30.5)
    return old_ended, recent_ended, abandoned, open_today, open_yesterday_month


def test_purge_deletes_old_play_data_and_keeps_the_rest(sessions_of_all_ages):
    old_ended, recent_ended, abandoned, open_today, open_month = sessions_of_all_ages
    out = io.StringIO()
    call_command("purge_games", stdout=out)
    remaining = set(GameSession.objects.values_list("pk", flat=True))
    assert remaining == {recent_ended.pk, open_today.pk, open_month.pk}
    assert not Player.objects.filter(session_id__in=[old_ended.pk, abandoned.pk]).exists()
    assert not Answer.objects.filter(session_id=old_ended.pk).exists()
    assert Answer.objects.filter(session_id=recent_ended.pk).exists()
    assert "2 parties, 4 joueurs, 2 réponses" in out.getvalue()


def test_purge_dry_run_only_counts(sessions_of_all_ages):
    out = io.StringIO()
    call_command("purge_games", "--dry-run", stdout=out)
    assert GameSession.objects.count() == 5
    assert Player.objects.count() == 7
    assert "2 parties, 4 joueurs, 2 réponses" in out.getvalue()
    assert "Simulation" in out.getvalue()


def test_the_class_screen_shows_no_editing_userbar(client):
    teacher = make_teacher("prof-userbar")
    teacher.is_superuser = True  # a superuser would see Wagtail's userbar on site pages
    teacher.save()
    session = launch_quiz(teacher)
    client.force_login(teacher)
    html = client.get(f"/jeu/{session.pin}/hote/").content.decode()
    assert "wagtail-userbar" not in html
