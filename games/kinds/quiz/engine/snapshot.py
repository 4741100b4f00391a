"""The full view of a quiz for one screen, sent on connect and after a missed event."""

from __future__ import annotations

from typing import Any

from games.engine.errors import EngineError
from games.engine.problems import gettext_noop
from games.kinds.quiz.engine import report as quiz_report
from games.kinds.quiz.engine.state import QuizSpec, QuizState

ROLES = ("host", "player")


def _remaining_ms(state: QuizState, now_ms: int) -> int | None:
    if state.phase != "question":
        return None
    if state.paused:
        return state.paused_remaining_ms
    return max((state.deadline_ms or now_ms) - now_ms, 0)


def snapshot(
    spec: QuizSpec,
    state: QuizState,
    role: str,
    player_id: str | None = None,
    *,
    now_ms: int,
) -> dict[str, Any]:
    """Everything `role` may know now.

    Common keys: role, title, kind, version, phase, paused, question_index,
    question_count, now_ms, deadline_ms, remaining_ms, player_count; "question"
    (public form) while a question is open or revealed; "reveal" after it;
    "final" (podium, debrief) once finished.
    Host adds: "players" (every player, kicked ones included), answered/expected
    counts while a question is open, "ranking" once finished.
    Player adds "me": own nickname, score, rank, whether they may answer and have
    answered the open question, and their "result" once revealed. Never the
    solution nor anyone else's answer before the reveal.
    """
    if role not in ROLES:
        raise EngineError("invalid_command", gettext_noop("Rôle inconnu : %(role)r."), role=role)
    view: dict[str, Any] = {
        "role": role,
        "title": spec.title,
        "kind": spec.kind,
        "version": state.version,
        "phase": state.phase,
        "paused": state.paused,
        "question_index": state.question_index,
        "question_count": state.question_count,
        "now_ms": now_ms,
        "deadline_ms": state.deadline_ms if state.phase == "question" else None,
        "remaining_ms": _remaining_ms(state, now_ms),
        "player_count": state.active_count(),
    }
    if state.phase in ("question", "reveal"):
        view["question"] = quiz_report.current_question(spec, state).public()
    if state.phase == "reveal":
        view["reveal"] = quiz_report.reveal(spec, state)
    if state.phase == "finished":
        view["final"] = quiz_report.final(spec, state)

    if role == "host":
        view["players"] = [
            {"player_id": pid, **{k: p[k] for k in ("nickname", "score", "active")}}
            for pid, p in sorted(state.players.items(), key=lambda item: item[0])
        ]
        if state.phase == "question":
            view["answered"] = len(state.answers)
            view["expected"] = state.expected_count
            view["answered_ids"] = list(state.answers)
        if state.phase == "finished":
            view["ranking"] = quiz_report.ranking(state)
        return view

    player = state.players.get(player_id) if player_id is not None else None
    if player is None:
        raise EngineError("unknown_player", gettext_noop("Joueur inconnu."))
    standing = quiz_report.standings(state)
    me: dict[str, Any] = {
        "player_id": player_id,
        "nickname": player["nickname"],
        "active": player["active"],
        "score": player["score"],
        "rank": standing.get(player_id, {}).get("rank"),
    }
    if state.phase == "question":
        me["eligible"] = player["first_question"] <= state.question_index
        me["answered"] = player_id in state.answers
    if state.phase == "reveal" and player["active"]:
        me["result"] = quiz_report.player_result(state, player_id, standing)
    view["me"] = me
    return view
