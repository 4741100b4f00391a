"""Runners of sessions this process no longer serves are dropped, including those that still
waited for a deadline when their last socket left (games/live/runner.py)."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

from games.live.runner import Runners
from games.services.clock import now_ms


def in_own_loop(scenario) -> None:
    """Run `scenario` in a fresh event loop on a thread of its own.

    pytest-django runs tests without a database last, after the browser tests, whose sync
    Playwright leaves an event loop marked as running in the main thread."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(asyncio.run, scenario()).result()


def test_a_runner_left_with_a_timer_is_dropped_once_its_timer_is_gone():
    async def scenario():
        runners = Runners()
        timed = runners.get(1)
        timed.arm(now_ms() + 60_000)  # a question's deadline is pending
        runners.forget_if_idle(1)  # the class closed its screens
        assert 1 in runners.by_session  # the deadline still has to fire

        timed.arm(None)  # the deadline went by, nothing re-armed it: idle now
        runners.get(2)
        runners.forget_if_idle(2)  # any later departure in this process
        assert runners.by_session == {}

    in_own_loop(scenario)


def test_a_busy_runner_is_kept():
    async def scenario():
        runners = Runners()
        runners.get(1).arm(now_ms() + 60_000)
        runners.get(2)
        runners.forget_if_idle(2)
        assert list(runners.by_session) == [1]
        runners.get(1).arm(None)

    in_own_loop(scenario)
