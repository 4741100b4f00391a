"""The quiz's and the parcours's screens: solo play, the base screens as they are."""

from __future__ import annotations

from games.kinds.quiz.engine import QuizSpec, QuizState, quiz_results
from games.views.screens import Screens


class QuizScreens(Screens):
    def results(self, session) -> dict:
        spec = QuizSpec.from_dict(session.spec)
        return quiz_results(spec, QuizState.from_dict(session.state))


SCREENS = QuizScreens()
