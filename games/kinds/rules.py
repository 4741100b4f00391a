"""What the service layer needs of a kind's pure engine: one record of entry points per kind."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from games.engine import Transition


@dataclass(frozen=True)
class Rules:
    load_spec: Callable[[dict], Any]
    new_state: Callable[[Any], Any]
    load_state: Callable[[dict], Any]
    apply: Callable[..., Transition]
    # (spec, state, role, *, player_id, team_id, now_ms) -> the snapshot dict of that screen
    snapshot: Callable[..., dict]
    # The next moment a Tick may change the state (a question's or the game's end), or None.
    next_deadline_ms: Callable[[Any], int | None]
    # Players join a team and act for it (escape) rather than alone (quiz).
    team_play: bool
