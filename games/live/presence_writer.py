"""Presence (a phone connected or left) written and told to the host in batches.

While one batch is written, the phones that connect or leave meanwhile wait for the next
one: a quiet class costs one write per phone with no added delay, and 2,000 phones joining
in the same few seconds cost a few dozen writes and host messages instead of 2,000 of each
(each of which queued on the database thread in front of the phones' snapshots, issue 12).
Only the latest state of each player counts: a phone that left and came back within a batch
is written once, online. Presence is shown, not scored: a write lost while the database is
away is made good by the phone's next heartbeat or reconnection.
"""

from __future__ import annotations

import asyncio
import logging
from collections import defaultdict

from channels.db import database_sync_to_async

from games.engine.events import HOST
from games.live.hub import get_hub
from games.live.registry import per_loop
from games.services import presence

logger = logging.getLogger(__name__)


class PresenceWriter:
    def __init__(self) -> None:
        # player pk -> (session id, online, session version when seen)
        self.pending: dict[int, tuple[int, bool, int]] = {}
        self.writing: asyncio.Task | None = None

    def mark(self, session_id: int, player_id: str, online: bool, version: int) -> None:
        self.pending[int(player_id)] = (session_id, online, version)
        if self.writing is None or self.writing.done():
            self.writing = asyncio.create_task(self._drain(), name="presence-writer")

    async def flushed(self) -> None:
        """Wait until what is pending now is written. Awaited by a socket on its way out
        (nobody waits on it), so that a closed game leaves no write behind it; shielded, as
        the batch is every socket's, not this one's to cancel."""
        task = self.writing
        if task is not None and not task.done():
            await asyncio.shield(task)

    async def _drain(self) -> None:
        while self.pending:
            batch, self.pending = self.pending, {}
            online = [pk for pk, (_, on, _) in batch.items() if on]
            offline = [pk for pk, (_, on, _) in batch.items() if not on]
            try:
                await database_sync_to_async(presence.write_batch)(online, offline)
            except Exception as error:  # noqa: BLE001 - display only: the next write fixes it
                logger.warning("presence of %d phones not written: %s", len(batch), error)
                continue
            frames = defaultdict(list)
            for pk, (session_id, on, version) in batch.items():
                frames[session_id].append((HOST, presence.presence_frame(str(pk), on, version)))
            for session_id, session_frames in frames.items():
                try:
                    await get_hub().publish(session_id, session_frames)
                except Exception as error:  # noqa: BLE001 - the layer is away: a host snapshot has it
                    logger.warning("presence of session %s not told: %s", session_id, error)


get_presence_writer = per_loop(PresenceWriter)
