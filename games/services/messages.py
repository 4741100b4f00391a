"""Engine events to websocket text frames: serialised once per audience, never per socket,
each numbered in its audience's stream (`seq`, `pseq`, `tseq`: docs/protocol.md)."""

from __future__ import annotations

from collections.abc import KeysView
from dataclasses import dataclass, field

import orjson

from games.engine import Event
from games.engine.events import ALL, HOST, to_player, to_team

PLAYER_PREFIX = to_player("")
TEAM_PREFIX = to_team("")


@dataclass(frozen=True)
class Outgoing:
    """One frame for every socket of an audience ("all", "host", "player:12", "team:a")."""

    audience: str
    text: str


def dumps(message: dict) -> str:
    """Compact JSON, UTF-8 as it is (orjson: three frames per answer in a burst of 2,000)."""
    return orjson.dumps(message, default=_listed, option=orjson.OPT_NON_STR_KEYS).decode()


def _listed(value):
    """Engine events may hand over a view of their frozen state's keys (the host's "who has
    answered" counter, made per answer and sent once per batch) instead of copying it."""
    if isinstance(value, KeysView):
        return list(value)
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


def frame(event_type: str, data: dict, *, version: int, **counters: int) -> str:
    """One frame's text; `counters` is its place in its stream (`seq`, `pseq` or `tseq`).

    "type" comes first: the consumers spot some frames by their prefix (games/consumers.py).
    """
    return dumps({"type": event_type, "v": version, "data": data, **counters})


@dataclass
class Streams:
    """Where a session's numbered streams stand, so that a screen notices a missed frame.

    `seq` numbers the frames to every screen; `players` (`pseq`) and `teams` (`tseq`) number,
    per player id and per team key, the frames to that player's or that team's phones. The
    per-player and per-team numbers are kept in GameSession.stream_seqs as
    {"p": {player id: pseq}, "t": {team key: tseq}}; a stream never written to is at 0.
    """

    seq: int = 0
    players: dict[str, int] = field(default_factory=dict)
    teams: dict[str, int] = field(default_factory=dict)
    # Whether a player or team stream moved: a batch that only broadcasts (a deadline tick)
    # does not rewrite stream_seqs.
    moved: bool = False

    @classmethod
    def of(cls, session) -> Streams:
        """The session's streams as loaded (not copied: 2,000 players' counters are read on
        every batch and snapshot; a batch's session row is its own, saved or thrown away)."""
        stored = session.stream_seqs or {}
        return cls(
            seq=session.broadcast_seq, players=stored.get("p", {}), teams=stored.get("t", {})
        )

    def stored(self) -> dict:
        return {"p": self.players, "t": self.teams}

    def next_for(self, audience: str) -> dict[str, int]:
        """The counter of one more frame to `audience`: {"seq": n}, {"pseq": n}, {"tseq": n},
        or {} for the host's own frames (the host asks for a snapshot when it reconnects)."""
        if audience == ALL:
            self.seq += 1
            return {"seq": self.seq}
        if audience.startswith(PLAYER_PREFIX):
            return {"pseq": self._count(self.players, audience[len(PLAYER_PREFIX) :])}
        if audience.startswith(TEAM_PREFIX):
            return {"tseq": self._count(self.teams, audience[len(TEAM_PREFIX) :])}
        return {}

    def _count(self, counters: dict[str, int], key: str) -> int:
        counters[key] = counters.get(key, 0) + 1
        self.moved = True
        return counters[key]


# Events that carry absolute values (counts, progress) where only the latest matters: when a
# batch applies 300 answers, the class screen needs the last "answer_count", not 300 of them;
# when 30 teams send codes at once, the host board needs each team's last attempt count.
LATEST_ONLY = frozenset({"answer_count"})
LATEST_PER_TEAM_FOR_HOST = frozenset({"code_rejected", "team_progress"})


def _supersede_key(event: Event):
    if event.type in LATEST_ONLY:
        return (event.type, event.audience)
    if event.audience == HOST and event.type in LATEST_PER_TEAM_FOR_HOST:
        return (event.type, event.audience, event.data.get("team_id"))
    return None


def coalesce(events: list[tuple[int, Event]]) -> list[tuple[int, Event]]:
    """Drop events superseded later in the same batch (same kind, audience and team)."""
    keys = [_supersede_key(event) for _, event in events]
    last = {key: position for position, key in enumerate(keys) if key is not None}
    return [
        pair
        for position, (pair, key) in enumerate(zip(events, keys, strict=True))
        if key is None or last[key] == position
    ]


def outgoing_for(events: list[Event], version: int, streams: Streams) -> list[Outgoing]:
    """Frames for a transition's events, each numbered in its audience's stream (`streams`
    moves on): a screen that sees its stream jump knows it missed a frame and asks for a
    snapshot. Frames must then be sent in this order."""
    return [
        Outgoing(
            event.audience,
            frame(event.type, event.data, version=version, **streams.next_for(event.audience)),
        )
        for event in events
    ]
