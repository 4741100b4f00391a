"""One phone never harms another (issue 8): hostile frames, broken sockets, caps, kicks.

Each test is a way a curious student or an unlucky phone once harmed a whole class.
"""

import asyncio
import logging
import time
from dataclasses import replace

import pytest
from asgiref.sync import sync_to_async
from django.core.cache import cache
from django.db import OperationalError
from django.test import Client

from games.live import runner as runner_module
from games.models import Answer, Player
from games.services.sessions import JoinRefused
from games.services.tokens import player_cookie
from tests.support.games import (
    CHOICE,
    SLOW_S,
    connect,
    connect_host,
    connect_player,
    join,
    launch_quiz,
    make_teacher,
    receive,
    receive_until,
    send,
)

pytestmark = pytest.mark.django_db(transaction=True)

ESTIMATE = {
    "id": "q3",
    "kind": "estimate",
    "prompt": "Combien de pièces une presse emboutit-elle par heure ?",
    "value": 1200,
    "tolerance": 200,
    "unit": "pièces",
    "time_limit_s": 20,
    "points": 1000,
    "explanation": "Environ une toutes les trois secondes.",
    "metiers": [],
}
SPEC = {"title": "Isolation", "kind": "quiz", "questions": [ESTIMATE, CHOICE]}

# Frames a prankster sends, each once refused: nesting past the interpreter's stack, a number
# too big for a float, NaN, a lone surrogate, a string too long, a list too long, binary.
HOSTILE_TEXTS = [
    "[" * 50_00 + "]" * 50_00,
    '{"type":"answer","q":0,"answer":' + "[" * 3000 + "]" * 3000 + "}",
    '{"type":"answer","q":0,"answer":' + "1" + "0" * 400 + "}",
    '{"type":"answer","q":0,"answer":1e999}',
    '{"type":"answer","q":0,"answer":NaN}',
    '{"type":"answer","q":0,"answer":"\\ud800"}',
    '{"type":"answer","q":0,"answer":"' + "a" * 5000 + '"}',
    '{"type":"answer","q":0,"answer":[' + ",".join(["1"] * 500) + "]}",
    '{"type":"answer","q":' + "9" * 30 + ',"answer":1}',
    '{"type":"answer","q":0,"answer":{"' + "k" * 100 + '":1}}',
    '{"type":"answer","q":0,"answer":"a\\u0000b"}',
    '{"type":"ping","ref":{"x":1}}',
    "null",
    '"just a string"',
    "{",
]


@pytest.fixture
def klass(db):
    teacher = make_teacher()
    session = launch_quiz(teacher, SPEC)
    players = [join(session, name) for name in ("Léa", "Tom", "Inès")]
    return teacher, session, players


async def open_class(klass):
    teacher, session, players = klass
    host = await connect_host(session, teacher)
    assert (await receive(host))["type"] == "snapshot"
    phones = []
    for joined in players:
        phone = await connect_player(session, joined)
        assert (await receive(phone))["type"] == "snapshot"
        phones.append(phone)
    return host, phones


async def close_all(*communicators):
    for communicator in communicators:
        await communicator.disconnect()


async def test_every_hostile_frame_gets_an_error_and_the_socket_lives_on(klass, caplog):
    host, phones = await open_class(klass)
    await send(host, {"type": "start"})
    for phone in phones:
        await receive_until(phone, "question_opened")
    prankster = phones[0]
    for text in HOSTILE_TEXTS:
        await prankster.send_to(text_data=text)
        error = await receive_until(prankster, "error")
        assert error["code"] in {"invalid_json", "invalid_message", "invalid_answer"}, text[:60]
        await asyncio.sleep(0.21)  # under the flood limit: each frame is judged on its own
    await prankster.send_to(bytes_data=b"\x00\x01")
    assert (await receive_until(prankster, "error"))["code"] == "binary_frame"
    # Still in the game, and the others' answers count as usual.
    await send(prankster, {"type": "ping", "ref": "p"})
    assert (await receive_until(prankster, "pong"))["ref"] == "p"
    await send(phones[1], {"type": "answer", "q": 0, "answer": 1150, "ref": "a"})
    assert (await receive_until(phones[1], "ack"))["ref"] == "a"
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
    await close_all(host, *phones)


