"""« Essayer » : the author launches a trial and plays the class screen and a phone side by side."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from games.access import throttle
from games.models import GameSession
from games.teacher.access import require_host
from games.teacher.trial import discard_trials, is_trial
from games.teacher.views import launched_or_back


@require_POST
def try_game(request, page_id: int):
    return launched_or_back(request, page_id, trial=True, screen="teacher_trial")


def own_trial(request, pin: str) -> GameSession:
    require_host(request.user)
    session = (
        GameSession.objects.filter(pin=pin, host=request.user, ended_at__isnull=True)
        .order_by("-created_at")
        .first()
    )
    if session is None or not is_trial(session):
        raise Http404(_("Aucun essai en cours avec ce code."))
    return session


@require_GET
def trial(request, pin: str):
    session = own_trial(request, pin)
    nickname = reverse("games:nickname", kwargs={"pin": pin})
    return render(
        request,
        "teacher/trial.html",
        {
            "page_title": _("Essayer : %(title)s") % {"title": session.title},
            "session": session,
            "host_url": reverse("games:host", kwargs={"pin": pin}),
            # The QR code's signed key: the author's phone is never slowed down.
            "phone_url": f"{nickname}?k={throttle.qr_key(pin)}",
        },
    )


@require_POST
def end_trial(request):
    require_host(request.user)
    discard_trials(request.user)
    messages.success(request, _("Essai terminé : rien n'a été gardé."))
    return redirect("teacher_games")
