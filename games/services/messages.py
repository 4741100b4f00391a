"""Engine events to websocket text frames: serialised once per audience, never per socket."""

from __future__ import annotations

import json
from dataclasses import dataclass

from games.engine import Event
from games.engine.events import ALL, HOST


@dataclass(frozen=True)
class Outgoing:
    """One frame for every socket of an audience ("all", "host", "player:12", "team:a")."""

    audience: str
    text: str


def dumps(message: dict) -> str:
    return json.dumps(message, ensure_ascii=False, separators=(",", ":"))


def frame(event_type: str, data: dict, *, version: int, seq: int | None = None) -> str:
    message = {"type": event_type, "v": version, "data": data}
    if seq is not None:
        message["seq"] = seq
    return dumps(message)


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


def outgoing_for(events: list[Event], version: int, seq: int) -> tuple[list[Outgoing], int]:
    """Frames for a transition's events, and the broadcast sequence after them.

    Only events for everyone ("all") move the sequence: every screen receives those, so a
    screen that sees the sequence jump knows it missed one and asks for a snapshot.
    """
    frames = []
    for event in events:
        if event.audience == ALL:
            seq += 1
            frames.append(Outgoing(ALL, frame(event.type, event.data, version=version, seq=seq)))
        else:
            frames.append(Outgoing(event.audience, frame(event.type, event.data, version=version)))
    return frames, seq
