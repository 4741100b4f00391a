"""Applying the commands of one session, in arrival order, in batches.

While a transaction runs, new commands wait; when it ends they go in the next one (at most
MAX_BATCH of them). So a quiet class costs one transaction per answer with no added delay,
and 300 answers arriving together cost a handful of transactions instead of 300 (SQLite has
one writer at a time).

Nothing that goes wrong here may stop the session (issue 8): a command the rules cannot
take fails alone (services/play.py); a batch whose write fails for one row is applied again
command by command, so only the guilty one is refused; when the database is away every
waiting phone is told to send again ("try_again"), and the deadline timer waits a little
after the database is back so that those answers land before the question closes; a
broadcast the channel layer could not take is kept and sent again (live/outbox.py).
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import replace

from channels.db import database_sync_to_async
from django.utils.translation import gettext_noop

from cms.outages import is_outage
from games.engine import Command
from games.engine.commands import Tick
from games.live.outbox import Outbox
from games.live.registry import per_loop
from games.services.clock import now_ms
from games.services.play import INTERNAL_ERROR, CommandResult, SessionClosed, apply_commands

logger = logging.getLogger(__name__)

SESSION_CLOSED = CommandResult(
    ok=False,
    error={"code": "session_closed", "message": gettext_noop("Cette partie est terminée.")},
)
# How long a phone waits before sending again, and how long the deadline timer leaves the
# resent answers after the database came back (the phones' retries take about this long).
RETRY_AFTER_MS = 500
RECOVERY_MS = 2_000
TRY_AGAIN = CommandResult(
    ok=False,
    error={
        "code": "try_again",
        "message": gettext_noop("Le serveur reprend son souffle : ta réponse est renvoyée."),
        "retry_after_ms": RETRY_AFTER_MS,
    },
)
FAILED = CommandResult(ok=False, error=dict(INTERNAL_ERROR))
# The most commands one transaction takes. A forum's 2,000 answers to a question came in two
# batches, ~30 then ~1,970: the first of those 1,970 waited for the last, and for the reveal
# written with them. Batches of 300 acknowledge the early answers sooner for ~8% more work
# (one state saved per batch instead of per burst); batches of 100 cost twice the work.
MAX_BATCH = 300


class SessionRunner:
    def __init__(self, session_id: int) -> None:
        self.session_id = session_id
        self.pending: list[tuple[Command, asyncio.Future]] = []
        self.draining: asyncio.Task | None = None
        self.timer: asyncio.TimerHandle | None = None
        self.deadline_ms: int | None = None
        # No deadline fires before this time: set after the database was away.
        self.hold_deadlines_until_ms = 0
        self.outbox = Outbox(session_id)
        # Once the game's end is committed nothing can be applied any more (a session never
        # reopens): what still arrives is refused here, without a trip to the database.
        self.ended = False

    @property
    def idle(self) -> bool:
        return not self.pending and self.timer is None and self.outbox.empty

    async def submit(self, command: Command) -> CommandResult:
        if self.ended:
            # The codes a whole forum sends in the last second of an escape game waited
            # behind the database work of 300 phones leaving: 430-570 ms (issue 12).
            return SESSION_CLOSED
        future = asyncio.get_running_loop().create_future()
        self.pending.append((command, future))
        if self.draining is None or self.draining.done():
            self.draining = asyncio.create_task(self._drain())
        return await future

    async def _drain(self) -> None:
        while self.pending:
            batch, self.pending = self.pending[:MAX_BATCH], self.pending[MAX_BATCH:]
            if self.ended:
                _settle(batch, [SESSION_CLOSED] * len(batch))
                continue
            try:
                await self._apply(batch)
            except Exception:  # never leave a phone waiting for an answer that cannot come
                logger.exception("game commands of session %s failed", self.session_id)
                _settle(batch, [FAILED] * len(batch))

    async def _apply(self, batch: list) -> None:
        commands = [command for command, _ in batch]
        try:
            outcome = await database_sync_to_async(apply_commands)(
                self.session_id, commands, now_ms()
            )
        except SessionClosed:
            self.ended = True
            _settle(batch, [SESSION_CLOSED] * len(batch))
            return
        except Exception as error:
            if is_outage(error):
                logger.warning("database unavailable for session %s: %s", self.session_id, error)
                self.hold_deadlines_until_ms = now_ms() + RECOVERY_MS
                _settle(batch, [TRY_AGAIN] * len(batch))
                self._retry_deadline()
                return
            if len(batch) == 1:
                logger.exception("a game command of session %s failed", self.session_id)
                _settle(batch, [FAILED])
                return
            # One row of the batch was refused by the database: find it by applying the
            # commands one at a time, so the others still count.
            for one in batch:
                await self._apply([one])
            return
        # Committed: acknowledge first, then tell everyone.
        self.ended = self.ended or outcome.ended
        _settle(batch, outcome.results)
        self.outbox.post([(frame.audience, frame.text) for frame in outcome.frames])
        if outcome.changed:
            self.arm(outcome.next_deadline_ms)

    def arm(self, deadline_ms: int | None) -> None:
        """Tick the engine at `deadline_ms` (a timestamp from the database)."""
        if deadline_ms is not None:
            deadline_ms = max(deadline_ms, self.hold_deadlines_until_ms)
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

    def _retry_deadline(self) -> None:
        """The database was away: whatever deadline was due is tried again after it."""
        pending = self.deadline_ms if self.deadline_ms is not None else now_ms()
        if self.timer is not None:
            self.timer.cancel()
        self.timer = None
        self.deadline_ms = None
        self.arm(pending)

    def _tick(self) -> None:
        self.timer = None
        self.deadline_ms = None
        asyncio.create_task(self._run_tick())  # noqa: RUF006 - the runner outlives it

    async def _run_tick(self) -> None:
        result = await self.submit(Tick())
        if not result.ok and result.error.get("code") == "try_again":
            self._retry_deadline()


def _settle(batch: list, results: list[CommandResult]) -> None:
    for (_, future), result in zip(batch, results, strict=True):
        if not future.done():
            future.set_result(result)


class Runners:
    def __init__(self) -> None:
        self.by_session: dict[int, SessionRunner] = {}

    def get(self, session_id: int) -> SessionRunner:
        runner = self.by_session.get(session_id)
        if runner is None:
            runner = self.by_session[session_id] = SessionRunner(session_id)
        return runner

    def forget_if_idle(self, session_id: int) -> None:
        """A socket of the session left this process: drop its runner, and every other one,
        when idle (get() makes a new one for the next command).

        A runner still waiting for a deadline when its last socket left is not idle then; it
        is dropped at a later departure, once its timer has fired and nothing re-armed it.
        """
        for key in [key for key, runner in self.by_session.items() if _droppable(runner)]:
            del self.by_session[key]


def _droppable(runner: SessionRunner) -> bool:
    return runner.idle and not (runner.draining and not runner.draining.done())


get_runners = per_loop(Runners)


def stamped(command: Command, received_ms: int) -> Command:
    """An answer carries the time the server received it (not the phone's clock)."""
    if hasattr(command, "received_ms"):
        return replace(command, received_ms=received_ms)
    return command
