"""What the engine asks the service to send, and to whom.

An `Event` names its audience; the service serialises each event once and
delivers it to every socket of that audience:

- ``"all"``: the host screen and every player's phone;
- ``"host"``: the host screen(s) only (may hold answer counts, never sent to phones);
- ``"players"``: every phone, not the host screen;
- ``"player:<player_id>"``: the phones of one player;
- ``"team:<team_id>"``: the phones of one team's members (escape game). The host
  gets its own events about teams, it is not part of a team audience.

Events are notifications, not the truth: a client that missed one asks for a
snapshot. So an event never needs to repeat the whole state.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

ALL = "all"
HOST = "host"
PLAYERS = "players"


def to_player(player_id: str) -> str:
    return f"player:{player_id}"


def to_team(team_id: str) -> str:
    return f"team:{team_id}"


def reaches_phones(audience: str) -> bool:
    """True for every audience a phone belongs to (all but the host's own)."""
    return audience != HOST


@dataclass(frozen=True)
class Event:
    type: str
    audience: str
    data: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"type": self.type, "audience": self.audience, "data": self.data}
