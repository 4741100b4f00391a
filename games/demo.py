"""The games' demo content, where load_demo looks for it (cms/management/commands/load_demo.py):
the quizzes, parcours and escape game of games/kinds/quiz/demo.py."""

from games.kinds.quiz.demo import load

__all__ = ["load"]
