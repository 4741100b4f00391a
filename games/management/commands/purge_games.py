"""Delete the play data of games past their retention period (students are minors).

The application also runs this purge by itself (games/services/retention.py); the command is for a
cron job or a systemd timer, or to purge at once after lowering GAMES_RETENTION_DAYS.
"""

from __future__ import annotations

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from games.services.retention import count_expired, purge_expired


class Command(BaseCommand):
    help = (
        "Supprime les parties (joueurs, réponses, équipes) terminées depuis plus de "
        "GAMES_RETENTION_DAYS jours. Le site le fait aussi de lui-même, chaque heure."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Compter sans rien supprimer.")

    def handle(self, *args, dry_run=False, **options):
        days = settings.GAMES_RETENTION_DAYS
        now = timezone.now()
        counts = count_expired(now, days)
        summary = ", ".join(f"{count} {name}" for name, count in counts.items())
        if dry_run:
            self.stdout.write(
                f"Simulation (rien n'est supprimé), plus de {days} jours : {summary}."
            )
            return
        purge_expired(now, days)
        self.stdout.write(self.style.SUCCESS(f"Supprimé, plus de {days} jours : {summary}."))
