"""End-to-end fuzz: attackers send malformed frames to a real daphne while a class plays.

The honest phones must receive every broadcast of the game and every answer they sent must
count; the server must log no traceback and close no socket for an internal error (1011 from
daphne when a handler crashes, 4500 from us when one fails).
The full-size run (100 phones, 20,000 frames) is bench/hostile_class.py.
"""

import asyncio
import contextlib
from collections import Counter

import pytest
import websockets

from tests.support.games import CHOICE, TRUE_FALSE
from tests.support.live_server import sqlite_server
from tests.support.malformed import frames
from tests.support.scripted import create_class_on
from tests.support.ws_clients import Screen, host_url, page_origin, player_url, run_async

SPEC = {"title": "Fuzz", "kind": "quiz", "questions": [CHOICE, TRUE_FALSE]}
HONEST = 8
ATTACKER_COOKIES = 30
FRAMES = 1_500
EXPECTED = {"question_opened": 2, "question_revealed": 2, "player_result": 2, "player_final": 1}


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    yield from sqlite_server(tmp_path_factory, "fuzz")


async def honest(url: str, cookie: str) -> tuple[Counter, int, int]:
    seen, sent, acked = Counter(), 0, 0
    phone = await Screen.open(url, cookie)
    while seen["player_final"] == 0:
        message = await phone.receive(timeout=30)
        seen[message["type"]] += 1
        if message["type"] == "question_opened":
            q = message["data"]["index"]
            answer = [0] if q == 0 else True
            await phone.send({"type": "answer", "q": q, "answer": answer, "ref": f"q{q}"})
            sent += 1
        elif message["type"] == "ack":
            acked += 1
    await phone.close()
    return seen, sent, acked


async def attacker(url: str, cookie: str, pool, closes: Counter, stop: asyncio.Event) -> int:
    sent = 0
    while not stop.is_set():
        try:
            async with websockets.connect(
                url, origin=page_origin(url), additional_headers={"Cookie": cookie}, max_size=None
            ) as socket:
                drain = asyncio.create_task(_drain(socket))
                for text in pool:
                    await socket.send(text)
                    sent += 1
                    await asyncio.sleep(
                        0.22
                    )  # under the flood limit: each frame reaches the parser
                    if stop.is_set():
                        break
                else:
                    stop.set()
                drain.cancel()
        except websockets.ConnectionClosed as closed:
            closes[closed.rcvd.code if closed.rcvd else None] += 1
    return sent


async def _drain(socket):
    with contextlib.suppress(websockets.ConnectionClosed):
        async for _ in socket:
            pass


def test_attackers_with_malformed_frames_harm_no_honest_phone(server):
    names = [f"Élève {n}" for n in range(HONEST)] + [f"X{n}" for n in range(ATTACKER_COOKIES)]
    klass = create_class_on(server.env, SPEC, names)
    pin, players = klass["pin"], klass["players"]
    good, bad = players[:HONEST], players[HONEST:]

    async def play():
        pool = frames(FRAMES, seed=2026)
        stop, closes = asyncio.Event(), Counter()
        phones = [
            asyncio.create_task(honest(player_url(server.ws_url, pin), p["cookie"])) for p in good
        ]
        await asyncio.sleep(1)
        sockets = [bad[0]["cookie"]] * 5 + [p["cookie"] for p in bad[1:]]
        attacks = [
            asyncio.create_task(attacker(player_url(server.ws_url, pin), c, pool, closes, stop))
            for c in sockets
        ]
        host = await Screen.open(host_url(server.ws_url, pin), klass["host_cookie"])
        await host.until("snapshot")
        for q in range(2):
            await host.send({"type": "start" if q == 0 else "next"})
            answered = 0
            while answered < HONEST:
                message = await host.until("answer_count", timeout=30)
                answered = message["data"]["answered"]
            await asyncio.sleep(2)  # the attack goes on while the question is open
            await host.send({"type": "close"})
            await host.until("question_revealed", timeout=30)
        await host.send({"type": "next"})
        await host.until("game_finished", timeout=30)
        results = await asyncio.wait_for(asyncio.gather(*phones), 60)
        stop.set()
        sent = sum(await asyncio.wait_for(asyncio.gather(*attacks), 60))
        await host.close()
        return results, sent, closes

    results, sent, closes = run_async(play())
    for seen, answers_sent, acked in results:
        assert {kind: seen[kind] for kind in EXPECTED} == EXPECTED
        assert acked == answers_sent == 2
    assert sent >= 500, sent  # every kind of frame went out many times
    assert not {1011, 4500} & set(closes), closes
    log = server.log.read_text(errors="replace")
    assert "Traceback" not in log, log[log.find("Traceback") :][:3000]
