"""Escape game views: ranking, debrief and the snapshot for a host or a phone."""

from __future__ import annotations

from typing import Any

from games.engine.errors import EngineError
from games.engine.problems import gettext_noop
from games.engine.ranking import competition_ranks
from games.kinds.escape.engine.spec import EscapeSpec
from games.kinds.escape.engine.state import EscapeState
from games.kinds.escape.engine.teams import fragments_for


def _ranked_teams(state: EscapeState) -> list[tuple[str, dict[str, Any]]]:
    """Teams that took part: members now, or énigmes solved before everyone left."""
    return [
        (team_id, team)
        for team_id, team in state.teams.items()
        if team["members"] or team["solved"]
    ]


def team_time_ms(team: dict[str, Any]) -> int:
    """Game time of the team's last solve plus its hint penalties."""
    last = team["solved"][-1]["clock_ms"] if team["solved"] else 0
    return last + team["penalty_ms"]


def ranking(spec: EscapeSpec, state: EscapeState) -> list[dict[str, Any]]:
    """Most énigmes solved first; equal counts: less time (penalties included) first.

    Teams equal on both share a rank (1, 1, 3) and are listed by name.
    """
    ranked = competition_ranks(
        _ranked_teams(state),
        order_key=lambda item: (
            -len(item[1]["solved"]),
            team_time_ms(item[1]),
            item[1]["name"].casefold(),
            item[0],
        ),
        tie_key=lambda item: (len(item[1]["solved"]), team_time_ms(item[1])),
    )
    return [
        {
            "rank": rank,
            "team_id": team_id,
            "name": team["name"],
            "solved": len(team["solved"]),
            "time_ms": team_time_ms(team),
            "penalty_ms": team["penalty_ms"],
            "done": team["finished_at_ms"] is not None,
        }
        for rank, (team_id, team) in ranked
    ]


def _unlocked(spec: EscapeSpec, team: dict[str, Any]) -> list[dict]:
    metiers: list[dict] = []
    for entry in team["solved"]:
        for metier in spec.enigme(entry["enigme_id"]).metiers:
            if metier not in metiers:
                metiers.append(dict(metier))
    return metiers


def debrief(spec: EscapeSpec, state: EscapeState) -> dict[str, Any]:
    """Métiers unlocked by each team (in solving order) and by anyone, in énigme order."""
    teams = {team_id: _unlocked(spec, team) for team_id, team in _ranked_teams(state)}
    solved_ids = {e["enigme_id"] for _, team in _ranked_teams(state) for e in team["solved"]}
    overall: list[dict] = []
    for enigme in spec.enigmes:
        if enigme.id in solved_ids:
            overall += [dict(m) for m in enigme.metiers if m not in overall]
    return {"teams": teams, "overall": overall}


def path_count(spec: EscapeSpec, team: dict[str, Any]) -> int:
    """How many énigmes this team's own path holds: solved ones plus the longest way left."""
    return len(team["solved"]) + spec.remaining_from(team["current"])


def wrong_codes(team: dict[str, Any]) -> int:
    """Codes tried that did not open: every solve took exactly one right code."""
    return sum(team["attempts"].values()) - len(team["solved"])


def elapsed_ms(state: EscapeState, team: dict[str, Any], now_ms: int) -> int:
    """The team's game time so far (its last solve once done), hint penalties not included."""
    if team["finished_at_ms"] is not None or state.phase == "finished":
        return team["solved"][-1]["clock_ms"] if team["solved"] else state.clock_ms(now_ms)
    return state.clock_ms(now_ms)


def _team_view(
    spec: EscapeSpec, state: EscapeState, team_id: str, team: dict[str, Any], now_ms: int
) -> dict[str, Any]:
    """A team's progress, without anything that would solve an énigme.

    Times are game times (pauses excluded): `current_since_ms` is when the current énigme
    opened, so a screen shows how long the team has been on it without another event.
    """
    return {
        "team_id": team_id,
        "name": team["name"],
        "members": list(team["members"]),
        "current": team["current"],
        "solved": [dict(entry) for entry in team["solved"]],
        "solved_count": len(team["solved"]),
        "attempts": dict(team["attempts"]),
        "locked_until_ms": team["locked_until_ms"],
        "hints_used": dict(team["hints_used"]),
        "penalty_ms": team["penalty_ms"],
        "finished_at_ms": team["finished_at_ms"],
        "metiers": _unlocked(spec, team),
        "path_count": path_count(spec, team),
        "wrong_codes": wrong_codes(team),
        "elapsed_ms": elapsed_ms(state, team, now_ms),
        "current_since_ms": team["solved"][-1]["clock_ms"] if team["solved"] else 0,
    }


def snapshot(
    spec: EscapeSpec,
    state: EscapeState,
    role: str,
    team_id: str | None = None,
    player_id: str | None = None,
    *,
    now_ms: int,
) -> dict[str, Any]:
    """Everything `role` ("host" or "player") may know now.

    Nobody gets solutions: the host screen is projected in front of the players.
    Host: every team's progress and the ranking. Player: its own team only, the
    team's current énigme (public form), the indices the team asked for, and its
    own fragments; `team_id` may be None for a player not in a team yet.
    """
    if role not in ("host", "player"):
        raise EngineError("invalid_command", gettext_noop("Rôle inconnu : %(role)r."), role=role)
    view: dict[str, Any] = {
        "role": role,
        "title": spec.title,
        "version": state.version,
        "phase": state.phase,
        "paused": state.paused,
        "now_ms": now_ms,
        "ends_at_ms": state.ends_at_ms,
        "remaining_ms": state.remaining_ms(now_ms),
        "duration_s": spec.duration_s,
        "team_size": spec.team_size,
        "enigme_count": len(spec.enigmes),
        "clock_ms": state.clock_ms(now_ms),
        "teams": [
            {"team_id": tid, "name": team["name"], "size": len(team["members"])}
            for tid, team in sorted(state.teams.items(), key=lambda item: item[1]["order"])
        ],
    }
    if state.phase != "lobby":
        view["ranking"] = ranking(spec, state)
    if state.phase == "finished":
        view["debrief"] = debrief(spec, state)

    if role == "host":
        view["progress"] = [
            _team_view(spec, state, tid, team, now_ms)
            for tid, team in sorted(state.teams.items(), key=lambda item: item[1]["order"])
        ]
        return view

    if team_id is None:
        view["team"] = None
        return view
    team = state.teams.get(team_id)
    if team is None:
        raise EngineError("unknown_team", gettext_noop("Équipe inconnue."))
    if player_id not in team["members"]:
        raise EngineError("not_in_team", gettext_noop("Tu ne fais pas partie de cette équipe."))
    mine = _team_view(spec, state, team_id, team, now_ms)
    if team["current"] is not None and state.phase == "running":
        enigme = spec.enigme(team["current"])
        used = team["hints_used"].get(enigme.id, 0)
        mine["enigme"] = enigme.public()
        mine["fragments"] = fragments_for(enigme, team["members"], player_id)
        mine["hints"] = [dict(hint) for hint in enigme.hints[:used]]
    view["team"] = mine
    return view
