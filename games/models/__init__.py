from .escape_pages import EscapeGamePage
from .live import Answer, Attempt, GameSession, Player, Team
from .pages import GameIndexPage, ParcoursPage, QuizPage

# The pages a teacher launches as a live game (each a PlayableGame).
LAUNCHABLE_PAGES = (QuizPage, ParcoursPage, EscapeGamePage)

__all__ = [
    "Answer",
    "Attempt",
    "EscapeGamePage",
    "GameIndexPage",
    "GameSession",
    "LAUNCHABLE_PAGES",
    "ParcoursPage",
    "Player",
    "QuizPage",
    "Team",
]