async def test_a_command_that_breaks_the_rules_fails_alone_in_its_batch(klass, monkeypatch):
    host, phones = await open_class(klass)
    await send(host, {"type": "start"})
    for phone in phones:
        await receive_until(phone, "question_opened")
    from games.kinds import registry

    quiz = registry.kind("quiz")

    def exploding(spec, state, command, now_ms):
        if getattr(command, "payload", None) == 666:
            raise OverflowError("a bug met by one command")
        return quiz.rules.apply(spec, state, command, now_ms)

    broken = replace(quiz, rules=replace(quiz.rules, apply=exploding))
    real_kind = registry.kind
    monkeypatch.setattr(
        registry, "kind", lambda name: broken if name == "quiz" else real_kind(name)
    )
    answers = [(phones[0], 666), (phones[1], 1100), (phones[2], 5)]
    for phone, value in answers:
        await send(phone, {"type": "answer", "q": 0, "answer": value, "ref": "r"})
    failed = await receive_until(phones[0], "error")
    assert failed["code"] == "internal_error"
    for phone in phones[1:]:
        assert (await receive_until(phone, "ack"))["ref"] == "r"
    counted = await sync_to_async(Answer.objects.count)()
    assert counted == 2
    await close_all(host, *phones)


async def test_a_socket_whose_sends_fail_is_dropped_and_the_others_still_hear(klass):
    from games.live.hub import get_hub

    host, phones = await open_class(klass)
    _teacher, session, players = klass
    hub = get_hub()
    broken = next(iter(hub.sockets_of(session.pk, players[0].player.engine_id)))

    async def failing_send(text):
        raise RuntimeError("socket went away under us")

    broken.send_frame = failing_send
    await send(host, {"type": "start"})
    for phone in phones[1:]:
        assert (await receive_until(phone, "question_opened"))["data"]["index"] == 0
    await asyncio.sleep(0.1)
    assert not hub.sockets_of(session.pk, players[0].player.engine_id)
    offline = await receive_until(host, "presence")
    while offline["data"]["online"]:
        offline = await receive_until(host, "presence")
    assert offline["data"]["player_id"] == players[0].player.engine_id
    await close_all(host, *phones)


async def test_a_handler_that_breaks_closes_its_socket_alone(klass, monkeypatch):
    from games.consumers import PlayerConsumer
    from games.live.hub import get_hub

    host, phones = await open_class(klass)
    _teacher, session, players = klass

    async def broken_heartbeat(self):
        raise KeyError("a bug in one handler")

    monkeypatch.setattr(PlayerConsumer, "heartbeat", broken_heartbeat)
    await send(phones[0], {"type": "ping"})
    closed = await phones[0].receive_output(timeout=3)
    while closed["type"] != "websocket.close":
        closed = await phones[0].receive_output(timeout=3)
    assert closed["code"] == 4500  # ours: the server may not send 1011 itself
    assert not get_hub().sockets_of(session.pk, players[0].player.engine_id)
    monkeypatch.undo()
    await send(host, {"type": "start"})
    for phone in phones[1:]:
        await receive_until(phone, "question_opened")
    await close_all(host, *phones[1:])


