"""Applying the commands of one session, in arrival order, in batches.

While a transaction runs, new commands wait; when it ends they all go in the next one. So a
quiet class costs one transaction per answer with no added delay, and 300 answers arriving
together cost a handful of transactions instead of 300 (SQLite has one writer at a time).
"""

from __future__ import annotations

import asyncio
import logging

from channels.db import database_sync_to_async

from ..engine import Command
from ..engine.commands import Tick
from ..services.clock import now_ms
from ..services.play import CommandResult, SessionClosed, apply_commands
from .hub import get_hub
from .registry import per_loop

logger = logging.getLogger(__name__)

SESSION_CLOSED = CommandResult(
    ok=False, error={"code": "session_closed", "message": "Cette partie est terminée."}
)


class SessionRunner:
    def __init__(self, session_id: int) -> None:
        self.session_id = session_id
        self.pending: list[tuple[Command, asyncio.Future]] = []
        self.draining: asyncio.Task | None = None
        self.timer: asyncio.TimerHandle | None = None
        self.deadline_ms: int | None = None

    async def submit(self, command: Command) -> CommandResult:
        future = asyncio.get_running_loop().create_future()
        self.pending.append((command, future))
        if self.draining is None or self.draining.done():
            self.draining = asyncio.create_task(self._drain())
        return await future

    async def _drain(self) -> None:
        while self.pending:
            batch, self.pending = self.pending, []
            commands = [command for command, _ in batch]
            try:
                outcome = await database_sync_to_async(apply_commands)(
                    self.session_id, commands, now_ms()
                )
            except SessionClosed:
                for _, future in batch:
                    future.set_result(SESSION_CLOSED)
                continue
            except Exception as error:  # the database failed: every waiter must hear it
                logger.exception("applying game commands failed")
                for _, future in batch:
                    if not future.done():
                        future.set_exception(error)
                continue
            # Committed: acknowledge first, then tell everyone.
            for (_, future), result in zip(batch, outcome.results, strict=True):
                if not future.done():
                    future.set_result(result)
            await get_hub().publish(
                self.session_id, [(frame.audience, frame.text) for frame in outcome.frames]
            )
            if outcome.changed:
                self.arm(outcome.next_deadline_ms)

    def arm(self, deadline_ms: int | None) -> None:
        """Tick the engine at `deadline_ms` (a timestamp from the database)."""
        if deadline_ms == self.deadline_ms and self.timer is not None:
            return
        if self.timer is not None:
            self.timer.cancel()
            self.timer = None
        self.deadline_ms = deadline_ms
        if deadline_ms is None:
            return
        delay = max(deadline_ms - now_ms(), 0) / 1000 + 0.01
        self.timer = asyncio.get_running_loop().call_later(delay, self._tick)

    def _tick(self) -> None:
        self.timer = None
        self.deadline_ms = None
        asyncio.create_task(self.submit(Tick()))


class Runners:
    def __init__(self) -> None:
        self.by_session: dict[int, SessionRunner] = {}

    def get(self, session_id: int) -> SessionRunner:
        runner = self.by_session.get(session_id)
        if runner is None:
            runner = self.by_session[session_id] = SessionRunner(session_id)
        return runner


get_runners = per_loop(Runners)
