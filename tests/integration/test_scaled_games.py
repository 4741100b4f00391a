"""Two daphne workers on PostgreSQL and Redis play one quiz: phones spread over both.

The channel layer (Redis pub/sub) carries each broadcast once per process; each process
delivers it to its own sockets. Commands from either process serialise on the session row.
"""

import pytest

from tests.support.games import CHOICE, TRUE_FALSE
from tests.support.live_server import PROJECT_DIR, LiveServer, prepare_database, server_env
from tests.support.requirements import skip_or_fail
from tests.support.scripted import create_class_on
from tests.support.services import (
    REDIS_URL,
    postgres_available,
    redis_available,
    scratch_postgres_database,
)
from tests.support.ws_clients import Screen, host_url, player_url, run_async

pytestmark = pytest.mark.services

SPEC = {"title": "Deux serveurs", "kind": "quiz", "questions": [CHOICE, TRUE_FALSE]}
NICKNAMES = ["Léa", "Tom", "Inès", "Noé"]


@pytest.fixture(scope="module")
def workers(tmp_path_factory):
    for problem in (postgres_available(), redis_available()):
        if problem:
            skip_or_fail(problem, "REQUIRE_SERVICES")
    workdir = tmp_path_factory.mktemp("workers")
    with scratch_postgres_database() as database_url:
        env = server_env(database_url, REDIS_URL=REDIS_URL, REDIS_PREFIX="mej-test")
        prepare_database(env, workdir / "prepare.log", demo=False)
        first = LiveServer(env=env, workdir=workdir).start()
        second = LiveServer(env=env, workdir=workdir).start()
        yield first, second
        first.stop()
        second.stop()


def test_a_quiz_played_across_two_workers(workers):
    first, second = workers
    klass = create_class_on(first.env, SPEC, NICKNAMES)
    pin = klass["pin"]

    async def play():
        host = await Screen.open(host_url(first.ws_url, pin), klass["host_cookie"])
        phones = []
        for index, player in enumerate(klass["players"]):
            server = (first, second)[index % 2]  # half the class on each worker
            phones.append(await Screen.open(player_url(server.ws_url, pin), player["cookie"]))
        # The class screen may hear a phone's presence (from either worker) while its own
        # snapshot is being read: each screen still gets its snapshot.
        for screen in (host, *phones):
            assert (await screen.until("snapshot"))["type"] == "snapshot"

        await host.send({"type": "start"})
        opened = [await phone.until("question_opened") for phone in phones]
        assert {message["seq"] for message in opened} == {1}
        for index, phone in enumerate(phones):
            await phone.send({"type": "answer", "q": 0, "answer": [0 if index % 2 else 1]})
            assert (await phone.until("ack"))["type"] == "ack"
        revealed = [await phone.until("question_revealed") for phone in phones]
        assert {message["seq"] for message in revealed} == {2}
        counts = (await host.until("question_revealed"))["data"]
        # A second answer from a phone on the other worker is still refused: one per player.
        await phones[1].send({"type": "answer", "q": 0, "answer": [0]})
        assert (await phones[1].until("error"))["code"] in {"question_closed", "already_answered"}
        for screen in (host, *phones):
            await screen.close()
        return counts

    reveal = run_async(play())
    assert reveal["distribution"]["counts"] == [2, 2, 0]


def test_the_game_state_is_json_text_compressed_with_lz4_on_postgresql(workers):
    # games/models/fast_json.py: jsonb parsed each half-megabyte state on every batch.
    import psycopg

    first, _ = workers
    with psycopg.connect(first.env["DATABASE_URL"]) as conn:
        rows = conn.execute(
            "SELECT attname, format_type(atttypid, atttypmod), attcompression FROM pg_attribute"
            " WHERE attrelid = 'games_gamesession'::regclass AND attname IN ('state', 'stream_seqs')"
            " ORDER BY attname"
        ).fetchall()
    assert rows == [("state", "text", "l"), ("stream_seqs", "text", "l")]


_COPY_CHECK = r"""
import json, os
from django.db import IntegrityError, transaction
from games.models import Answer, Player
from games.services.answer_rows import insert_answers
player = Player.objects.get(pk=int(os.environ["MEJ_PLAYER"]))
# What COPY's text format must escape (tab, newline, backslash, quote) and non-ASCII.
row = (player.session_id, player.pk, 7, [2, "a\tb\nc\\d\"é"], 0.5, 450, 3210)
with transaction.atomic():
    insert_answers([row])
try:
    with transaction.atomic():
        insert_answers([(player.session_id, player.pk, 8, [1], 1.0, 900, 100), row])
    outcome = "stored twice"
except IntegrityError:
    outcome = "refused"
stored = list(Answer.objects.filter(player=player).values_list(
    "question_index", "payload", "fraction", "points", "elapsed_ms"))
print("MEJ_COPY=" + json.dumps({"outcome": outcome, "stored": stored}))
"""


def test_answer_rows_go_by_copy_and_a_duplicate_still_fails_its_batch(workers):
    # games/services/answer_rows.py writes a burst with COPY on PostgreSQL: the unique
    # constraint must still refuse the whole batch, which the runner then applies one by one.
    import json
    import subprocess
    import sys

    first, _ = workers
    klass = create_class_on(first.env, SPEC, ["Copie"])
    result = subprocess.run(  # noqa: S603 - our own manage.py
        [sys.executable, "manage.py", "shell", "-c", _COPY_CHECK],
        cwd=PROJECT_DIR,
        env={**first.env, "MEJ_PLAYER": klass["players"][0]["player_id"]},
        capture_output=True,
        text=True,
        check=True,
    )
    line = next(line for line in result.stdout.splitlines() if line.startswith("MEJ_COPY="))
    checked = json.loads(line.removeprefix("MEJ_COPY="))
    assert checked["outcome"] == "refused"
    # Only the first write is there, its values as sent (the refused batch left nothing).
    assert checked["stored"] == [[7, [2, 'a\tb\nc\\d"é'], 0.5, 450, 3210]]
