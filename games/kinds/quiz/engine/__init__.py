"""The quiz and parcours rules, as pure Python (see games/engine/__init__.py for the contract).

QuizSpec.from_dict({"title", "kind": "quiz" | "parcours", "questions": [...]})
QuizState.new(spec) / QuizState.from_dict(d)
apply_quiz(spec, state, command, now_ms) -> Transition(state, events)
quiz_snapshot(spec, state, "host" | "player", player_id, now_ms=...) -> dict
quiz_results(spec, state) -> {"title", "columns", "rows"} for the CSV export
generate.parcours_spec(objet, pool, seed=...) -> a QuizSpec dict for "de A à Z"
"""

from .generate import parcours_questions, parcours_spec
from .play import apply as apply_quiz
from .play import reveal_due_ms
from .questions import Question, question_from_dict
from .report import ranking as quiz_ranking
from .report import results as quiz_results
from .snapshot import snapshot as quiz_snapshot
from .state import QuizSpec, QuizState

__all__ = [
    "Question",
    "QuizSpec",
    "QuizState",
    "apply_quiz",
    "parcours_questions",
    "parcours_spec",
    "question_from_dict",
    "quiz_ranking",
    "quiz_results",
    "quiz_snapshot",
    "reveal_due_ms",
]
