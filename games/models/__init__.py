from .escape_pages import EscapeGamePage
from .live import Answer, Attempt, GameSession, Player, Team
from .pages import GameIndexPage, ParcoursPage, QuizPage

__all__ = [
    "Answer",
    "Attempt",
    "EscapeGamePage",
    "GameIndexPage",
    "GameSession",
    "ParcoursPage",
    "Player",
    "QuizPage",
    "Team",
]
