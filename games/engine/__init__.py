"""The shared core of the live games' rules, as pure Python: no I/O, no ORM, no clock.

Each game kind keeps its own rules in games/kinds/<kind>/engine/ (quiz, escape) and builds
on this core: commands, errors, events, transitions, scoring and ranking helpers.

For the service layer, which loads a state, applies one command and saves, in one
transaction.

Specs (authored content, passed to every call, never stored in a state):
    QuizSpec.from_dict({"title", "kind": "quiz" | "parcours", "questions": [...]})
    EscapeSpec.from_dict({"title", "duration_s", "team_size", "enigmes": [...]})
    spec.problems() -> list[str]   # French authoring errors; play only when empty
    generate.parcours_spec(objet, pool, seed=...) -> a QuizSpec dict for "de A à Z"

States (what the database JSON column holds):
    QuizState.new(spec) / EscapeState()
    state.to_dict() -> dict;  QuizState.from_dict(d) / EscapeState.from_dict(d)
    state.version: +1 on every transition that changes the state; stamp every
    broadcast with it. A client seeing a gap asks for a snapshot.

Commands: `command_from_dict({"type": ..., ...})` builds Join, Answer, Submit...
(see commands.py). Who may send what (host vs player, a player for itself) is the
service's check; the engine checks that the command fits the game.

Applying (time is always passed in as `now_ms`, int milliseconds since the epoch):
    apply_quiz(spec, state, command, now_ms) -> Transition(state, events)
    apply_escape(spec, state, command, now_ms) -> Transition(state, events)
The input state is never mutated. On a refused command an `EngineError(code,
message, **details)` is raised and nothing changes; `error.to_dict()` is what to
send back. Codes are listed in `errors.CODES`.
The service sends Tick(now_ms) when a deadline may have passed (quiz:
deadline_ms + scoring.GRACE_MS; escape: ends_at_ms); a Tick that finds nothing to
do returns the same state object and no events.

Events: `Event(type, audience, data)`; audience is "all" (host screen and every
phone), "host", "players" (every phone), "player:<id>" or "team:<id>" (see
events.py). Serialise each event once per audience. No event whose audience
reaches a phone carries a solution before the reveal.

Views:
    quiz_snapshot(spec, state, "host" | "player", player_id, now_ms=...) -> dict
    escape_snapshot(spec, state, "host" | "player", team_id, player_id, now_ms=...)
    quiz_results(spec, state) -> {"title", "columns", "rows"} for the CSV export
    quiz_ranking(state), escape_ranking(spec, state), escape_debrief(spec, state)
Helpers: balance_teams(player_ids, team_ids), smallest_team(teams, team_size),
fragments_for(enigme, members, player_id), codes.normalise / codes.canonical.
"""

from .commands import Command, command_from_dict
from .errors import CODES, EngineError
from .events import Event
from .outcome import Transition

__all__ = ["CODES", "Command", "EngineError", "Event", "Transition", "command_from_dict"]
