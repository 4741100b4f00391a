"""The server process restarts in the middle of a question: nothing is lost.

The database is the truth of every game, so a new daphne process (or a second one) takes
over from what was committed: the open question, its deadline, the answers already given,
the scores.
"""

import pytest

from tests.support.games import CHOICE, TRUE_FALSE
from tests.support.live_server import sqlite_server
from tests.support.scripted import create_class_on
from tests.support.ws_clients import Screen, host_url, player_url, run_async

SPEC = {"title": "Redémarrage", "kind": "quiz", "questions": [CHOICE, TRUE_FALSE]}


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    yield from sqlite_server(tmp_path_factory, "restart")


def test_a_restart_mid_question_loses_no_answer_and_no_point(server):
    klass = create_class_on(server.env, SPEC, ["Léa", "Tom"])
    pin, (lea, tom) = klass["pin"], klass["players"]

    async def connect_all():
        host = await Screen.open(host_url(server.ws_url, pin), klass["host_cookie"])
        phones = [
            await Screen.open(player_url(server.ws_url, pin), p["cookie"]) for p in (lea, tom)
        ]
        for screen in (host, *phones):
            assert (await screen.receive())["type"] == "snapshot"
        return host, phones

    async def before_restart():
        host, (lea_phone, tom_phone) = await connect_all()
        await host.send({"type": "start"})
        await lea_phone.until("question_opened")
        await lea_phone.send({"type": "answer", "q": 0, "answer": [0]})
        await lea_phone.until("ack")  # committed: it must survive the restart
        for screen in (host, lea_phone, tom_phone):
            await screen.close()

    async def after_restart():
        host, (lea_phone, tom_phone) = await connect_all_with_snapshots()
        await tom_phone.send({"type": "answer", "q": 0, "answer": [1]})
        revealed = await host.until("question_revealed")
        assert revealed["data"]["index"] == 0
        result = await lea_phone.until("player_result")
        lea_points = result["data"]["points"]
        assert lea_points > 0, "Léa's answer from before the restart was lost"
        await host.send({"type": "next"})
        await lea_phone.until("question_opened")
        await lea_phone.send({"type": "answer", "q": 1, "answer": True})
        await tom_phone.send({"type": "answer", "q": 1, "answer": False})
        await host.until("question_revealed")
        await host.send({"type": "next"})
        final = await host.until("game_finished")
        for screen in (host, lea_phone, tom_phone):
            await screen.close()
        return final, lea_points

    snapshots = {}

    async def connect_all_with_snapshots():
        host = await Screen.open(host_url(server.ws_url, pin), klass["host_cookie"])
        phones = []
        for player in (lea, tom):
            phones.append(await Screen.open(player_url(server.ws_url, pin), player["cookie"]))
        for name, screen in zip(("host", "lea", "tom"), (host, *phones), strict=True):
            snapshots[name] = await screen.receive()
        return host, phones

    run_async(before_restart())
    server.restart()
    final, lea_points = run_async(after_restart())

    assert snapshots["host"]["type"] == "snapshot"
    host_view = snapshots["host"]["data"]
    assert host_view["phase"] == "question" and host_view["question_index"] == 0
    assert snapshots["lea"]["data"]["me"]["answered"] is True
    assert snapshots["tom"]["data"]["me"]["answered"] is False
    podium = final["data"]["podium"]
    assert podium[0]["nickname"] == "Léa"
    assert podium[0]["score"] >= lea_points
