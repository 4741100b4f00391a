# After the play models: the kinds' pages and screens use them.
from games.kinds.escape.pages import EscapeGamePage  # noqa: E402, I001
from games.kinds.quiz.pages import ParcoursPage, QuizPage  # noqa: E402
from games.kinds.registry import all_kinds  # noqa: E402
from games.models.live import Answer, Attempt, GameSession, Player, Team
from games.models.pages import GameIndexPage

# The pages a teacher launches as a live game: one per kind of the registry.
LAUNCHABLE_PAGES = tuple(dict.fromkeys(kind.page_model for kind in all_kinds()))
GameIndexPage.subpage_types = [page._meta.label for page in LAUNCHABLE_PAGES]

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
