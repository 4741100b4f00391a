"""The quiz description (`QuizSpec`) and the state of one live quiz (`QuizState`).

The spec is authored content, passed to every call and never copied into the
state. The state is what the service stores in a JSON column; it round-trips
through `to_dict()` / `from_dict()`.

State values are treated as immutable: a transition builds new dicts for what it
changes and shares the rest, so applying one answer among 2,000 players copies
one dict of answers, not the whole state. Never mutate a state's dicts in place.

Player ids are strings. No code relies on the order of dict keys (PostgreSQL's
jsonb does not keep it): orders come from explicit sort keys.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from games.engine.errors import EngineError
from games.engine.fields import (
    keyed_by_str,
    read_bool,
    read_dict,
    read_int,
    read_list,
    read_optional_int,
    read_phase,
    read_str,
    require_dict,
)
from games.engine.problems import Problem, gettext_noop
from games.kinds.quiz.engine.questions import Question, question_from_dict

PHASES = ("lobby", "question", "reveal", "finished")
SPEC_KINDS = ("quiz", "parcours")
STATE = "invalid_spec"


@dataclass(frozen=True)
class QuizSpec:
    title: str
    questions: list[Question]
    kind: str = "quiz"

    @classmethod
    def from_dict(cls, data: Any) -> QuizSpec:
        data = require_dict(data, "Quiz", STATE)
        kind = read_str(data, "kind", "Quiz", STATE, default="quiz")
        if kind not in SPEC_KINDS:
            raise EngineError(
                STATE, gettext_noop("Type de jeu inconnu : %(kind)r."), field="kind", kind=kind
            )
        return cls(
            title=read_str(data, "title", "Quiz", STATE),
            questions=[question_from_dict(q) for q in read_list(data, "questions", "Quiz", STATE)],
            kind=kind,
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "kind": self.kind,
            "questions": [question.to_dict() for question in self.questions],
        }

    def problems(self) -> list[Problem]:
        found: list[Problem] = []
        if not self.title.strip():
            found.append(
                Problem("no_title", gettext_noop("Le quiz n'a pas de titre."), field="title")
            )
        if not self.questions:
            found.append(
                Problem(
                    "no_questions", gettext_noop("Le quiz n'a aucune question."), field="questions"
                )
            )
        ids = [question.id for question in self.questions]
        if len(set(ids)) != len(ids):
            found.append(
                Problem(
                    "duplicate_ids",
                    gettext_noop("Deux questions ont le même identifiant."),
                    field="questions",
                )
            )
        for number, question in enumerate(self.questions, start=1):
            found += [problem.placed("question", number - 1) for problem in question.problems()]
        return found


@dataclass(frozen=True)
class QuizState:
    """One live quiz.

    players: {player_id: {"nickname", "score", "active", "answer_time_ms_total",
        "first_question"}}. `active` is false once kicked. `first_question` is the
        first question index the player may answer (late joiners start at the next one).
    answers: answers to the current question, {player_id: {"answer", "fraction",
        "points", "elapsed_ms"}}; points are added to scores at the reveal.
    history: one entry per question left behind, in play order:
        {"index", "skipped", "results": {player_id: [fraction, points, elapsed_ms]}}.
    """

    version: int = 0
    phase: str = "lobby"
    paused: bool = False
    paused_remaining_ms: int | None = None
    question_index: int = -1
    opened_at_ms: int | None = None
    deadline_ms: int | None = None
    question_count: int = 0
    # Players expected to answer the open question, counted when it opens and when one is
    # kicked: answers arrive by the hundred, and recounting every player each time made a
    # burst of answers quadratic.
    expected_count: int = 0
    players: dict[str, dict[str, Any]] = field(default_factory=dict)
    answers: dict[str, dict[str, Any]] = field(default_factory=dict)
    history: list[dict[str, Any]] = field(default_factory=list)

    @classmethod
    def new(cls, spec: QuizSpec) -> QuizState:
        return cls(question_count=len(spec.questions))

    def to_dict(self) -> dict[str, Any]:
        """The state as JSON-able data, sharing its dicts: a state is never changed in place
        (every rule builds new dicts), and copying 2,000 players, their answers and the
        results of each question for every batch of answers was a fifth of the answer
        burst (issue 12)."""
        return {
            "version": self.version,
            "phase": self.phase,
            "paused": self.paused,
            "paused_remaining_ms": self.paused_remaining_ms,
            "question_index": self.question_index,
            "opened_at_ms": self.opened_at_ms,
            "deadline_ms": self.deadline_ms,
            "question_count": self.question_count,
            "expected_count": self.expected_count,
            "players": self.players,
            "answers": self.answers,
            "history": self.history,
        }

    @classmethod
    def from_dict(cls, data: Any) -> QuizState:
        where = "État du quiz"
        data = require_dict(data, where, STATE)
        phase = read_phase(data, where, STATE, PHASES)

        def optional_int(key: str) -> int | None:
            return read_optional_int(data, key, where, STATE)

        players = read_dict(data, "players", where, STATE)
        answers = read_dict(data, "answers", where, STATE)
        history = read_list(data, "history", where, STATE)
        return cls(
            version=read_int(data, "version", where, STATE),
            phase=phase,
            paused=read_bool(data, "paused", where, STATE),
            paused_remaining_ms=optional_int("paused_remaining_ms"),
            question_index=read_int(data, "question_index", where, STATE),
            opened_at_ms=optional_int("opened_at_ms"),
            deadline_ms=optional_int("deadline_ms"),
            question_count=read_int(data, "question_count", where, STATE),
            expected_count=read_int(data, "expected_count", where, STATE, default=0),
            players=keyed_by_str(players, dict, where, STATE),
            answers=keyed_by_str(answers, dict, where, STATE),
            history=[
                {
                    **require_dict(entry, where, STATE),
                    "results": keyed_by_str(
                        read_dict(entry, "results", where, STATE), list, where, STATE
                    ),
                }
                for entry in history
            ],
        )

    def eligible_ids(self, index: int) -> list[str]:
        """Players expected to answer question `index`: active and there from its start."""
        return [
            pid
            for pid, player in self.players.items()
            if player["active"] and player["first_question"] <= index
        ]

    def _eligible(self, player: dict[str, Any], index: int) -> bool:
        return player["active"] and player["first_question"] <= index

    def eligible_count(self, index: int) -> int:
        return sum(1 for player in self.players.values() if self._eligible(player, index))

    def active_count(self) -> int:
        return sum(1 for player in self.players.values() if player["active"])
