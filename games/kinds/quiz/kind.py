"""The quiz and the parcours « de A à Z »: the same rules, two pages (written vs drawn from an objet)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from games.kinds.quiz import engine
from games.kinds.quiz.pages import ParcoursPage, QuizPage
from games.kinds.registry import Kind
from games.kinds.rules import Rules


def snapshot(spec, state, role, *, player_id=None, team_id=None, now_ms):
    return engine.quiz_snapshot(spec, state, role, player_id, now_ms=now_ms)


RULES = Rules(
    load_spec=engine.QuizSpec.from_dict,
    new_state=engine.QuizState.new,
    load_state=engine.QuizState.from_dict,
    apply=engine.apply_quiz,
    snapshot=snapshot,
    next_deadline_ms=engine.reveal_due_ms,
    team_play=False,
)

QUIZ = Kind(
    name="quiz", label=_("Quiz"), package="games.kinds.quiz", rules=RULES, page_model=QuizPage
)
PARCOURS = Kind(
    name="parcours",
    label=_("Parcours de A à Z"),
    package="games.kinds.quiz",
    rules=RULES,
    page_model=ParcoursPage,
)
