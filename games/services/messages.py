"""Engine events to websocket text frames: serialised once per audience, never per socket."""

from __future__ import annotations

import json
from dataclasses import dataclass

from ..engine import Event
from ..engine.events import ALL


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


# Host-only counters where only the latest value matters: when a batch applies 300 answers,
# the class screen needs the last "answer_count", not 300 of them.
LATEST_ONLY = frozenset({"answer_count"})


def coalesce(events: list[tuple[int, Event]]) -> list[tuple[int, Event]]:
    """Drop events superseded later in the same batch (same type and audience)."""
    last = {}
    for position, (_, event) in enumerate(events):
        if event.type in LATEST_ONLY:
            last[(event.type, event.audience)] = position
    return [
        (version, event)
        for position, (version, event) in enumerate(events)
        if event.type not in LATEST_ONLY or last[(event.type, event.audience)] == position
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
