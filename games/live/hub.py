"""Fan-out of game frames to the sockets of this process.

The textbook Channels pattern (every consumer joins the group, each gets its own copy of each
message and serialises it) costs one layer message, one task wake-up and one json.dumps per
phone. Here a frame is serialised once by the service, the channel layer carries ONE message
per process, and this hub writes the same text to each local socket directly.
"""

from __future__ import annotations

import asyncio
import logging
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Protocol

from channels.layers import get_channel_layer

from games.engine.events import ALL, HOST, PLAYERS
from games.live.groups import session_group
from games.live.registry import per_loop

logger = logging.getLogger(__name__)

FANOUT = "games.fanout"
# "Every screen of this session: read the game again." Sent after the layer was away, when
# frames may have been published to a process that had not yet heard Redis come back.
RESYNC = "games.resync"
LISTEN_FIRST_RETRY_S = 0.1
LISTEN_MAX_RETRY_S = 2.0


class Socket(Protocol):
    role: str  # "host" or "player"
    player_id: str | None
    team_id: str | None
    # Texts of frames this socket already got with an ack (services/replies.py), or None.
    written_ahead: set[str] | None

    def write_now(self, texts: list[str]) -> bool:
        """Write the frames of one delivery at once if nothing else must happen with them;
        False when `send_frames` must take them instead."""

    async def send_frames(self, texts: list[str]) -> None:
        """Write the frames of one delivery for this socket, in order."""

    async def drop(self) -> None:
        """Close after a failed send; must not raise."""

    async def resync(self) -> None:
        """Send this screen a fresh snapshot; must not raise."""


@dataclass
class Watchers:
    """The sockets of this process that watch one session."""

    hosts: set = field(default_factory=set)
    players: dict[str, set] = field(default_factory=lambda: defaultdict(set))
    teams: dict[str, set] = field(default_factory=lambda: defaultdict(set))

    def add(self, socket: Socket) -> None:
        if socket.role == "host":
            self.hosts.add(socket)
            return
        self.players[socket.player_id].add(socket)
        if socket.team_id:
            self.teams[socket.team_id].add(socket)

    def discard(self, socket: Socket) -> None:
        """Remove `socket` under the keys it was added with (`regroup` discards before it
        changes the team): looking in every key made 2,000 phones leaving quadratic."""
        self.hosts.discard(socket)
        for index, key in ((self.players, socket.player_id), (self.teams, socket.team_id)):
            sockets = index.get(key)
            if sockets is not None:
                sockets.discard(socket)
                if not sockets:
                    del index[key]

    def __bool__(self) -> bool:
        return bool(self.hosts or self.players)

    def of_player(self, player_id: str) -> set:
        return self.players.get(player_id, set())

    def audience(self, name: str):
        if name == ALL:
            yield from self.hosts
            for sockets in self.players.values():
                yield from sockets
        elif name == HOST:
            yield from self.hosts
        elif name == PLAYERS:
            for sockets in self.players.values():
                yield from sockets
        elif name.startswith("player:"):
            yield from self.players.get(name[7:], ())
        elif name.startswith("team:"):
            yield from self.teams.get(name[5:], ())


