"""Redis killed for 3 s while a class answers, in scaled mode: no answer lost, none doubled,
no 500, and the broadcasts reach both workers once Redis is back.

A Redis server of the test's own (a free port, nothing saved) is killed with SIGKILL, so the
machine's Redis and the other tests are untouched. The full-size run is
`bench/hostile_class.py redis`.
"""

import asyncio
import shutil
import signal
import subprocess
import time
import urllib.error
import urllib.request

import pytest

from tests.support.games import CHOICE, TRUE_FALSE
from tests.support.live_server import LiveServer, free_port, prepare_database, server_env
from tests.support.requirements import skip_or_fail
from tests.support.scripted import create_class_on
from tests.support.services import postgres_available, scratch_postgres_database
from tests.support.ws_clients import Screen, host_url, player_url, run_async

pytestmark = pytest.mark.services

SPEC = {"title": "Panne de Redis", "kind": "quiz", "questions": [CHOICE, TRUE_FALSE]}
NICKNAMES = ["Léa", "Tom", "Inès", "Noé", "Jade", "Malo"]
REDIS_SERVER = shutil.which("redis-server")


class PrivateRedis:
    def __init__(self):
        self.port = free_port()
        self.process = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        self.process = subprocess.Popen(  # noqa: S603 - the machine's redis-server
            [REDIS_SERVER, "--port", str(self.port), "--bind", "127.0.0.1", "--save", ""],
            stdout=subprocess.DEVNULL,
        )
        import redis

        client = redis.Redis.from_url(self.url, socket_connect_timeout=1)
        for _ in range(50):
            try:
                client.ping()
                return self
            except redis.ConnectionError:
                time.sleep(0.1)
        raise RuntimeError("private redis-server did not start")

    def kill(self):
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(10)


@pytest.fixture(scope="module")
def outage(tmp_path_factory):
    problem = postgres_available() or (None if REDIS_SERVER else "redis-server not installed")
    if problem:
        skip_or_fail(problem, "REQUIRE_SERVICES")
    redis = PrivateRedis().start()
    workdir = tmp_path_factory.mktemp("outage")
    with scratch_postgres_database() as database_url:
        env = server_env(database_url, REDIS_URL=redis.url)
        prepare_database(env, workdir / "prepare.log", demo=False)
        first = LiveServer(env=env, workdir=workdir).start()
        second = LiveServer(env=env, workdir=workdir).start()
        yield redis, first, second
        first.stop()
        second.stop()
        redis.kill()


def status_of(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - our server
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_redis_killed_during_the_answers_loses_nothing(outage):
    redis, first, second = outage
    klass = create_class_on(first.env, SPEC, NICKNAMES)
    pin = klass["pin"]

    async def play():
        host = await Screen.open(host_url(first.ws_url, pin), klass["host_cookie"])
        phones = [
            await Screen.open(player_url((first, second)[i % 2].ws_url, pin), p["cookie"])
            for i, p in enumerate(klass["players"])
        ]
        # A presence frame from the other worker may reach a screen while its own snapshot is
        # being read (seen on a clean clone): each screen still gets its snapshot.
        for screen in (host, *phones):
            assert (await screen.until("snapshot"))["type"] == "snapshot"
        await host.send({"type": "start"})
        for phone in phones:
            await phone.until("question_opened")

        redis.kill()
        pages = [status_of(f"{server.url}/jouer/{pin}/") for server in (first, second)]
        for index, phone in enumerate(phones):  # the answers arrive while Redis is away
            await phone.send({"type": "answer", "q": 0, "answer": [index % 2], "ref": "a"})
        acks = [await phone.until("ack", timeout=15) for phone in phones]
        await asyncio.sleep(3)
        redis.start()
        # Every answer is in: the engine revealed, and the broadcast waited for Redis.
        revealed = [await phone.until("question_revealed", timeout=30) for phone in phones]
        await host.send({"type": "next"})
        for phone in phones:
            await phone.until("question_opened", timeout=30)
        for screen in (host, *phones):
            await screen.close()
        return pages, acks, revealed

    pages, acks, revealed = run_async(play())
    assert all(status in {200, 503} for status in pages), pages
    assert len(acks) == len(NICKNAMES)
    assert {message["data"]["index"] for message in revealed} == {0}
    assert sum(revealed[0]["data"]["distribution"]["counts"]) == len(NICKNAMES)
    for server in (first, second):
        assert "Traceback" not in server.log.read_text(errors="replace")
