"""Scaled mode for real: PostgreSQL and Redis of this machine, configured by two variables."""

import asyncio
import json
import urllib.request

import pytest
import websockets

from tests.support.live_server import LiveServer, prepare_database, server_env
from tests.support.requirements import skip_or_fail
from tests.support.services import (
    REDIS_URL,
    postgres_available,
    redis_available,
    scratch_postgres_database,
)
from tests.support.ws_clients import page_origin, run_async

pytestmark = pytest.mark.services


@pytest.fixture(scope="module")
def scaled_server(tmp_path_factory):
    for problem in (postgres_available(), redis_available()):
        if problem:
            skip_or_fail(problem, "REQUIRE_SERVICES")
    workdir = tmp_path_factory.mktemp("scaled")
    with scratch_postgres_database() as database_url:
        env = server_env(database_url, REDIS_URL=REDIS_URL)
        prepare_database(env, workdir / "prepare.log")
        server = LiveServer(env=env, workdir=workdir).start()
        yield server
        server.stop()


def test_healthz_sees_postgresql_and_redis(scaled_server):
    with urllib.request.urlopen(f"{scaled_server.url}/healthz", timeout=5) as response:  # noqa: S310
        body = json.load(response)
    assert body["status"] == "ok"
    assert body["database"]["vendor"] == "postgresql"
    assert body["channel_layer"]["backend"] == "RedisPubSubChannelLayer"


def test_home_page_is_served_from_postgresql(scaled_server):
    with urllib.request.urlopen(f"{scaled_server.url}/", timeout=5) as response:  # noqa: S310
        assert response.status == 200
        assert "Métiers en jeu" in response.read().decode()


def test_websocket_round_trip_through_redis(scaled_server):
    async def ping():
        async with websockets.connect(
            f"{scaled_server.ws_url}/ws/health/", origin=page_origin(scaled_server.ws_url)
        ) as socket:
            await socket.send("ping")
            return await asyncio.wait_for(socket.recv(), 5)

    assert run_async(ping()) == "pong"


@pytest.mark.parametrize(
    "path",
    [
        "/recherche/?q=%00",
        "/recherche/?q=chaudron%00nier%01",
        "/api/v2/metiers/?search=%00",
        "/api/v2/metiers/?search=soudure%00%1F",
        "/metiers/?q=%00",
    ],
)
def test_a_nul_byte_in_a_search_is_no_error_on_postgresql(scaled_server, path):
    # PostgreSQL refuses NUL in any string: this was a 500 (cms/search_text.py).
    with urllib.request.urlopen(f"{scaled_server.url}{path}", timeout=10) as response:  # noqa: S310
        assert response.status == 200
