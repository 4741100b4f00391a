"""Count a session into the impact tables: at its end (services.play) and before the purge.

Idempotent: a session already counted is left as it is, so the end-of-game hook and the purge
may both call it. A session nobody joined reached nobody and is not counted.
"""

from __future__ import annotations

import logging

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from games.impact.measure import GameMeasure, measure_game
from games.impact.models import SessionFiliere, SessionImpact, SessionTrade
from games.models import Answer, Attempt, GameSession, Player
from games.teacher.trial import is_trial
from metiers.models import MetierPage

logger = logging.getLogger(__name__)


def session_dates(session: GameSession) -> dict:
    day = timezone.localdate(session.created_at)
    duration = None
    if session.ended_at is not None:
        duration = max(int((session.ended_at - session.created_at).total_seconds()), 0)
    return {
        "started_at": session.created_at,
        "played_on": day,
        "month": day.replace(day=1),
        "duration_s": duration,
    }


def filiere_rows(impact: SessionImpact, measure: GameMeasure) -> list[SessionFiliere]:
    """One row per filière of the trades shown; its players are the union over those trades."""
    by_page = {trade.page_id: trade for trade in measure.trades.values() if trade.page_id}
    links = MetierPage.filieres.through.objects.filter(metierpage_id__in=by_page).values_list(
        "metierpage_id", "filierepage_id", "filierepage__title"
    )
    reached: dict[tuple[int, str], set[str]] = {}
    for metier_id, filiere_id, title in links:
        reached.setdefault((filiere_id, title), set()).update(by_page[metier_id].players)
    return [
        SessionFiliere(
            impact=impact,
            filiere_id=filiere_id,
            title=title[:255],
            players_reached=len(players),
            played_on=impact.played_on,
        )
        for (filiere_id, title), players in reached.items()
    ]


def trade_rows(impact: SessionImpact, measure: GameMeasure) -> list[SessionTrade]:
    # The spec keeps the page id of each fiche; a fiche deleted since keeps its title only.
    existing = set(
        MetierPage.objects.filter(
            pk__in=[trade.page_id for trade in measure.trades.values() if trade.page_id]
        ).values_list("pk", flat=True)
    )
    rows: dict[str, SessionTrade] = {}
    for trade in measure.trades.values():
        # Two fiches with the same title (a copy) count as one trade in the tables.
        row = rows.get(trade.title)
        if row is None:
            rows[trade.title] = SessionTrade(
                impact=impact,
                metier_id=trade.page_id if trade.page_id in existing else None,
                title=trade.title,
                players_reached=len(trade.players),
                played_on=impact.played_on,
            )
        else:
            row.players_reached = max(row.players_reached, len(trade.players))
    return list(rows.values())


def record_session_impact(session_id: int) -> SessionImpact | None:
    """Count this session (once); None when it reached nobody or no longer exists."""
    with transaction.atomic():
        session = GameSession.objects.filter(pk=session_id).first()
        if session is None or is_trial(session):
            return None  # an author's « Essayer » is not a game played by a class
        players = Player.objects.filter(session=session, kicked=False).count()
        if players == 0:
            return None
        impact, _created = SessionImpact.objects.select_for_update().get_or_create(
            session=session,
            defaults={"kind": session.kind, **session_dates(session)},
        )
        if impact.recorded_at is not None:
            return impact
        measure = measure_game(session.kind, session.spec, session.state)
        answers = Answer.objects.filter(session=session).count()
        answers += Attempt.objects.filter(session=session).count()
        for name, value in {
            **session_dates(session),
            "kind": session.kind,
            "game_id": session.page_id,
            "game_title": session.title,
            "host_id": session.host_id,
            "recorded_at": timezone.now(),
            "finished": session.ended_at is not None,
            "players": players,
            "teams": measure.teams,
            "answers": answers,
            "questions": measure.questions,
        }.items():
            setattr(impact, name, value)
        trades = trade_rows(impact, measure)
        impact.trades_shown = len(trades)
        impact.trade_discoveries = sum(row.players_reached for row in trades)
        impact.save()
        SessionTrade.objects.filter(impact=impact).delete()
        SessionTrade.objects.bulk_create(trades)
        SessionFiliere.objects.filter(impact=impact).delete()
        SessionFiliere.objects.bulk_create(filiere_rows(impact, measure))
        return impact


def record_after_commit(session_id: int) -> None:
    """Called by the play service when a session ends: counted once the end is committed.

    A failure here must not spoil the end of a game in front of the class: it is logged
    (robust on_commit), and the purge counts the session later.
    """
    transaction.on_commit(lambda: record_session_impact(session_id), robust=True)


def record_before_purge(sessions: QuerySet[GameSession]) -> int:
    """Count the sessions about to be purged that were not counted yet; how many were."""
    pending = sessions.exclude(impact__recorded_at__isnull=False).values_list("pk", flat=True)
    return sum(1 for pk in list(pending) if record_session_impact(pk) is not None)
