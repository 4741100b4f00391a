"""Broadcasts of one session, handed to the channel layer in order, again if it was away.

The frames are already committed state: losing them is not losing data (a screen that
misses one asks for a snapshot), but a class that misses "question_opened" waits for
nothing. So when the layer (Redis in scaled mode) refuses a message, the outbox keeps it
and tries again with a growing delay, in order, for a while; the runner never waits for it.
"""

from __future__ import annotations

import asyncio
import logging
from collections import deque

from games.live.hub import get_hub

logger = logging.getLogger(__name__)

FIRST_RETRY_S = 0.2
MAX_RETRY_S = 2.0
# Past this, screens will have asked for a snapshot long ago: drop what is left.
GIVE_UP_AFTER_S = 60.0
MAX_WAITING = 1_000
RESYNC_AFTER_S = (1.0, 3.0, 8.0)


class Outbox:
    def __init__(self, session_id: int) -> None:
        self.session_id = session_id
        self.waiting: deque[list[tuple[str, str]]] = deque()
        self.sender: asyncio.Task | None = None

    @property
    def empty(self) -> bool:
        return not self.waiting and (self.sender is None or self.sender.done())

    def post(self, frames: list[tuple[str, str]]) -> None:
        if not frames:
            return
        if len(self.waiting) >= MAX_WAITING:
            self.waiting.popleft()  # the oldest is the least useful once screens resync
        self.waiting.append(frames)
        if self.sender is None or self.sender.done():
            self.sender = asyncio.create_task(self._send(), name=f"outbox-{self.session_id}")

    async def _send(self) -> None:
        delay = FIRST_RETRY_S
        failing_since = None
        loop = asyncio.get_running_loop()
        while self.waiting:
            try:
                await get_hub().publish(self.session_id, self.waiting[0])
            except Exception as error:  # the layer is away: keep the frames, wait, retry
                now = loop.time()
                if failing_since is None:
                    failing_since = now
                    logger.warning("broadcast of session %s delayed: %s", self.session_id, error)
                if now - failing_since > GIVE_UP_AFTER_S:
                    logger.error(
                        "dropping %d broadcasts of session %s", len(self.waiting), self.session_id
                    )
                    self.waiting.clear()
                    return
                await asyncio.sleep(delay)
                delay = min(delay * 2, MAX_RETRY_S)
                continue
            self.waiting.popleft()
            if failing_since is not None:
                self._resync_later()
            delay, failing_since = FIRST_RETRY_S, None

    def _resync_later(self) -> None:
        """The layer is back, but another process may not hear it yet (Redis restarted, its
        subscriptions not yet renewed): what was published meanwhile is lost for its screens.
        So every screen of the session is told to read the game again, a few times while the
        processes reconnect."""
        loop = asyncio.get_running_loop()
        for delay in RESYNC_AFTER_S:
            loop.call_later(delay, lambda: asyncio.create_task(self._resync()))

    async def _resync(self) -> None:
        try:
            await get_hub().request_resync(self.session_id)
        except Exception as error:  # noqa: BLE001 - away again: the next round will tell
            logger.warning("resync of session %s not sent: %s", self.session_id, error)
