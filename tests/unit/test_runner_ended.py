"""A runner that saw its game end refuses what still arrives without the database
(games/live/runner.py): the last second of a forum's escape game must not queue behind
300 phones leaving."""

from __future__ import annotations

import asyncio

import pytest

from games.engine.commands import Tick
from games.live import runner
from games.services.play import BatchOutcome, CommandResult, SessionClosed
from tests.unit.test_runners_pruned import in_own_loop


@pytest.fixture(autouse=True)
def no_database(monkeypatch):
    """The batch runs in a thread as in production, without channels' clean-up of database
    connections: these tests have no database."""

    def in_thread(function):
        return lambda *args: asyncio.to_thread(function, *args)

    monkeypatch.setattr(runner, "database_sync_to_async", in_thread)


def test_after_the_end_commands_are_refused_without_a_trip_to_the_database(monkeypatch):
    applied = []

    def finishing(session_id, commands, now_ms):
        applied.append(len(commands))
        return BatchOutcome(results=[CommandResult(ok=True)] * len(commands), ended=True)

    monkeypatch.setattr(runner, "apply_commands", finishing)

    async def scenario():
        session = runner.SessionRunner(7)
        assert (await session.submit(Tick())).ok  # the command that ends the game
        late = await session.submit(Tick())
        assert not late.ok
        assert late.error["code"] == "session_closed"

    in_own_loop(scenario)
    assert applied == [1]


def test_a_session_found_closed_is_remembered(monkeypatch):
    applied = []

    def closed(session_id, commands, now_ms):
        applied.append(len(commands))
        raise SessionClosed(session_id)

    monkeypatch.setattr(runner, "apply_commands", closed)

    async def scenario():
        session = runner.SessionRunner(7)
        for _ in range(3):
            assert (await session.submit(Tick())).error["code"] == "session_closed"

    in_own_loop(scenario)
    assert applied == [1]