async def test_kick_closes_the_phone_with_4410_and_its_token_no_longer_opens_the_game(klass):
    host, phones = await open_class(klass)
    teacher, session, players = klass
    await send(host, {"type": "start"})
    await receive_until(phones[0], "question_opened")
    await send(host, {"type": "kick", "player_id": players[0].player.engine_id, "ref": "k"})
    assert (await receive_until(phones[0], "player_kicked"))["type"] == "player_kicked"
    closed = await phones[0].receive_output(timeout=3)
    assert closed == {"type": "websocket.close", "code": 4410}
    again = await connect_player(session, players[0])
    assert (await receive(again))["code"] == "not_joined"

    def nickname_page_for_the_kicked_phone():
        client = Client()
        client.cookies[player_cookie(session.pk)] = players[0].token
        return client.get(f"/jouer/{session.pin}/")

    page = await sync_to_async(nickname_page_for_the_kicked_phone)()
    assert page.status_code == 403
    assert "retiré" in page.content.decode()
    await close_all(host, *phones[1:])


async def test_a_phone_keeps_a_few_sockets_at_most_the_oldest_is_closed(klass):
    from games.live.hub import get_hub

    host, phones = await open_class(klass)
    _teacher, session, players = klass
    extra = []
    for _ in range(3):
        socket = await connect_player(session, players[0])
        assert (await receive(socket))["type"] == "snapshot"
        extra.append(socket)
    closed = await phones[0].receive_output(timeout=3)
    while closed["type"] != "websocket.close":
        closed = await phones[0].receive_output(timeout=3)
    assert closed["code"] == 4409
    assert len(get_hub().sockets_of(session.pk, players[0].player.engine_id)) == 3
    await close_all(host, *phones[1:], *extra)


def test_a_full_game_refuses_the_next_player_clearly(klass, settings):
    settings.GAMES_MAX_PLAYERS = 3
    _teacher, session, _players = klass
    with pytest.raises(JoinRefused) as refused:
        join(session, "Zoé")
    assert refused.value.code == "game_full"
    assert "complète" in refused.value.message
    assert Player.objects.filter(session=session).count() == 3


def test_joins_from_one_address_have_a_budget_with_its_own_message(klass, settings):
    settings.GAMES_JOINS_PER_ADDRESS_PER_MINUTE = 2
    _teacher, session, _players = klass
    statuses = []
    for name in ("Ana", "Bob", "Cyd"):
        response = Client().post(f"/jouer/{session.pin}/", {"nickname": name})
        statuses.append(response.status_code)
    assert statuses == [302, 302, 429]
    assert "depuis ce réseau" in response.content.decode()
    assert not Player.objects.filter(nickname="Cyd").exists()


async def test_an_answer_given_while_the_database_is_away_counts_when_resent(klass, monkeypatch):
    host, phones = await open_class(klass)
    await send(host, {"type": "start"})
    await receive_until(phones[1], "question_opened")
    real_apply = runner_module.apply_commands
    outage = {"left": 1}

    def away_once(session_id, commands, now_ms):
        if outage["left"] and any(c.type == "answer" for c in commands):
            outage["left"] -= 1
            raise OperationalError("database is locked (simulated outage)")
        return real_apply(session_id, commands, now_ms)

    monkeypatch.setattr(runner_module, "apply_commands", away_once)
    sent_at = time.time() * 1000
    await send(phones[1], {"type": "answer", "q": 0, "answer": 1200, "ref": "a1"})
    told = await receive_until(phones[1], "error")
    assert told["code"] == "try_again" and told["retry_after_ms"] > 0
    await asyncio.sleep(0.5)
    await send(phones[1], {"type": "answer", "q": 0, "answer": 1200, "ref": "a1"})
    assert (await receive_until(phones[1], "ack"))["ref"] == "a1"
    answer = await sync_to_async(Answer.objects.select_related("session").get)()
    opened_at = answer.session.state["opened_at_ms"]
    # Counted as of its first arrival, not of the resend half a second later.
    assert answer.elapsed_ms <= sent_at - opened_at + 150
    await close_all(host, *phones)


