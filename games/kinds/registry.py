"""Which engine plays which kind of game: one table instead of `if kind == ...` everywhere."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from games import engine
from games.engine import scoring
from games.kinds.escape import engine as escape_engine
from games.kinds.quiz import engine as quiz_engine


@dataclass(frozen=True)
class Rules:
    load_spec: Callable[[dict], Any]
    new_state: Callable[[Any], Any]
    load_state: Callable[[dict], Any]
    apply: Callable[..., engine.Transition]
    snapshot: Callable[..., dict]
    next_deadline_ms: Callable[[Any], int | None]
    team_play: bool


def _quiz_deadline(state: quiz_engine.QuizState) -> int | None:
    if state.phase == "question" and not state.paused and state.deadline_ms is not None:
        return state.deadline_ms + scoring.GRACE_MS
    return None


def _escape_deadline(state: escape_engine.EscapeState) -> int | None:
    if state.phase == "running" and not state.paused:
        return state.ends_at_ms
    return None


def _quiz_snapshot(spec, state, role, *, player_id=None, team_id=None, now_ms):
    return quiz_engine.quiz_snapshot(spec, state, role, player_id, now_ms=now_ms)


def _escape_snapshot(spec, state, role, *, player_id=None, team_id=None, now_ms):
    return escape_engine.escape_snapshot(spec, state, role, team_id, player_id, now_ms=now_ms)


QUIZ = Rules(
    load_spec=quiz_engine.QuizSpec.from_dict,
    new_state=quiz_engine.QuizState.new,
    load_state=quiz_engine.QuizState.from_dict,
    apply=quiz_engine.apply_quiz,
    snapshot=_quiz_snapshot,
    next_deadline_ms=_quiz_deadline,
    team_play=False,
)
ESCAPE = Rules(
    load_spec=escape_engine.EscapeSpec.from_dict,
    new_state=lambda spec: escape_engine.EscapeState(),
    load_state=escape_engine.EscapeState.from_dict,
    apply=escape_engine.apply_escape,
    snapshot=_escape_snapshot,
    next_deadline_ms=_escape_deadline,
    team_play=True,
)

RULES_BY_KIND = {"quiz": QUIZ, "parcours": QUIZ, "escape": ESCAPE}


def rules_for(kind: str) -> Rules:
    return RULES_BY_KIND[kind]
