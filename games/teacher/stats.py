"""The figures of one past session for its teacher: players, average score, and per question
the success rate, the answer distribution and the average time.

Read from the play data (Answer rows and the session's state) while they are kept; once the
retention purge has removed them, only the impact record's counts remain (games.impact).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Avg, Count, Sum
from django.utils.translation import gettext as _

from games.models import Answer, GameSession, Player

CORRECT_FRACTION = 0.999  # a fraction of 1 (floating point) is a right answer


@dataclass
class QuestionFigures:
    number: int
    prompt: str
    answers: int = 0
    right: int = 0
    average_ms: float | None = None
    # (label, count, is_correct) in display order
    distribution: list[tuple[str, int, bool]] = field(default_factory=list)

    @property
    def success_rate(self) -> float | None:
        return round(100 * self.right / self.answers) if self.answers else None

    @property
    def average_s(self) -> float | None:
        return round(self.average_ms / 1000, 1) if self.average_ms is not None else None


@dataclass
class SessionFigures:
    players: int
    average_score: float | None
    questions: list[QuestionFigures]


def _distribution(question: dict, payloads: list) -> list[tuple[str, int, bool]]:
    kind = question.get("kind")
    if kind == "choice":
        counts = Counter(i for payload in payloads if isinstance(payload, list) for i in payload)
        correct = set(question.get("correct", []))
        return [
            (text, counts.get(index, 0), index in correct)
            for index, text in enumerate(question.get("options", []))
        ]
    if kind == "true_false":
        counts = Counter(payload for payload in payloads if isinstance(payload, bool))
        right = question.get("correct")
        return [
            (_("Vrai"), counts.get(True, 0), right is True),
            (_("Faux"), counts.get(False, 0), right is False),
        ]
    return []


def _graded_distribution(rows: list[tuple]) -> list[tuple[str, int, bool]]:
    """Kinds without options (order, match, estimate): right, partly right, wrong."""
    right = sum(1 for _p, fraction, _ms in rows if fraction >= CORRECT_FRACTION)
    wrong = sum(1 for _p, fraction, _ms in rows if fraction <= 0)
    return [
        (_("Juste"), right, True),
        (_("En partie juste"), len(rows) - right - wrong, False),
        (_("Faux"), wrong, False),
    ]


def session_figures(session: GameSession) -> SessionFigures:
    players = Player.objects.filter(session=session, kicked=False)
    count = players.count()
    questions = (session.spec or {}).get("questions", [])
    rows: dict[int, list[tuple]] = {}
    for index, payload, fraction, elapsed in Answer.objects.filter(
        session=session, player__kicked=False
    ).values_list("question_index", "payload", "fraction", "elapsed_ms"):
        rows.setdefault(index, []).append((payload, fraction, elapsed))
    figures = []
    for index, question in enumerate(questions):
        answered = rows.get(index, [])
        entry = QuestionFigures(number=index + 1, prompt=question.get("prompt", ""))
        if answered:
            entry.answers = len(answered)
            entry.right = sum(1 for _p, fraction, _ms in answered if fraction >= CORRECT_FRACTION)
            entry.average_ms = sum(ms for _p, _f, ms in answered) / len(answered)
        entry.distribution = _distribution(question, [p for p, _f, _ms in answered])
        if not entry.distribution and answered:
            entry.distribution = _graded_distribution(answered)
        figures.append(entry)
    total_points = (
        Answer.objects.filter(session=session, player__kicked=False).aggregate(s=Sum("points"))["s"]
        or 0
    )
    average = round(total_points / count) if count else None
    return SessionFigures(players=count, average_score=average, questions=figures)


def session_rows(sessions) -> list[dict]:
    """For the list of sessions: players and answers in two grouped queries, not one per row."""
    ids = [session.pk for session in sessions]
    players = dict(
        Player.objects.filter(session_id__in=ids, kicked=False)
        .values("session_id")
        .annotate(n=Count("pk"))
        .values_list("session_id", "n")
    )
    scores = dict(
        Answer.objects.filter(session_id__in=ids, player__kicked=False)
        .values("session_id")
        .annotate(points=Sum("points"))
        .values_list("session_id", "points")
    )
    success = dict(
        Answer.objects.filter(session_id__in=ids, player__kicked=False)
        .values("session_id")
        .annotate(rate=Avg("fraction"))
        .values_list("session_id", "rate")
    )
    result = []
    for session in sessions:
        count = players.get(session.pk, 0)
        result.append(
            {
                "session": session,
                "players": count,
                "average_score": round(scores.get(session.pk, 0) / count) if count else None,
                "success": round(100 * success[session.pk]) if session.pk in success else None,
            }
        )
    return result
