"""Test servers on the machine's Redis use a prefix of their own run (tests/support/live_server.py)."""

from __future__ import annotations

from tests.support.live_server import RUN_ID, server_env

REDIS = "redis://127.0.0.1:6379/15"


def test_the_servers_of_one_run_share_a_prefix_no_other_run_has():
    first = server_env("sqlite://", REDIS_URL=REDIS, REDIS_PREFIX="mej-test")
    second = server_env("sqlite://", REDIS_URL=REDIS, REDIS_PREFIX="mej-test")
    assert first["REDIS_PREFIX"] == second["REDIS_PREFIX"] == f"mej-test-{RUN_ID}"
    assert server_env("sqlite://", REDIS_URL=REDIS)["REDIS_PREFIX"] == f"mej-test-{RUN_ID}"
    assert len(RUN_ID) == 8


def test_a_server_without_redis_gets_no_prefix(monkeypatch):
    monkeypatch.setenv("REDIS_PREFIX", "mej")
    assert "REDIS_PREFIX" not in server_env("sqlite://")
