from games.kinds.escape.pages import EscapeGamePage
from games.kinds.quiz.pages import ParcoursPage, QuizPage
from games.models.live import Answer, Attempt, GameSession, Player, Team
from games.models.pages import GameIndexPage

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
