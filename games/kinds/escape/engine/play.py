"""Escape game rules, team-paced: `apply(spec, state, command, now_ms) -> Transition`.

Phases: lobby -> running -> finished. The host adds teams, players join them
(late joiners too, while running), the host starts; each team then works through
its énigmes at its own pace until it solves the last one, the time is over, or
the host ends the game. When every team with members is done, the game finishes.

Submitting a code (`Submit`) must name the team's current énigme: when two phones
of a team send the right code at the same moment, the first one moves the team on
and the second gets `already_solved`, so a solve counts once.

Wrong codes: LOCK_AFTER wrong codes in a row lock the padlock for 10 s, then 20 s,
40 s... at each further lockout on the same énigme, capped at 2 minutes. Brute
force through a phone keypad is slow, but through a script it is not, and the
lock also nudges a team towards a hint instead of guessing.

Hints (`Hint`) reveal the next indice of the current énigme to the whole team and
add its penalty to the team's time (`penalty_ms`), which counts in the ranking.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from games.engine.commands import (
    AddTeam,
    AddTime,
    Command,
    End,
    Hint,
    JoinTeam,
    Kick,
    LeaveTeam,
    Message,
    Pause,
    RenameTeam,
    Resume,
    Start,
    Submit,
    Tick,
)
from games.engine.errors import EngineError
from games.engine.events import ALL, HOST, Event, to_player, to_team
from games.engine.outcome import Transition
from games.engine.problems import gettext_noop
from games.kinds.escape.engine import report as escape_report
from games.kinds.escape.engine.codes import canonical
from games.kinds.escape.engine.spec import EscapeSpec
from games.kinds.escape.engine.state import EscapeState, new_team
from games.kinds.escape.engine.teams import fragments_for

LOCK_AFTER = 3
FIRST_LOCK_MS = 10_000
MAX_LOCK_MS = 120_000
TEAM_NAME_MAX = 40
MESSAGE_MAX = 280
ADD_TIME_MAX_S = 3600

Step = tuple[EscapeState, list[Event]]


def lock_ms(lockouts_before: int) -> int:
    """Length of the next lockout: 10 s doubled for each earlier one, at most 2 min."""
    return min(FIRST_LOCK_MS * 2**lockouts_before, MAX_LOCK_MS)


def apply(spec: EscapeSpec, state: EscapeState, command: Command, now_ms: int) -> Transition:
    handler = _HANDLERS.get(type(command))
    if handler is None:
        raise EngineError(
            "invalid_command",
            gettext_noop("Commande « %(command)s » inconnue dans un escape game."),
            command=command.type,
        )
    new_state, events = handler(spec, state, command, now_ms)
    if new_state is state:
        return Transition(state, events)
    return Transition(replace(new_state, version=state.version + 1), events)


# -- helpers -------------------------------------------------------------------


def _require_phase(state: EscapeState, *phases: str) -> None:
    if state.phase not in phases:
        raise EngineError(
            "wrong_phase", gettext_noop("Impossible à cette étape du jeu."), phase=state.phase
        )


def _require_playing(state: EscapeState) -> None:
    _require_phase(state, "running")
    if state.paused:
        raise EngineError("game_paused", gettext_noop("Le jeu est en pause."))


def _team(state: EscapeState, team_id: str) -> dict[str, Any]:
    team = state.teams.get(team_id)
    if team is None:
        raise EngineError("unknown_team", gettext_noop("Équipe inconnue."))
    return team


def _member_of(state: EscapeState, team_id: str, player_id: str) -> dict[str, Any]:
    team = _team(state, team_id)
    if player_id not in team["members"]:
        raise EngineError("not_in_team", gettext_noop("Tu ne fais pas partie de cette équipe."))
    return team


def _require_current(team: dict[str, Any], enigme_id: str) -> None:
    if team["current"] == enigme_id:
        return
    if any(entry["enigme_id"] == enigme_id for entry in team["solved"]):
        raise EngineError("already_solved", gettext_noop("Cette énigme est déjà résolue."))
    raise EngineError("wrong_enigme", gettext_noop("Ce n'est pas l'énigme en cours de ton équipe."))


def _with_team(state: EscapeState, team_id: str, team: dict[str, Any]) -> EscapeState:
    return replace(state, teams={**state.teams, team_id: team})


def _enigme_events(spec: EscapeSpec, team_id: str, team: dict[str, Any]) -> list[Event]:
    """Each member's view of the team's current énigme, with that member's own fragments.

    Sent when an énigme opens and whenever the team changes, since fragments are
    shared out again among the members.
    """
    if team["current"] is None:
        return []
    enigme = spec.enigme(team["current"])
    return [
        Event(
            "enigme_opened",
            to_player(player_id),
            {
                "team_id": team_id,
                "enigme": enigme.public(),
                "fragments": fragments_for(enigme, team["members"], player_id),
                "path_count": escape_report.path_count(spec, team),
            },
        )
        for player_id in team["members"]
    ]


def _finish(spec: EscapeSpec, state: EscapeState, now_ms: int) -> Step:
    changes: dict[str, Any] = {"phase": "finished", "paused": False, "paused_at_ms": None}
    if state.paused and state.paused_at_ms is not None:
        changes["paused_total_ms"] = state.paused_total_ms + now_ms - state.paused_at_ms
    finished = replace(state, **changes)
    data = {
        "ranking": escape_report.ranking(spec, finished),
        "debrief": escape_report.debrief(spec, finished),
    }
    return finished, [Event("game_finished", ALL, data)]


def _time_over(state: EscapeState, now_ms: int) -> bool:
    return (
        state.phase == "running"
        and not state.paused
        and state.ends_at_ms is not None
        and now_ms >= state.ends_at_ms
    )


def _membership_events(
    spec: EscapeSpec, state: EscapeState, team_id: str, kind: str, player_id: str
) -> list[Event]:
    team = state.teams[team_id]
    data = {"team_id": team_id, "player_id": player_id, "members": list(team["members"])}
    events = [Event(kind, HOST, data), Event(kind, to_team(team_id), data)]
    if state.phase == "running":
        events += _enigme_events(spec, team_id, team)
    return events


# -- commands ------------------------------------------------------------------


def _add_team(spec: EscapeSpec, state: EscapeState, command: AddTeam, now_ms: int) -> Step:
    _require_phase(state, "lobby", "running")
    if command.team_id in state.teams:
        raise EngineError("duplicate_team", gettext_noop("Cette équipe existe déjà."))
    name = _team_name(command.name)
    current = spec.first_id() if state.phase == "running" else None
    team = new_team(name, len(state.teams), current)
    added = _with_team(state, command.team_id, team)
    return added, [Event("team_added", ALL, {"team_id": command.team_id, "name": name})]


def _team_name(raw: str) -> str:
    name = " ".join(raw.split())
    if not name or len(name) > TEAM_NAME_MAX:
        raise EngineError(
            "invalid_team_name",
            gettext_noop("Le nom d'équipe doit faire 1 à %(max)s caractères."),
            max=TEAM_NAME_MAX,
        )
    return name


def _clean_team_name(state: EscapeState, team_id: str, raw: str) -> str:
    name = _team_name(raw)
    taken = {team["name"].casefold() for tid, team in state.teams.items() if tid != team_id}
    if name.casefold() in taken:
        raise EngineError(
            "duplicate_team_name", gettext_noop("Une autre équipe porte déjà ce nom.")
        )
    return name


def _rename_team(spec: EscapeSpec, state: EscapeState, command: RenameTeam, now_ms: int) -> Step:
    """Players name their own team before the start; the host may rename any team, any time."""
    if command.player_id is None:
        _require_phase(state, "lobby", "running")
        team = _team(state, command.team_id)
    else:
        _require_phase(state, "lobby")
        team = _member_of(state, command.team_id, command.player_id)
    name = _clean_team_name(state, command.team_id, command.name)
    if name == team["name"]:
        return state, []
    renamed = _with_team(state, command.team_id, {**team, "name": name})
    return renamed, [Event("team_renamed", ALL, {"team_id": command.team_id, "name": name})]


def _join_team(spec: EscapeSpec, state: EscapeState, command: JoinTeam, now_ms: int) -> Step:
    _require_phase(state, "lobby", "running")
    team = _team(state, command.team_id)
    if command.player_id in team["members"]:
        return state, []
    previous_id = state.team_of(command.player_id)
    if previous_id is not None and state.phase == "running":
        # Changing team mid-game would carry fragments from one team to another.
        raise EngineError("already_in_team", gettext_noop("Tu fais déjà partie d'une équipe."))
    if len(team["members"]) >= spec.team_size:
        raise EngineError("team_full", gettext_noop("Cette équipe est complète."))
    teams = dict(state.teams)
    events: list[Event] = []
    if previous_id is not None:
        previous = teams[previous_id]
        members = [pid for pid in previous["members"] if pid != command.player_id]
        teams[previous_id] = {**previous, "members": members}
    teams[command.team_id] = {**team, "members": [*team["members"], command.player_id]}
    joined = replace(state, teams=teams)
    if previous_id is not None:
        events += _membership_events(spec, joined, previous_id, "team_left", command.player_id)
    events += _membership_events(spec, joined, command.team_id, "team_joined", command.player_id)
    return joined, events


def _without_member(
    spec: EscapeSpec, state: EscapeState, team_id: str, player_id: str, now_ms: int
) -> Step:
    """`player_id` out of its team; the game ends if every team left is done."""
    team = state.teams[team_id]
    members = [pid for pid in team["members"] if pid != player_id]
    left = _with_team(state, team_id, {**team, "members": members})
    events = _membership_events(spec, left, team_id, "team_left", player_id)
    if _all_done(left):
        left, more = _finish(spec, left, now_ms)
        events += more
    return left, events


def _leave_team(spec: EscapeSpec, state: EscapeState, command: LeaveTeam, now_ms: int) -> Step:
    _require_phase(state, "lobby", "running")
    team_id = state.team_of(command.player_id)
    if team_id is None:
        raise EngineError("unknown_player", gettext_noop("Ce joueur n'est dans aucune équipe."))
    left, events = _without_member(spec, state, team_id, command.player_id, now_ms)
    return left, [Event("left_team", to_player(command.player_id), {"team_id": team_id}), *events]


def _kick(spec: EscapeSpec, state: EscapeState, command: Kick, now_ms: int) -> Step:
    """The host removes a player: out of its team, told so; the service revokes its token.

    The escape state keeps no player list (players are team members), so a player in no
    team is removed all the same: a new state (a new version) makes the service record it.
    """
    _require_phase(state, "lobby", "running")
    kicked_event = Event("player_kicked", to_player(command.player_id), {})
    team_id = state.team_of(command.player_id)
    if team_id is None:
        return replace(state), [kicked_event]
    kicked, events = _without_member(spec, state, team_id, command.player_id, now_ms)
    return kicked, [kicked_event, *events]


def _start(spec: EscapeSpec, state: EscapeState, command: Start, now_ms: int) -> Step:
    _require_phase(state, "lobby")
    if not spec.enigmes:
        raise EngineError("invalid_spec", gettext_noop("Cet escape game n'a aucune énigme."))
    if not state.playing_team_ids():
        raise EngineError("no_team", gettext_noop("Il faut au moins une équipe avec un joueur."))
    first = spec.first_id()
    teams = {team_id: {**team, "current": first} for team_id, team in state.teams.items()}
    started = replace(
        state,
        phase="running",
        started_at_ms=now_ms,
        ends_at_ms=now_ms + spec.duration_s * 1000,
        teams=teams,
    )
    data = {
        "now_ms": now_ms,
        "ends_at_ms": started.ends_at_ms,
        "duration_ms": spec.duration_s * 1000,
    }
    events = [Event("game_started", ALL, data)]
    for team_id in started.playing_team_ids():
        events += _enigme_events(spec, team_id, started.teams[team_id])
    return started, events


def _pause(spec: EscapeSpec, state: EscapeState, command: Pause, now_ms: int) -> Step:
    _require_phase(state, "running")
    if state.paused:
        raise EngineError("game_paused", gettext_noop("Le jeu est déjà en pause."))
    paused = replace(state, paused=True, paused_at_ms=now_ms)
    return paused, [Event("paused", ALL, {"remaining_ms": paused.remaining_ms(now_ms)})]


def _resume(spec: EscapeSpec, state: EscapeState, command: Resume, now_ms: int) -> Step:
    _require_phase(state, "running")
    if not state.paused or state.paused_at_ms is None:
        raise EngineError("not_paused", gettext_noop("Le jeu n'est pas en pause."))
    shift = max(now_ms - state.paused_at_ms, 0)
    teams = dict(state.teams)
    for team_id, team in state.teams.items():
        # A lock running when the host paused keeps the rest of its time after the pause.
        locked_until = team["locked_until_ms"]
        if locked_until is not None and locked_until > state.paused_at_ms:
            teams[team_id] = {**team, "locked_until_ms": locked_until + shift}
    resumed = replace(
        state,
        paused=False,
        paused_at_ms=None,
        paused_total_ms=state.paused_total_ms + shift,
        ends_at_ms=(state.ends_at_ms or now_ms) + shift,
        teams=teams,
    )
    data = {"now_ms": now_ms, "ends_at_ms": resumed.ends_at_ms}
    return resumed, [Event("resumed", ALL, data)]


def _add_time(spec: EscapeSpec, state: EscapeState, command: AddTime, now_ms: int) -> Step:
    _require_phase(state, "running")
    if command.seconds == 0 or abs(command.seconds) > ADD_TIME_MAX_S:
        raise EngineError(
            "invalid_command",
            gettext_noop("Ajoute entre 1 et %(max)s secondes (ou retire-les)."),
            max=ADD_TIME_MAX_S,
        )
    changed = replace(state, ends_at_ms=(state.ends_at_ms or now_ms) + command.seconds * 1000)
    data = {"ends_at_ms": changed.ends_at_ms, "added_s": command.seconds, "now_ms": now_ms}
    events = [Event("time_changed", ALL, data)]
    if _time_over(changed, now_ms):
        changed, more = _finish(spec, changed, now_ms)
        events += more
    return changed, events


def _end(spec: EscapeSpec, state: EscapeState, command: End, now_ms: int) -> Step:
    _require_phase(state, "lobby", "running")
    return _finish(spec, state, now_ms)


def _tick(spec: EscapeSpec, state: EscapeState, command: Tick, now_ms: int) -> Step:
    if _time_over(state, now_ms):
        return _finish(spec, state, now_ms)
    return state, []


def _all_done(state: EscapeState) -> bool:
    playing = state.playing_team_ids()
    return (
        state.phase == "running"
        and bool(playing)
        and all(state.teams[team_id]["finished_at_ms"] is not None for team_id in playing)
    )


def _submit(spec: EscapeSpec, state: EscapeState, command: Submit, now_ms: int) -> Step:
    _require_playing(state)
    if state.ends_at_ms is not None and now_ms >= state.ends_at_ms:
        raise EngineError("time_over", gettext_noop("Le temps est écoulé."))
    team = _member_of(state, command.team_id, command.player_id)
    _require_current(team, command.enigme_id)
    locked_until = team["locked_until_ms"]
    if locked_until is not None and now_ms < locked_until:
        raise EngineError(
            "padlock_locked",
            gettext_noop("Cadenas bloqué : patientez avant de réessayer."),
            remaining_ms=locked_until - now_ms,
            locked_until_ms=locked_until,
        )
    enigme = spec.enigme(command.enigme_id)
    answer = canonical(enigme.kind, command.code)
    if answer is None:
        raise EngineError("invalid_answer", gettext_noop("Ce code ne peut pas ouvrir ce cadenas."))

    attempts = {**team["attempts"], enigme.id: team["attempts"].get(enigme.id, 0) + 1}
    if answer not in enigme.accepted():
        return _wrong_code(state, command, {**team, "attempts": attempts}, now_ms)

    clock = state.clock_ms(now_ms)
    following = spec.next_id(enigme, answer)
    solved_team = {
        **team,
        "attempts": attempts,
        "solved": [*team["solved"], {"enigme_id": enigme.id, "at_ms": now_ms, "clock_ms": clock}],
        "current": following,
        "wrong_streak": 0,
        "lockouts": 0,
        "locked_until_ms": None,
        "finished_at_ms": now_ms if following is None else None,
    }
    solved = _with_team(state, command.team_id, solved_team)
    progress = {
        "team_id": command.team_id,
        "enigme_id": enigme.id,
        "player_id": command.player_id,
        "solved_count": len(solved_team["solved"]),
        "metiers": [dict(metier) for metier in enigme.metiers],
        "done": following is None,
        "current": following,
        "clock_ms": clock,
        "path_count": escape_report.path_count(spec, solved_team),
    }
    events = [
        Event("enigme_solved", to_team(command.team_id), progress),
        Event("team_progress", HOST, progress),
    ]
    if following is None:
        done = {"team_id": command.team_id, "name": team["name"], "clock_ms": clock}
        # The team and the class screen only: other teams' phones have nothing to show for
        # it, and as 60 teams finish together at a forum, 60 frames to all 300 phones were
        # the busiest moment of the game (issue 12).
        events += [
            Event("team_finished", to_team(command.team_id), done),
            Event("team_finished", HOST, done),
        ]
    else:
        events += _enigme_events(spec, command.team_id, solved_team)
    if _all_done(solved):
        solved, more = _finish(spec, solved, now_ms)
        events += more
    return solved, events


def _wrong_code(state: EscapeState, command: Submit, team: dict[str, Any], now_ms: int) -> Step:
    streak = team["wrong_streak"] + 1
    lock = 0
    if streak >= LOCK_AFTER:
        lock = lock_ms(team["lockouts"])
        team = {
            **team,
            "wrong_streak": 0,
            "lockouts": team["lockouts"] + 1,
            "locked_until_ms": now_ms + lock,
        }
    else:
        team = {**team, "wrong_streak": streak}
    rejected = _with_team(state, command.team_id, team)
    data = {
        "team_id": command.team_id,
        "enigme_id": command.enigme_id,
        "player_id": command.player_id,
        "attempts": team["attempts"][command.enigme_id],
        "wrong_codes": escape_report.wrong_codes(team),
        "wrong_streak": team["wrong_streak"],
        "lock_ms": lock,
        "locked_until_ms": team["locked_until_ms"] if lock else None,
    }
    return rejected, [
        Event("code_rejected", to_team(command.team_id), data),
        Event("code_rejected", HOST, data),
    ]


def _hint(spec: EscapeSpec, state: EscapeState, command: Hint, now_ms: int) -> Step:
    _require_playing(state)
    team = _member_of(state, command.team_id, command.player_id)
    _require_current(team, command.enigme_id)
    enigme = spec.enigme(command.enigme_id)
    used = team["hints_used"].get(enigme.id, 0)
    if used >= len(enigme.hints):
        raise EngineError(
            "no_more_hints", gettext_noop("Il n'y a plus d'indice pour cette énigme.")
        )
    hint = enigme.hints[used]
    penalty = round(hint["penalty_s"] * 1000)
    team = {
        **team,
        "hints_used": {**team["hints_used"], enigme.id: used + 1},
        "penalty_ms": team["penalty_ms"] + penalty,
    }
    data = {
        "team_id": command.team_id,
        "enigme_id": enigme.id,
        "index": used,
        "text": hint["text"],
        "penalty_ms": penalty,
        "team_penalty_ms": team["penalty_ms"],
        "remaining_hints": len(enigme.hints) - used - 1,
    }
    return _with_team(state, command.team_id, team), [
        Event("hint_given", to_team(command.team_id), data),
        Event("hint_given", HOST, data),
    ]


def _message(spec: EscapeSpec, state: EscapeState, command: Message, now_ms: int) -> Step:
    text = command.text.strip()
    if not text or len(text) > MESSAGE_MAX:
        raise EngineError(
            "invalid_message",
            gettext_noop("Le message doit faire 1 à %(max)s caractères."),
            max=MESSAGE_MAX,
        )
    audience = ALL
    if command.team_id is not None:
        _team(state, command.team_id)
        audience = to_team(command.team_id)
    # A message changes nothing in the state: no new version.
    return state, [Event("host_message", audience, {"text": text, "team_id": command.team_id})]


_HANDLERS: dict[type[Command], Callable[..., Step]] = {
    AddTeam: _add_team,
    JoinTeam: _join_team,
    LeaveTeam: _leave_team,
    Kick: _kick,
    Start: _start,
    Pause: _pause,
    Resume: _resume,
    AddTime: _add_time,
    End: _end,
    Tick: _tick,
    Submit: _submit,
    Hint: _hint,
    Message: _message,
    RenameTeam: _rename_team,
}
