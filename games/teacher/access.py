"""The checks every view of the teacher space starts with: roles are enforced here, on the
server, whatever the menu shows."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _

from games.access.permissions import can_host
from games.models import GameSession
from games.teacher.trial import trial_filter


def require_host(user) -> None:
    if not can_host(user):
        raise PermissionDenied(_("L'espace enseignant est réservé aux enseignants."))


def own_sessions(user):
    """The sessions this user hosted (an administrator sees all), trials left out."""
    sessions = GameSession.objects.exclude(trial_filter())
    return sessions if user.is_superuser else sessions.filter(host=user)


def own_session(user, session_id: int) -> GameSession:
    require_host(user)
    session = own_sessions(user).filter(pk=session_id).first()
    if session is None:
        # Someone else's session answers like a missing one: its existence is not told.
        raise Http404(_("Aucune partie de ce numéro parmi les vôtres."))
    return session
