"""One-click launch from the admin, of a published game or of the author's draft.

Who may launch what, decided here on the server:
- a host (teacher or administrator) launches any published game of the library;
- whoever may edit a page (its author, an editor) launches its latest revision, draft or not,
  and may try it (« Essayer »).
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _
from wagtail.models import Page

from games.access.permissions import can_host
from games.models import LAUNCHABLE_PAGES
from games.services.sessions import launch_session
from games.teacher.trial import discard_trials, mark_as_trial


def can_edit(page: Page, user) -> bool:
    return page.permissions_for_user(user).can_edit()


def game_for(user, page_id: int, *, trial: bool = False):
    """The version of the game this user may launch (or try), as its specific page."""
    if not can_host(user):
        raise PermissionDenied(_("Seuls les enseignants peuvent lancer un jeu."))
    page = Page.objects.filter(pk=page_id).specific().first()
    if not isinstance(page, LAUNCHABLE_PAGES):
        raise Http404(_("Aucun jeu à cette adresse."))
    if can_edit(page, user):
        return page.get_latest_revision_as_object()
    if trial or not (page.live and page.get_view_restrictions().count() == 0):
        raise PermissionDenied(_("Ce jeu n'est pas encore publié."))
    return page


def launch_game(user, page_id: int, *, trial: bool = False):
    """Start a session of the game; InvalidGame says why it cannot be played."""
    game = game_for(user, page_id, trial=trial)
    if trial:
        discard_trials(user)
    session = launch_session(kind=game.game_kind, spec=game.game_spec(), host=user, page=game)
    if trial:
        mark_as_trial(session)
    return session
