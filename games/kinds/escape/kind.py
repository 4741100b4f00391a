"""The escape game: teams solve énigmes at their own pace against one clock."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from games.kinds.escape import engine
from games.kinds.escape.pages import EscapeGamePage
from games.kinds.registry import Kind
from games.kinds.rules import Rules


def next_deadline_ms(state: engine.EscapeState) -> int | None:
    if state.phase == "running" and not state.paused:
        return state.ends_at_ms
    return None


def snapshot(spec, state, role, *, player_id=None, team_id=None, now_ms):
    return engine.escape_snapshot(spec, state, role, team_id, player_id, now_ms=now_ms)


ESCAPE = Kind(
    name="escape",
    label=_("Escape game"),
    package="games.kinds.escape",
    rules=Rules(
        load_spec=engine.EscapeSpec.from_dict,
        new_state=lambda spec: engine.EscapeState(),
        load_state=engine.EscapeState.from_dict,
        apply=engine.apply_escape,
        snapshot=snapshot,
        next_deadline_ms=next_deadline_ms,
        team_play=True,
    ),
    page_model=EscapeGamePage,
)
