"""The teacher's side: the projected host screen and the QR code it shows."""

from __future__ import annotations

import io

import segno
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from games.access import throttle
from games.kinds.registry import kind
from games.models import GameSession
from games.views.join_address import join_address
from games.views.screens import initial_snapshot, results_url, screen_texts, socket_path

LOGIN_URL = "wagtailadmin_login"


def hosted_session(request, pin: str) -> GameSession:
    """The user's most recent game with this PIN (open or ended); 403 if it is someone else's.

    A PIN is reused once its game has ended, so an old game can share it with a new one.
    """
    games = GameSession.objects.filter(pin=pin).order_by("-created_at")
    user = request.user
    own = games if user.is_superuser else games.filter(host=user)
    session = own.first()
    if session is not None:
        return session
    if games.exists():
        raise PermissionDenied(_("Cette partie est animée par quelqu'un d'autre."))
    raise Http404(_("Aucune partie avec ce code."))


def join_url(request, pin: str) -> str:
    """Where the QR code leads: the nickname page of this game, on the address the host used,
    signed so that a phone that scanned it is never slowed down (games/access/throttle.py)."""
    page = reverse("games:nickname", kwargs={"pin": pin})
    return f"{request.scheme}://{join_address(request).host}{page}?k={throttle.qr_key(pin)}"


@login_required(login_url=LOGIN_URL)
@require_GET
def host_screen(request, pin: str):
    session = hosted_session(request, pin)
    address = join_address(request)
    context = {
        "session": session,
        "pin": pin,
        # Shown to be typed: without the scheme, "https://" is noise on a projector.
        "join_address": f"{address.host}{reverse('games:join')}".rstrip("/"),
        # Set when phones cannot reach that address (127.0.0.1, a host Django refuses).
        "join_warning": address.warning,
        "socket_path": socket_path(pin, "host"),
        "snapshot": initial_snapshot(session, "host"),
        "texts": screen_texts(),
        "results_url": results_url(pin),
    }
    return kind(session.kind).screens.host_page(request, context)


def qr_svg(url: str) -> bytes:
    """A scalable SVG document (a viewBox, no fixed size) whose title says where it leads."""
    out = io.BytesIO()
    segno.make(url, error="m", micro=False).save(
        out,
        kind="svg",
        scale=1,
        border=2,
        omitsize=True,
        title=_("QR code pour rejoindre la partie : %(url)s") % {"url": url},
        dark="#000",
        light="#fff",
        encoding="utf-8",
    )
    return out.getvalue()


@login_required(login_url=LOGIN_URL)
@require_GET
def qr_code(request, pin: str):
    hosted_session(request, pin)
    response = HttpResponse(
        qr_svg(join_url(request, pin)), content_type="image/svg+xml; charset=utf-8"
    )
    response["Cache-Control"] = "private, max-age=3600"
    return response
