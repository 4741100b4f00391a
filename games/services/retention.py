"""Play data of minors leaves the database after the retention period, without a cron job.

`manage.py purge_games` still exists for a cron or a systemd timer, but nobody has to set one
up: RetentionPurgeMiddleware starts the same purge from the application, at most once per
GAMES_PURGE_INTERVAL seconds for the whole site. A request only compares two numbers; the purge
runs in a thread of its own, after which the request has long been answered.

Several daphne processes share the cache (Redis in scaled mode): `cache.add` is atomic there,
so the first process to get past its own clock claims the hour and the others skip it.
"""

from __future__ import annotations

import logging
import threading
import time
from datetime import timedelta

from asgiref.sync import iscoroutinefunction, markcoroutinefunction
from django.conf import settings
from django.core.cache import cache
from django.db import connections, transaction
from django.db.models import Q
from django.utils import timezone

from games.impact.record import record_before_purge
from games.models import Answer, Attempt, GameSession, Player, Team
from games.teacher.trial import TRIAL_LIFETIME, trial_filter

logger = logging.getLogger(__name__)

PURGE_CLAIM_KEY = "games:retention-purge"


def expired_sessions(now, retention_days: int):
    """Games ended more than `retention_days` ago, games never ended (a teacher closed the
    tab) created a day longer ago than that, and trials older than a day."""
    ended_before = now - timedelta(days=retention_days)
    abandoned_before = now - timedelta(days=retention_days + 1)
    return GameSession.objects.filter(
        Q(ended_at__lt=ended_before)
        | Q(ended_at__isnull=True, created_at__lt=abandoned_before)
        # An author's trial (« Essayer ») is kept a day at most, whatever the retention.
        | (trial_filter() & Q(created_at__lt=now - TRIAL_LIFETIME))
    )


def count_expired(now, retention_days: int) -> dict[str, int]:
    sessions = expired_sessions(now, retention_days)
    return {
        "parties": sessions.count(),
        "joueurs": Player.objects.filter(session__in=sessions).count(),
        "réponses": Answer.objects.filter(session__in=sessions).count(),
        "tentatives": Attempt.objects.filter(session__in=sessions).count(),
        "équipes": Team.objects.filter(session__in=sessions).count(),
    }


def purge_expired(now, retention_days: int) -> int:
    """Delete the expired games with their players, answers, teams and attempts (cascade), in
    one transaction; returns the number of games deleted."""
    with transaction.atomic():
        sessions = expired_sessions(now, retention_days)
        # Counted for the impact figures first, in case the end-of-game count was missed (a
        # failure, a game abandoned without an end): the counts outlive the play data.
        record_before_purge(sessions)
        deleted, per_model = sessions.delete()
    return per_model.get(GameSession._meta.label, 0)


class PurgeScheduler:
    """Decides, cheaply and on any request, whether this process should start a purge."""

    def __init__(self):
        self._next_check = 0.0
        self._lock = threading.Lock()
        self.last_thread: threading.Thread | None = None

    def maybe_start(self) -> threading.Thread | None:
        interval = settings.GAMES_PURGE_INTERVAL
        if interval <= 0:
            return None
        now = time.monotonic()
        if now < self._next_check:
            return None
        with self._lock:
            if now < self._next_check:
                return None
            self._next_check = now + interval
        thread = threading.Thread(target=self._run, args=(interval,), daemon=True)
        thread.name = "games-retention-purge"
        self.last_thread = thread
        thread.start()
        return thread

    @staticmethod
    def _run(interval: int) -> None:
        try:
            if not cache.add(PURGE_CLAIM_KEY, timezone.now().isoformat(), timeout=interval):
                return  # another process purged within the interval
            deleted = purge_expired(timezone.now(), settings.GAMES_RETENTION_DAYS)
            if deleted:
                logger.info("Rétention : %d partie(s) expirée(s) supprimée(s).", deleted)
        except Exception:
            # A failed purge must not kill the server; the next interval tries again.
            logger.exception("Rétention : la purge des parties expirées a échoué.")
        finally:
            connections.close_all()  # this thread's own connections, opened for the purge


scheduler = PurgeScheduler()


class RetentionPurgeMiddleware:
    """Gives every request the chance to start the purge thread; never waits for it."""

    sync_capable = True
    async_capable = True

    def __init__(self, get_response):
        self.get_response = get_response
        if iscoroutinefunction(get_response):
            markcoroutinefunction(self)

    def __call__(self, request):
        scheduler.maybe_start()
        return self.get_response(request)  # a coroutine when the stack is async: awaited above
