"""A live quiz through the real router: host screen and phones over websockets."""

import json
import time

import pytest
from asgiref.sync import sync_to_async

from games.models import Answer, GameSession
from games.services.tokens import player_cookie
from tests.support.games import (
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


def contains_key(value, key) -> bool:
    if isinstance(value, dict):
        return key in value or any(contains_key(v, key) for v in value.values())
    if isinstance(value, list):
        return any(contains_key(v, key) for v in value)
    return False


@pytest.fixture
def quiz_session(db):
    teacher = make_teacher()
    session = launch_quiz(teacher)
    return teacher, session


async def setup_class(quiz_session, nicknames=("Léa", "Tom")):
    teacher, session = quiz_session
    players = [await sync_to_async(join)(session, name) for name in nicknames]
    host = await connect_host(session, teacher)
    snapshot = await receive(host)
    assert snapshot["type"] == "snapshot"
    phones = []
    for joined in players:
        phone = await connect_player(session, joined)
        assert (await receive(phone))["type"] == "snapshot"
        phones.append(phone)
    return host, phones, players


async def test_a_question_from_start_to_reveal(quiz_session):
    host, (lea, tom), players = await setup_class(quiz_session)

    await send(host, {"type": "start", "ref": "s1"})
    assert (await receive_until(host, "ack"))["ref"] == "s1"
    opened = await receive_until(lea, "question_opened")
    assert opened["seq"] == 1 and opened["v"] >= 1
    assert not contains_key(opened, "correct"), "the answer reached a phone before the reveal"

    await send(lea, {"type": "answer", "q": 0, "answer": [0], "ref": "a1"})
    assert (await receive_until(lea, "ack"))["ref"] == "a1"
    count = await receive_until(host, "answer_count")
    assert count["data"]["answered"] == 1

    await send(lea, {"type": "answer", "q": 0, "answer": [1], "ref": "a2"})
    error = await receive_until(lea, "error")
    assert (error["code"], error["ref"]) == ("already_answered", "a2")

    await send(tom, {"type": "answer", "q": 0, "answer": [2]})
    revealed = await receive_until(tom, "question_revealed")
    assert revealed["seq"] == 2
    assert "Chaudronnier" in json.dumps(revealed, ensure_ascii=False)
    result = await receive_until(lea, "player_result")
    assert result["data"]["points"] > 0

    answers = await sync_to_async(list)(Answer.objects.order_by("player__nickname"))
    assert [(a.player_id, a.question_index) for a in answers] == [
        (int(players[0].player.engine_id), 0),
        (int(players[1].player.engine_id), 0),
    ]
    assert answers[0].points > 0 and answers[1].points == 0
    for communicator in (host, lea, tom):
        await communicator.disconnect()


async def test_a_phone_gets_its_own_frames_numbered_one_after_the_other(quiz_session):
    teacher, session = quiz_session
    lea_joined, tom_joined = [await sync_to_async(join)(session, n) for n in ("Léa", "Tom")]
    host = await connect_host(session, teacher)
    lea = await connect_player(session, lea_joined)
    tom = await connect_player(session, tom_joined)
    assert "pseq" not in await receive(host)
    assert (await receive(lea))["pseq"] == 0  # nothing sent to Léa alone yet
    await receive(tom)
    await send(host, {"type": "start"})
    await receive_until(lea, "question_opened")
    await send(lea, {"type": "answer", "q": 0, "answer": [0]})
    assert (await receive_until(lea, "answer_accepted"))["pseq"] == 1
    await send(tom, {"type": "answer", "q": 0, "answer": [2]})
    assert (await receive_until(lea, "player_result"))["pseq"] == 2
    await send(lea, {"type": "snapshot"})
    assert (await receive_until(lea, "snapshot"))["pseq"] == 2
    for communicator in (host, lea, tom):
        await communicator.disconnect()


async def test_protocol_2_gets_the_frames_of_one_delivery_in_one_write(quiz_session):
    teacher, session = quiz_session
    lea_joined, tom_joined = [await sync_to_async(join)(session, n) for n in ("Léa", "Tom")]
    host = await connect_host(session, teacher)
    lea = await connect_player(session, lea_joined, "?protocol=2")
    tom = await connect_player(session, tom_joined, "?protocol=junk")  # unknown: version 1
    for screen in (host, lea, tom):
        assert (await receive(screen))["type"] == "snapshot"
    await send(host, {"type": "start"})
    # One frame in a delivery: the bare object, in both versions.
    assert (await receive_until(lea, "question_opened"))["seq"] == 1
    await receive_until(tom, "question_opened")
    await send(lea, {"type": "answer", "q": 0, "answer": [0], "ref": "a1"})
    # The ack and what the answer tells Léa's phone, in one write; the hub does not send
    # "answer_accepted" again.
    written = json.loads(await lea.receive_from(timeout=3))
    assert [(frame["type"], frame.get("pseq")) for frame in written] == [
        ("ack", None),
        ("answer_accepted", 1),
    ]
    await send(tom, {"type": "answer", "q": 0, "answer": [2]})
    # The last answer and the reveal: Léa's frames of that delivery come as one list, in order...
    written = json.loads(await lea.receive_from(timeout=3))
    assert [frame["type"] for frame in written] == ["question_revealed", "player_result"]
    assert written[0]["seq"] == 2 and written[1]["data"]["points"] > 0
    # ...and Tom's (version 1) one object per write, his ack first.
    kinds = []
    while "player_result" not in kinds:
        written = json.loads(await tom.receive_from(timeout=3))
        assert isinstance(written, dict)
        kinds.append(written["type"])
    assert kinds[-4:] == ["ack", "answer_accepted", "question_revealed", "player_result"]
    for communicator in (host, lea, tom):
        await communicator.disconnect()


async def test_the_ack_carries_the_answers_frame_and_the_players_other_screen_still_gets_it(
    quiz_session,
):
    teacher, session = quiz_session
    lea_joined, _tom = [await sync_to_async(join)(session, n) for n in ("Léa", "Tom")]
    host = await connect_host(session, teacher)
    phone, tablet = [await connect_player(session, lea_joined, "?protocol=2") for _ in "ab"]
    for screen in (host, phone, tablet):
        assert (await receive(screen))["type"] == "snapshot"
    await send(host, {"type": "start"})
    for screen in (phone, tablet):
        await receive_until(screen, "question_opened")
    await send(phone, {"type": "answer", "q": 0, "answer": [0], "ref": "a1"})
    written = json.loads(await phone.receive_from(timeout=3))
    assert [(frame["type"], frame.get("ref")) for frame in written] == [
        ("ack", "a1"),
        ("answer_accepted", None),
    ]
    # The other screen of the same player hears it from the hub, the answering one only once.
    accepted = await receive(tablet)
    assert (accepted["type"], accepted["pseq"]) == ("answer_accepted", 1)
    assert await phone.receive_nothing(timeout=0.3)
    for communicator in (host, phone, tablet):
        await communicator.disconnect()


async def test_bad_frames_get_clear_errors_and_harm_nothing(quiz_session):
    host, (lea, _tom), _ = await setup_class(quiz_session)
    cases = [
        ("{not json", "invalid_json"),
        ("[1, 2]", "invalid_message"),
        (json.dumps({"type": "voler"}), "unknown_type"),
        (json.dumps({"type": "next"}), "not_host"),
        (json.dumps({"type": "answer", "q": "zéro", "answer": [0]}), "invalid_command"),
        (json.dumps({"type": "answer", "q": 0, "answer": [0]}), "question_closed"),
        (json.dumps({"type": "answer", "answer": "x" * 20_000}), "frame_too_large"),
    ]
    for text, code in cases:
        await lea.send_to(text_data=text)
        error = await receive_until(lea, "error")
        assert error["code"] == code, text[:40]
        assert error["message"]

    await send(host, {"type": "answer", "q": 0, "answer": [0]})
    assert (await receive_until(host, "error"))["code"] == "not_player"

    session = await sync_to_async(GameSession.objects.get)()
    assert session.state["phase"] == "lobby"
    await send(host, {"type": "start"})
    assert (await receive_until(lea, "question_opened"))["data"]["index"] == 0
    await host.disconnect()
    await lea.disconnect()
    await _tom.disconnect()


async def test_flooding_is_rate_limited(quiz_session):
    _host, (lea, _tom), _ = await setup_class(quiz_session)
    for _ in range(30):
        await send(lea, {"type": "ping"})
    codes = [(await receive(lea))["type"] for _ in range(30)]
    assert codes.count("pong") <= 12
    assert "error" in codes
    for communicator in (_host, lea, _tom):
        await communicator.disconnect()


async def test_unknown_pin_and_missing_token_are_refused(quiz_session):
    _teacher, session = quiz_session
    stranger = await connect("/ws/jeu/000000/joueur/")
    error = await receive(stranger)
    assert error["code"] == "unknown_pin"
    assert (await stranger.receive_output())["type"] == "websocket.close"

    no_token = await connect(f"/ws/jeu/{session.pin}/joueur/")
    assert (await receive(no_token))["code"] == "not_joined"
    forged = await connect(f"/ws/jeu/{session.pin}/joueur/", f"mej_p{session.pk}=forged")
    assert (await receive(forged))["code"] == "not_joined"
    # Cookie names are read too (one query finds the phone's player by all its game
    # cookies): absurd ids and another game's token open nothing and break nothing.
    other = await sync_to_async(launch_quiz)(_teacher)
    elsewhere = await sync_to_async(join)(other, "Léa")
    for cookie in (
        f"mej_p{'9' * 30}=x; mej_p{session.pk}x=y; mej_p=z; mej_p١=w",
        f"mej_p{other.pk}={elsewhere.token}",
        f"mej_p{session.pk}={elsewhere.token}",
    ):
        refused = await connect(f"/ws/jeu/{session.pin}/joueur/", cookie)
        assert (await receive(refused))["code"] == "not_joined"


async def test_a_phone_with_cookies_of_several_games_opens_the_right_one(quiz_session):
    teacher, session = quiz_session
    other = await sync_to_async(launch_quiz)(teacher)
    here = await sync_to_async(join)(session, "Léa")
    there = await sync_to_async(join)(other, "Léa")
    cookies = f"mej_p{other.pk}={there.token}; mej_p{session.pk}={here.token}"
    phone = await connect(f"/ws/jeu/{session.pin}/joueur/", cookies)
    snapshot = await receive(phone)
    assert snapshot["data"]["me"]["player_id"] == here.player.engine_id
    await phone.disconnect()


async def test_a_player_cannot_open_the_host_screen(quiz_session):
    _teacher, session = quiz_session
    other = await sync_to_async(make_teacher)("autre")
    intruder = await connect_host(session, other)
    assert (await receive(intruder))["code"] == "not_host"


async def test_wrong_origin_is_refused(quiz_session):
    from channels.testing import WebsocketCommunicator

    from cms.asgi import application

    _teacher, session = quiz_session
    communicator = WebsocketCommunicator(
        application,
        f"/ws/jeu/{session.pin}/joueur/",
        headers=[(b"origin", b"https://triche.example"), (b"host", b"localhost")],
    )
    connected, _ = await communicator.connect()
    assert not connected


async def test_a_reconnecting_phone_gets_its_state_back(quiz_session):
    host, (lea, tom), players = await setup_class(quiz_session)
    await send(host, {"type": "start"})
    await receive_until(lea, "question_opened")
    await send(lea, {"type": "answer", "q": 0, "answer": [0]})
    await receive_until(lea, "ack")
    await lea.disconnect()

    again = await connect_player(quiz_session[1], players[0])
    snapshot = await receive(again)
    assert snapshot["type"] == "snapshot"
    assert snapshot["seq"] == 1
    assert not contains_key(snapshot["data"], "correct")
    assert "answered" in json.dumps(snapshot["data"])
    for communicator in (host, again, tom):
        await communicator.disconnect()


async def test_the_deadline_reveals_the_question(quiz_session, monkeypatch):
    from games.live import runner
    from games.services import clock

    host, (lea, tom), _ = await setup_class(quiz_session)
    await send(host, {"type": "start"})
    await receive_until(lea, "question_opened")
    # Jump past the deadline: the timer fires at once and the tick is applied "later".
    real_now = clock.now_ms
    monkeypatch.setattr(runner, "now_ms", lambda: real_now() + 60_000)
    session = await sync_to_async(GameSession.objects.get)()
    runner.get_runners().get(session.pk).arm(session.next_deadline_ms + 1)
    revealed = await receive_until(tom, "question_revealed", timeout=5)
    assert revealed["data"]["index"] == 0
    for communicator in (host, lea, tom):
        await communicator.disconnect()


async def test_guessing_pins_over_the_websocket_is_slowed_not_blocked(quiz_session, settings):
    settings.GAMES_PIN_MISSES_PER_MINUTE = 5
    settings.GAMES_PIN_SLOW_DOWN_MS = SLOW_S * 1000
    for _ in range(5):
        assert (await receive(await connect("/ws/jeu/000000/joueur/")))["code"] == "unknown_pin"
    teacher, session = quiz_session
    # The phones of the class share the guesser's address: one already in the game gets in
    # at once, a stranger is answered only after the slow-down.
    joined = await sync_to_async(join)(session, "Léa")
    started = time.monotonic()
    phone = await connect_player(session, joined)
    assert (await receive(phone))["type"] == "snapshot"
    assert time.monotonic() - started < SLOW_S / 2
    started = time.monotonic()
    stranger = await connect(f"/ws/jeu/{session.pin}/joueur/")
    assert (await receive(stranger))["code"] == "not_joined"
    assert time.monotonic() - started >= SLOW_S
    await phone.disconnect()


async def test_the_host_sees_phones_come_and_go(quiz_session):
    host, (lea, tom), players = await setup_class(quiz_session)
    await lea.disconnect()
    gone = await receive_until(host, "presence")
    while gone["data"]["online"]:  # the connections of setup_class come first
        gone = await receive_until(host, "presence")
    assert gone["data"] == {"player_id": players[0].player.engine_id, "online": False}
    again = await connect_player(quiz_session[1], players[0])
    back = await receive_until(host, "presence")
    assert back["data"]["online"] is True
    await send(host, {"type": "snapshot"})
    snapshot = await receive_until(host, "snapshot")
    assert set(snapshot["data"]["presence"].values()) == {True}
    for communicator in (host, again, tom):
        await communicator.disconnect()


async def test_refusals_are_said_in_the_language_of_the_page(quiz_session):
    """Issue 9: the engine and the protocol give codes and msgids; each socket gets the
    sentence in its page's language (cookie, else Accept-Language), the code unchanged."""
    _teacher, session = quiz_session
    joined = await sync_to_async(join)(session, "Léa")
    cookie = f"{player_cookie(session.pk)}={joined.token}"
    french = await connect(f"/ws/jeu/{session.pin}/joueur/", cookie)
    english = await connect(f"/ws/jeu/{session.pin}/joueur/", f"{cookie}; django_language=en")
    for phone in (french, english):
        await receive(phone)  # the snapshot
        await send(phone, {"type": "answer", "q": 0, "answer": [0], "ref": "r"})
    said_in_french = await receive_until(french, "error")
    said_in_english = await receive_until(english, "error")
    assert said_in_french["code"] == said_in_english["code"] == "question_closed"
    assert said_in_french["message"] == "Cette question est terminée."
    assert said_in_english["message"] == "This question is over."
    await english.send_to(text_data=json.dumps({"type": "voler"}))
    unknown = await receive_until(english, "error")
    assert (unknown["code"], unknown["message"]) == (
        "unknown_type",
        "Unknown message type: 'voler'.",
    )
    for phone in (french, english):
        await phone.disconnect()
