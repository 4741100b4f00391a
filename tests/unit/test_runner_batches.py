"""A burst of commands is applied in batches of at most MAX_BATCH, in arrival order
(games/live/runner.py): the first answers of a forum are not kept for the last ones."""

from __future__ import annotations

import asyncio

from games.engine.commands import Tick
from games.live import runner
from games.services.play import BatchOutcome, CommandResult
from tests.unit.test_runner_ended import no_database  # noqa: F401 - fixture
from tests.unit.test_runners_pruned import in_own_loop


def test_a_burst_goes_in_batches_of_at_most_max_batch_in_arrival_order(monkeypatch):
    applied = []

    def apply(session_id, commands, now_ms):
        applied.append(list(commands))
        return BatchOutcome(results=[CommandResult(ok=True)] * len(commands))

    monkeypatch.setattr(runner, "apply_commands", apply)
    burst = [Tick() for _ in range(2 * runner.MAX_BATCH + 50)]

    async def scenario():
        session = runner.SessionRunner(7)
        results = await asyncio.gather(*(session.submit(command) for command in burst))
        assert all(result.ok for result in results)

    in_own_loop(scenario)
    sizes = [len(batch) for batch in applied]
    assert max(sizes) <= runner.MAX_BATCH
    assert sum(sizes) == len(burst)
    assert [id(command) for batch in applied for command in batch] == [id(c) for c in burst]
