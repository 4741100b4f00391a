"""The full view of a session for one screen: what a reconnecting or lagging client gets."""

from __future__ import annotations

from games.kinds.registry import rules_for
from games.models import GameSession
from games.services.loaded import spec_of, state_of
from games.services.messages import Streams, dumps
from games.services.presence import online_players
from games.services.teams import nicknames


def snapshot_frame(
    session: GameSession, role: str, *, player_id: str | None, team_id: str | None, now_ms: int
) -> str:
    rules = rules_for(session.kind)
    view = rules.snapshot(
        spec_of(session),
        state_of(session),
        role,
        player_id=player_id,
        team_id=team_id,
        now_ms=now_ms,
    )
    if role == "host":
        view = {**view, "presence": online_players(session.pk)}
    if rules.team_play:  # the engine knows players by id; screens show nicknames
        team = None if role == "host" else (team_id or "")
        view = {**view, "nicknames": nicknames(session.pk, team)}
    return dumps(
        {
            "type": "snapshot",
            "v": session.version,
            "seq": session.broadcast_seq,
            **_own_streams(session, role, player_id, team_id if rules.team_play else None),
            "now_ms": now_ms,
            "data": view,
        }
    )


def _own_streams(
    session: GameSession, role: str, player_id: str | None, team_id: str | None
) -> dict[str, int]:
    """Where this phone's own streams stand (`pseq`, and `tseq` for its team): the frames it
    gets after the snapshot follow on from these. The host gets frames of neither."""
    if role == "host" or player_id is None:
        return {}
    stored = Streams.of(session)
    own = {"pseq": stored.players.get(player_id, 0)}
    if team_id:
        own["tseq"] = stored.teams.get(team_id, 0)
    return own


def load_snapshot(
    session_id: int, role: str, *, player_id: str | None, team_id: str | None, now_ms: int
) -> str:
    session = GameSession.objects.defer("spec", "state").get(pk=session_id)
    return snapshot_frame(session, role, player_id=player_id, team_id=team_id, now_ms=now_ms)
