from .live import Answer, Attempt, GameSession, Player, Team
from .pages import GameIndexPage, ParcoursPage, QuizPage

__all__ = [
    "Answer",
    "Attempt",
    "GameIndexPage",
    "GameSession",
    "ParcoursPage",
    "Player",
    "QuizPage",
    "Team",
]
