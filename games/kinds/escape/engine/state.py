"""The state of one live escape game, stored by the service as JSON.

Like the quiz state, values are treated as immutable: a transition copies the
team it changes and shares the others.

teams: {team_id: {
    "name", "order" (creation order, for stable listings),
    "members": [player ids in join order],
    "current": the énigme the team works on, None before the start and once done,
    "solved": [{"enigme_id", "at_ms", "clock_ms"}] in solving order,
    "attempts": {enigme_id: codes tried}, "wrong_streak", "lockouts",
    "locked_until_ms", "hints_used": {enigme_id: n}, "penalty_ms",
    "finished_at_ms",
}}

"clock" times are game time: milliseconds since the start, pauses excluded. They
rank teams fairly whatever the host did with the pause button.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from games.engine.fields import (
    read_bool,
    read_dict,
    read_int,
    read_optional_int,
    read_phase,
    require_dict,
)

PHASES = ("lobby", "running", "finished")
STATE = "invalid_spec"


def new_team(name: str, order: int, current: str | None) -> dict[str, Any]:
    return {
        "name": name,
        "order": order,
        "members": [],
        "current": current,
        "solved": [],
        "attempts": {},
        "wrong_streak": 0,
        "lockouts": 0,
        "locked_until_ms": None,
        "hints_used": {},
        "penalty_ms": 0,
        "finished_at_ms": None,
    }


def _copy_team(team: dict[str, Any]) -> dict[str, Any]:
    return {
        **team,
        "members": list(team["members"]),
        "solved": [dict(entry) for entry in team["solved"]],
        "attempts": dict(team["attempts"]),
        "hints_used": dict(team["hints_used"]),
    }


@dataclass(frozen=True)
class EscapeState:
    version: int = 0
    phase: str = "lobby"
    paused: bool = False
    paused_at_ms: int | None = None
    paused_total_ms: int = 0
    started_at_ms: int | None = None
    ends_at_ms: int | None = None
    teams: dict[str, dict[str, Any]] = field(default_factory=dict)

    def clock_ms(self, now_ms: int) -> int:
        """Game time at `now_ms`: time since the start, pauses excluded."""
        if self.started_at_ms is None:
            return 0
        until = self.paused_at_ms if self.paused and self.paused_at_ms is not None else now_ms
        return max(until - self.started_at_ms - self.paused_total_ms, 0)

    def remaining_ms(self, now_ms: int) -> int | None:
        if self.ends_at_ms is None or self.phase != "running":
            return None
        until = self.paused_at_ms if self.paused and self.paused_at_ms is not None else now_ms
        return max(self.ends_at_ms - until, 0)

    def team_of(self, player_id: str) -> str | None:
        for team_id, team in self.teams.items():
            if player_id in team["members"]:
                return team_id
        return None

    def playing_team_ids(self) -> list[str]:
        """Teams with at least one member, in creation order: the ones the game waits for."""
        return [
            team_id
            for team_id, team in sorted(self.teams.items(), key=lambda item: item[1]["order"])
            if team["members"]
        ]

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": self.version,
            "phase": self.phase,
            "paused": self.paused,
            "paused_at_ms": self.paused_at_ms,
            "paused_total_ms": self.paused_total_ms,
            "started_at_ms": self.started_at_ms,
            "ends_at_ms": self.ends_at_ms,
            "teams": {team_id: _copy_team(team) for team_id, team in self.teams.items()},
        }

    @classmethod
    def from_dict(cls, data: Any) -> EscapeState:
        where = "État de l'escape game"
        data = require_dict(data, where, STATE)
        phase = read_phase(data, where, STATE, PHASES)

        def optional_int(key: str) -> int | None:
            return read_optional_int(data, key, where, STATE)

        teams = read_dict(data, "teams", where, STATE)
        return cls(
            version=read_int(data, "version", where, STATE),
            phase=phase,
            paused=read_bool(data, "paused", where, STATE),
            paused_at_ms=optional_int("paused_at_ms"),
            paused_total_ms=read_int(data, "paused_total_ms", where, STATE),
            started_at_ms=optional_int("started_at_ms"),
            ends_at_ms=optional_int("ends_at_ms"),
            teams={
                str(team_id): _copy_team(require_dict(team, where, STATE))
                for team_id, team in teams.items()
            },
        )
