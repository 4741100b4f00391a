"""The escape game rules, as pure Python (see games/engine/__init__.py for the contract).

    EscapeSpec.from_dict({"title", "duration_s", "team_size", "enigmes": [...]})
    EscapeState() / EscapeState.from_dict(d)
    apply_escape(spec, state, command, now_ms) -> Transition(state, events)
    escape_snapshot(spec, state, "host" | "player", team_id, player_id, now_ms=...)
    escape_ranking(spec, state), escape_debrief(spec, state)
Helpers: balance_teams(player_ids, team_ids), smallest_team(teams, team_size),
fragments_for(enigme, members, player_id), codes.normalise / codes.canonical.
"""

from .codes import canonical, normalise
from .play import apply as apply_escape
from .report import debrief as escape_debrief
from .report import ranking as escape_ranking
from .report import snapshot as escape_snapshot
from .spec import Enigme, EscapeSpec
from .state import EscapeState
from .teams import balance_teams, fragments_for, smallest_team

__all__ = [
    "Enigme",
    "EscapeSpec",
    "EscapeState",
    "apply_escape",
    "balance_teams",
    "canonical",
    "escape_debrief",
    "escape_ranking",
    "escape_snapshot",
    "fragments_for",
    "normalise",
    "smallest_team",
]
