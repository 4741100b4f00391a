"""« Essayer » : the author plays their own game, and nothing of it is kept.

A trial is an ordinary live session (the same screens, the same engine) marked in its stored
spec. It is never counted in the impact figures (impact.record skips it), never listed among
the teacher's sessions, deleted when the author ends it or starts another trial, and purged a
day after it began whatever happens (games.retention).
"""

from __future__ import annotations

from datetime import timedelta

from django.db.models import Q

from games.models import GameSession

TRIAL_KEY = "essai"
TRIAL_LIFETIME = timedelta(days=1)


def is_trial(session: GameSession) -> bool:
    return bool(isinstance(session.spec, dict) and session.spec.get(TRIAL_KEY))


def trial_filter() -> Q:
    # has_key, not `spec__essai=True`: negated, a missing key would compare as NULL and
    # hide every ordinary session.
    return Q(spec__has_key=TRIAL_KEY)


def mark_as_trial(session: GameSession) -> None:
    session.spec = {**session.spec, TRIAL_KEY: True}
    GameSession.objects.filter(pk=session.pk).update(spec=session.spec)


def discard_trials(host) -> int:
    """Delete this author's trials (players and answers go with them, by cascade)."""
    deleted, _per_model = GameSession.objects.filter(trial_filter(), host=host).delete()
    return deleted


def expired_trials(now):
    return GameSession.objects.filter(trial_filter(), created_at__lt=now - TRIAL_LIFETIME)
