"""The result of applying one command to a game state."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Generic, TypeVar

from games.engine.events import Event

S = TypeVar("S")


@dataclass(frozen=True)
class Transition(Generic[S]):
    """A new state and the events to broadcast.

    `state` is a new object whenever anything changed (its `version` is then one
    more than the input's); the input state is never mutated. When a command
    changes nothing (a tick before the deadline, a host message) `state` is the
    input object itself and the version is unchanged.
    """

    state: S
    events: list[Event] = field(default_factory=list)
