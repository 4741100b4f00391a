"""The student's side: type the PIN, choose a nickname, then the phone shell of the game.

No account: a phone is recognised by the HttpOnly cookie holding its resume token. Wrong PINs
are throttled (games/access/throttle.py) without storing any address.
"""

from __future__ import annotations

import logging
from functools import wraps

from asgiref.sync import sync_to_async
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from games.access import throttle
from games.kinds.registry import kind
from games.live.publish import publish_sync
from games.models import GameSession
from games.moderation.nicknames import suggest_nickname
from games.services.play import SessionClosed
from games.services.sessions import JoinRefused, join_session, open_session, player_for_token
from games.services.tokens import player_cookie
from games.views.forms import NicknameForm, PinForm
from games.views.screens import socket_path

logger = logging.getLogger(__name__)

PLAYER_COOKIE_MAX_AGE_S = 24 * 60 * 60

UNKNOWN_PIN = _("Aucune partie en cours avec ce code. Vérifie les chiffres affichés au tableau.")
TOO_MANY_TRIES = _("Trop d'essais d'affilée. Attends une minute, puis réessaie.")
GAME_OVER = _("Cette partie vient de se terminer.")
TOO_MANY_JOINS = _(
    "Trop de joueurs rejoignent depuis ce réseau en même temps. Réessaie dans une minute."
)


# -- throttles (games/access/throttle.py) --------------------------------------------------------


def client_address(request) -> str:
    return request.META.get("REMOTE_ADDR", "")


def record_miss(request) -> None:
    throttle.record_miss(client_address(request))


def slows_pin_guessers(view):
    """Answer PIN checks from an address that typed too many wrong PINs after a delay.

    Never a refusal: the class or forum behind that address still gets in with the right
    PIN, a little later; a script scanning PINs learns one answer every few seconds. The
    wait is asynchronous (a sync view that slept would hold the only thread of sync views).
    """

    async def slowed(request, *args, **kwargs):
        address = client_address(request)
        if throttle.scanned_qr(kwargs.get("pin", ""), request.GET.get("k", "")):
            pass  # read off the class screen: nothing to slow down
        elif await sync_to_async(throttle.guessing)(address):
            try:
                await throttle.slow_down(address)
            except throttle.TooManyWaiting:
                form = PinForm.refused(kwargs.get("pin", ""), TOO_MANY_TRIES)
                return await sync_to_async(_join_page)(request, form, status=429)
        return await sync_to_async(view)(request, *args, **kwargs)

    return wraps(view)(slowed)


def find_game(request, pin: str) -> GameSession | None:
    """The open game of this PIN, counting a miss when there is none."""
    session = open_session(pin)
    if session is None:
        record_miss(request)
    return session


# -- pages --------------------------------------------------------------------------------


def _join_page(request, form: PinForm, *, status: int = 200):
    return render(request, "games/join.html", {"form": form}, status=status)


@require_http_methods(["GET", "POST"])
@slows_pin_guessers
def join(request):
    """Enter the PIN shown on the class screen."""
    if request.method == "GET":
        return _join_page(request, PinForm())
    form = PinForm(request.POST)
    if not form.is_valid():
        record_miss(request)
        return _join_page(request, form)
    pin = form.cleaned_data["pin"]
    if find_game(request, pin) is None:
        form.add_error("pin", UNKNOWN_PIN)
        return _join_page(request, form)
    return redirect("games:nickname", pin=pin)


def _current_player(request, session: GameSession):
    return player_for_token(session, request.COOKIES.get(player_cookie(session.pk), ""))


def _nickname_page(request, session, form, status=200):
    context = {"form": form, "session": session, "pin": session.pin}
    return screens_of(session).nickname_page(request, context, status=status)


def _unknown_pin_page(request, pin: str, message=UNKNOWN_PIN):
    """The PIN form again, filled in, when a link or a QR code leads to no open game."""
    return _join_page(request, PinForm.refused(pin, message), status=404)


@require_http_methods(["GET", "POST"])
@slows_pin_guessers
def nickname(request, pin: str):
    """Choose a nickname (the QR code leads here), then enter the game."""
    session = find_game(request, pin)
    if session is None:
        return _unknown_pin_page(request, pin)
    token = request.COOKIES.get(player_cookie(session.pk), "")
    known = player_for_token(session, token, removed_too=True)
    if known is not None and not known.kicked:
        return redirect("games:player", pin=pin)
    if known is not None:  # removed by the host: this phone may not come back
        return render(request, "games/kicked.html", {"session": session}, status=403)

    if request.method == "GET":
        return _nickname_page(
            request, session, screens_of(session).join_form(NicknameForm, session)
        )
    if "suggest" in request.POST:
        initial = {"nickname": suggest_nickname(), "team": request.POST.get("team")}
        return _nickname_page(
            request, session, screens_of(session).join_form(NicknameForm, session, initial=initial)
        )

    form = screens_of(session).join_form(NicknameForm, session, request.POST)
    if not form.is_valid():
        return _nickname_page(request, session, form)
    address = client_address(request)
    if throttle.too_many_joins(address):
        form.add_error("nickname", TOO_MANY_JOINS)
        return _nickname_page(request, session, form, status=429)
    try:
        joined = join_session(session, form.cleaned_data["nickname"], **_team_choice(session, form))
    except JoinRefused as refusal:
        form.add_error(screens_of(session).refused_field(refusal.code), refusal.message)
        return _nickname_page(request, session, form)
    except SessionClosed:
        return _unknown_pin_page(request, pin, GAME_OVER)
    throttle.record_join(address)
    publish_joined(session, joined)

    response = redirect("games:player", pin=pin)
    response.set_cookie(
        player_cookie(session.pk),
        joined.token,
        max_age=PLAYER_COOKIE_MAX_AGE_S,
        httponly=True,
        samesite="Lax",
        secure=request.is_secure(),
    )
    return response


def publish_joined(session, joined) -> None:
    """Tell the class screen; the join itself is committed, so a layer away is no failure
    (the class screen catches up with its next snapshot)."""
    try:
        publish_sync(session.pk, joined.outcome.frames)
    except Exception as error:  # noqa: BLE001 - Redis away for a moment
        logger.warning("join of session %s not broadcast: %s", session.pk, error)


def _team_choice(session, form) -> dict:
    return screens_of(session).join_choices(form)


def _finished_session_of(request, pin: str):
    """The ended game of this PIN this phone played in (a reload on the end screen)."""
    ended = GameSession.objects.filter(pin=pin, ended_at__isnull=False).order_by("-ended_at")
    for session in ended[:5]:  # a PIN is reused only after its game has ended
        player = _current_player(request, session)
        if player is not None:
            return session, player
    return None, None


@require_http_methods(["GET"])
def player(request, pin: str):
    """The phone's game screen: an empty shell the socket fills in."""
    session = open_session(pin)
    current = _current_player(request, session) if session is not None else None
    if current is None:
        session, current = _finished_session_of(request, pin)
    if current is None:
        return redirect("games:nickname", pin=pin)
    context = {
        "session": session,
        "pin": pin,
        "nickname": current.nickname,
        "socket_path": socket_path(pin, "player"),
        "join_url": reverse("games:join"),
    }
    return screens_of(session).player_page(request, context, current)


def screens_of(session):
    return kind(session.kind).screens
