"""Delete the play data of games past their retention period (students are minors)."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from games.impact.record import record_before_purge
from games.models import Answer, Attempt, GameSession, Player, Team


def expired_sessions(now, retention_days: int):
    """Games ended more than `retention_days` ago, and games never ended (a teacher closed the
    tab) created a day longer ago than that."""
    ended_before = now - timedelta(days=retention_days)
    abandoned_before = now - timedelta(days=retention_days + 1)
    return GameSession.objects.filter(
        Q(ended_at__lt=ended_before) | Q(ended_at__isnull=True, created_at__lt=abandoned_before)
    )


class Command(BaseCommand):
    help = (
        "Supprime les parties (joueurs, réponses, équipes) terminées depuis plus de "
        "GAMES_RETENTION_DAYS jours. À lancer chaque jour."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Compter sans rien supprimer.")

    def handle(self, *args, dry_run=False, **options):
        days = settings.GAMES_RETENTION_DAYS
        sessions = expired_sessions(timezone.now(), days)
        counts = {
            "parties": sessions.count(),
            "joueurs": Player.objects.filter(session__in=sessions).count(),
            "réponses": Answer.objects.filter(session__in=sessions).count(),
            "tentatives": Attempt.objects.filter(session__in=sessions).count(),
            "équipes": Team.objects.filter(session__in=sessions).count(),
        }
        summary = ", ".join(f"{count} {name}" for name, count in counts.items())
        if dry_run:
            self.stdout.write(
                f"Simulation (rien n'est supprimé), plus de {days} jours : {summary}."
            )
            return
        with transaction.atomic():
            # Counted for the impact figures first, in case the end-of-game count was missed
            # (a failure, a game abandoned without an end): the counts outlive the play data.
            record_before_purge(sessions)
            sessions.delete()
        self.stdout.write(self.style.SUCCESS(f"Supprimé, plus de {days} jours : {summary}."))
