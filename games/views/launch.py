"""A teacher launches a game from its public page: a live session with a PIN, then the host screen."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Page

from games.access.permissions import can_host
from games.models import LAUNCHABLE_PAGES, EscapeGamePage, ParcoursPage, QuizPage
from games.services.sessions import InvalidGame, launch_session
from games.views.host import LOGIN_URL


def launchable_page(page_id: int) -> QuizPage | ParcoursPage | EscapeGamePage:
    """The published game page, as its specific type; 404 for anything else."""
    page = Page.objects.live().public().filter(pk=page_id).specific().first()
    if not isinstance(page, LAUNCHABLE_PAGES):
        raise Http404(_("Aucun jeu publié à cette adresse."))
    return page


@require_POST
def launch(request, page_id: int):
    if not request.user.is_authenticated:
        # Back to the game's page after logging in: the launch itself is a POST.
        page = Page.objects.live().filter(pk=page_id).first()
        return redirect_to_login(page.url if page else "/", reverse(LOGIN_URL))
    if not can_host(request.user):
        raise PermissionDenied(_("Seuls les enseignants peuvent lancer un jeu."))
    page = launchable_page(page_id)
    try:
        session = launch_session(
            kind=page.game_kind, spec=page.game_spec(), host=request.user, page=page
        )
    except InvalidGame as error:
        messages.error(request, _("Ce jeu ne peut pas être lancé :"))
        for problem in error.problems:
            messages.error(request, problem)
        return redirect(page.url)
    return redirect("games:host", pin=session.pin)