class Hub:
    def __init__(self) -> None:
        self.sessions: dict[int, Watchers] = {}
        self.channel: str | None = None
        self._listener: asyncio.Task | None = None
        self._start_lock = asyncio.Lock()

    @property
    def layer(self):
        return get_channel_layer()

    async def _ensure_listening(self) -> None:
        async with self._start_lock:
            if self._listener is None or self._listener.done():
                self.channel = await self.layer.new_channel("games.hub.")
                self._listener = asyncio.create_task(self._listen(), name="games-hub")

    async def _listen(self) -> None:
        delay = LISTEN_FIRST_RETRY_S
        while True:
            try:
                message = await self.layer.receive(self.channel)
            except asyncio.CancelledError:
                raise
            except Exception as error:  # the layer (Redis) is away: wait for it, keep going
                logger.warning("game hub cannot hear the channel layer: %s", error)
                await asyncio.sleep(delay)
                delay = min(delay * 2, LISTEN_MAX_RETRY_S)
                continue
            delay = LISTEN_FIRST_RETRY_S
            if message.get("type") == RESYNC:
                self.resync(message["session"])
                continue
            if message.get("type") != FANOUT:
                continue
            try:
                await self.deliver(message["session"], message["frames"])
            except Exception:  # one bad frame must not stop every game of the process
                logger.exception("delivery of a game frame failed")

    async def watch(self, session_id: int, socket: Socket) -> None:
        await self._ensure_listening()
        watchers = self.sessions.get(session_id)
        if watchers is None:
            watchers = self.sessions[session_id] = Watchers()
            await self.layer.group_add(session_group(session_id), self.channel)
        watchers.add(socket)

    async def unwatch(self, session_id: int, socket: Socket) -> None:
        watchers = self.sessions.get(session_id)
        if watchers is None:
            return
        watchers.discard(socket)
        if not watchers:
            del self.sessions[session_id]
            try:
                await self.layer.group_discard(session_group(session_id), self.channel)
            except Exception as error:  # noqa: BLE001 - Redis away: its group expires alone
                logger.warning("could not leave the session's group: %s", error)

    def sockets_of(self, session_id: int, player_id: str) -> set:
        """The sockets of this process that play as `player_id` (a copy)."""
        watchers = self.sessions.get(session_id)
        return set(watchers.of_player(player_id)) if watchers is not None else set()

    async def regroup(self, session_id: int, socket: Socket, team_id: str | None) -> None:
        """A socket's team changed: index it again, under its new team."""
        watchers = self.sessions.get(session_id)
        if watchers is not None:
            watchers.discard(socket)
        socket.team_id = team_id
        if watchers is not None:
            watchers.add(socket)

    async def publish(self, session_id: int, frames: list[tuple[str, str]]) -> None:
        """Send frames [(audience, text)] to every process that watches the session."""
        if frames:
            await self.layer.group_send(
                session_group(session_id),
                {"type": FANOUT, "session": session_id, "frames": frames},
            )

    def resync(self, session_id: int) -> None:
        """Send a fresh snapshot to every local socket of the session (the database is the
        truth: whatever a screen missed, its snapshot has it)."""
        watchers = self.sessions.get(session_id)
        if watchers is None:
            return
        for socket in list(watchers.audience(ALL)):
            asyncio.create_task(socket.resync())  # noqa: RUF006 - each socket's own

    async def request_resync(self, session_id: int) -> None:
        await self.layer.group_send(
            session_group(session_id), {"type": RESYNC, "session": session_id}
        )

    async def deliver(self, session_id: int, frames: list) -> None:
        watchers = self.sessions.get(session_id)
        if watchers is None:
            return
        # Each socket's frames of this delivery, in order: a protocol 2 socket gets them in
        # one write (the escape game sends a phone 2 to 4 frames per batch of codes).
        outgoing: dict[Socket, list[str]] = {}
        for audience, text in frames:
            for socket in watchers.audience(audience):
                ahead = socket.written_ahead
                if ahead is not None and text in ahead:
                    _skip_written(socket, ahead, text)
                    continue
                texts = outgoing.get(socket)
                if texts is None:
                    outgoing[socket] = [text]
                else:
                    texts.append(text)
        failed = set()
        for socket, texts in outgoing.items():
            try:
                # Most deliveries are plain writes: no coroutine per socket for those, which
                # was most of a broadcast's cost to 2,000 phones after the writes themselves.
                if not socket.write_now(texts):
                    await socket.send_frames(texts)
            except Exception as error:  # noqa: BLE001 - that socket alone is lost
                # A socket that cannot be written to (closed under us, or its handler
                # broke) must not stop the frame reaching the sockets after it.
                logger.info("dropping a game socket that failed a send: %r", error)
                failed.add(socket)
        for socket in failed:
            await self.unwatch(session_id, socket)
            asyncio.create_task(socket.drop())  # noqa: RUF006 - closes itself


def _skip_written(socket: Socket, ahead: set[str], text: str) -> None:
    """`text` went with an ack already: forget it (so the set stays as small as a reply)."""
    ahead.discard(text)
    if not ahead:
        socket.written_ahead = None


get_hub = per_loop(Hub)