async def test_broadcasts_the_layer_refused_are_sent_again_in_order(klass, monkeypatch):
    from games.live import outbox
    from games.live.hub import Hub

    host, phones = await open_class(klass)
    real_publish = Hub.publish
    failures = {"left": 2}

    async def flaky(self, session_id, frames):
        if failures["left"]:
            failures["left"] -= 1
            raise ConnectionError("Redis away (simulated)")
        await real_publish(self, session_id, frames)

    monkeypatch.setattr(Hub, "publish", flaky)
    monkeypatch.setattr(outbox, "FIRST_RETRY_S", 0.05)
    monkeypatch.setattr(outbox, "RESYNC_AFTER_S", (0.1,))
    await send(host, {"type": "start"})
    opened = await receive_until(phones[0], "question_opened", timeout=5)
    assert opened["data"]["index"] == 0
    assert failures["left"] == 0
    # Once the layer is back, every screen is told to read the game again: another process
    # may have missed what was published while it reconnected.
    for screen in (host, *phones):
        resynced = await receive_until(screen, "snapshot", timeout=5)
        assert resynced["data"]["phase"] == "question"
    await close_all(host, *phones)


async def test_the_frame_of_a_stranger_on_a_right_pin_reveals_nothing_fast(klass, settings):
    settings.GAMES_PIN_MISSES_PER_MINUTE = 1
    settings.GAMES_PIN_SLOW_DOWN_MS = SLOW_S * 1000
    _teacher, session, _players = klass
    first = await connect(f"/ws/jeu/{session.pin}/joueur/")
    assert (await receive(first))["code"] == "not_joined"
    started = time.monotonic()
    second = await connect("/ws/jeu/000001/joueur/")
    assert (await receive(second))["code"] == "unknown_pin"
    assert time.monotonic() - started >= SLOW_S


def test_the_database_away_gives_a_try_again_page_not_a_500(klass, monkeypatch):
    _teacher, session, _players = klass

    def away(pin):
        raise OperationalError("could not connect to server (simulated)")

    monkeypatch.setattr("games.views.play.open_session", away)
    response = Client(raise_request_exception=False).post("/jouer/", {"pin": session.pin})
    assert response.status_code == 503
    assert response["Retry-After"] == "3"
    assert "réessaie" in response.content.decode()


def test_the_cache_away_lets_the_class_join(klass, monkeypatch):
    _teacher, session, _players = klass

    def away(*args, **kwargs):
        raise ConnectionError("Redis away (simulated)")

    monkeypatch.setattr(cache, "get", away)
    monkeypatch.setattr(cache, "add", away)
    assert Client().post("/jouer/", {"pin": session.pin}).status_code == 302
    response = Client().post(f"/jouer/{session.pin}/", {"nickname": "Malo"})
    assert response.status_code == 302


async def test_a_script_reconnecting_on_one_cookie_is_refused_past_its_budget(klass):
    from games.live.connects import CONNECTS

    _teacher, session, players = klass
    codes = []
    for _ in range(CONNECTS + 2):
        socket = await connect_player(session, players[0])
        codes.append((await receive(socket)).get("code"))
        await socket.disconnect()
    assert codes[:CONNECTS] == [None] * CONNECTS  # snapshots
    assert codes[CONNECTS:] == ["too_many_connections"] * 2
    other = await connect_player(session, players[1])  # another phone is not affected
    assert (await receive(other))["type"] == "snapshot"
    await other.disconnect()


async def test_the_database_away_during_a_heartbeat_keeps_the_socket_open(klass, monkeypatch):
    from games.consumers import PlayerConsumer

    host, phones = await open_class(klass)

    async def away(self):
        raise OperationalError("server closed the connection unexpectedly (simulated)")

    monkeypatch.setattr(PlayerConsumer, "heartbeat", away)
    await send(phones[0], {"type": "ping", "ref": "p"})
    told = await receive_until(phones[0], "error")
    assert told["code"] == "try_again"
    monkeypatch.undo()
    await send(phones[0], {"type": "ping", "ref": "p2"})
    assert (await receive_until(phones[0], "pong"))["ref"] == "p2"
    await close_all(host, *phones)
