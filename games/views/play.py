"""The student's side: type the PIN, choose a nickname, then the phone shell of the game.

No account: a phone is recognised by the HttpOnly cookie holding its resume token. Wrong PINs
are throttled (games/throttle.py) without storing any address.
"""

from __future__ import annotations

from django import forms
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from .. import throttle
from ..consumers import player_cookie
from ..live.publish import publish_sync
from ..models import GameSession
from ..models.live import GameKind
from ..nicknames import MAX_LENGTH as NICKNAME_MAX_LENGTH
from ..nicknames import suggest_nickname
from ..services.play import SessionClosed
from ..services.sessions import JoinRefused, join_session, open_session, player_for_token
from . import escape
from .screens import initial_snapshot, screen_texts, socket_path

PLAYER_COOKIE_MAX_AGE_S = 24 * 60 * 60
PLAYABLE_KINDS = (GameKind.QUIZ, GameKind.PARCOURS, GameKind.ESCAPE)

UNKNOWN_PIN = _("Aucune partie en cours avec ce code. Vérifie les chiffres affichés au tableau.")
TOO_MANY_TRIES = _("Trop d'essais d'affilée. Attends une minute, puis réessaie.")
GAME_OVER = _("Cette partie vient de se terminer.")


class PinForm(forms.Form):
    pin = forms.CharField(
        label=_("Code PIN"),
        max_length=20,
        error_messages={"required": _("Tape le code PIN affiché au tableau.")},
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "autocomplete": "off", "class": "pin-input"}
        ),
    )

    def clean_pin(self) -> str:
        digits = "".join(self.cleaned_data["pin"].split())
        if not (digits.isascii() and digits.isdigit() and len(digits) == 6):
            raise forms.ValidationError(_("Le code PIN a 6 chiffres, par exemple 482913."))
        return digits


class NicknameForm(forms.Form):
    nickname = forms.CharField(
        label=_("Ton pseudo"),
        max_length=NICKNAME_MAX_LENGTH,
        error_messages={"required": _("Choisis un pseudo pour jouer.")},
        help_text=format_lazy(
            _("{max} caractères au plus, sans ton vrai nom."), max=NICKNAME_MAX_LENGTH
        ),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "words"}),
    )


# -- wrong-PIN throttle (games/throttle.py) ----------------------------------------------


def client_address(request) -> str:
    return request.META.get("REMOTE_ADDR", "")


def too_many_misses(request) -> bool:
    return throttle.too_many_misses(client_address(request))


def record_miss(request) -> None:
    throttle.record_miss(client_address(request))


def find_game(request, pin: str) -> GameSession | None:
    """The open game of this PIN, counting a miss when there is none."""
    session = open_session(pin)
    if session is None or session.kind not in PLAYABLE_KINDS:
        record_miss(request)
        return None
    return session


# -- pages --------------------------------------------------------------------------------


def _join_page(request, form: PinForm, *, error=None, status: int = 200):
    """The PIN form; `error` is a refusal that is not about the PIN's format."""
    if error is None and form.is_bound and form.errors.get("pin"):
        error = form.errors["pin"][0]
    return render(request, "games/join.html", {"form": form, "pin_error": error}, status=status)


@require_http_methods(["GET", "POST"])
def join(request):
    """Enter the PIN shown on the class screen."""
    if request.method == "GET":
        return _join_page(request, PinForm())
    form = PinForm(request.POST)
    if too_many_misses(request):
        return _join_page(request, form, error=TOO_MANY_TRIES, status=429)
    if not form.is_valid():
        record_miss(request)
        return _join_page(request, form)
    pin = form.cleaned_data["pin"]
    if find_game(request, pin) is None:
        return _join_page(request, form, error=UNKNOWN_PIN)
    return redirect("games:nickname", pin=pin)


def _current_player(request, session: GameSession):
    return player_for_token(session, request.COOKIES.get(player_cookie(session.pk), ""))


def _nickname_page(request, session, form, status=200):
    context = {"form": form, "session": session, "pin": session.pin}
    if escape.is_escape(session):
        return escape.nickname_page(request, context, status=status)
    return render(request, "games/nickname.html", context, status=status)


def _unknown_pin_page(request, pin: str, message=UNKNOWN_PIN):
    """The PIN form again, filled in, when a link or a QR code leads to no open game."""
    status = 429 if message == TOO_MANY_TRIES else 404
    return _join_page(request, PinForm(initial={"pin": pin}), error=message, status=status)


@require_http_methods(["GET", "POST"])
def nickname(request, pin: str):
    """Choose a nickname (the QR code leads here), then enter the game."""
    if too_many_misses(request):
        return _unknown_pin_page(request, pin, TOO_MANY_TRIES)
    session = find_game(request, pin)
    if session is None:
        return _unknown_pin_page(request, pin)
    if _current_player(request, session) is not None:
        return redirect("games:player", pin=pin)

    if request.method == "GET":
        return _nickname_page(request, session, escape.join_form(NicknameForm, session))
    if "suggest" in request.POST:
        initial = {"nickname": suggest_nickname(), "team": request.POST.get("team")}
        return _nickname_page(
            request, session, escape.join_form(NicknameForm, session, initial=initial)
        )

    form = escape.join_form(NicknameForm, session, request.POST)
    if not form.is_valid():
        return _nickname_page(request, session, form)
    try:
        joined = join_session(session, form.cleaned_data["nickname"], **_team_choice(session, form))
    except JoinRefused as refusal:
        form.add_error(escape.refused_field(refusal.code), refusal.message)
        return _nickname_page(request, session, form)
    except SessionClosed:
        return _unknown_pin_page(request, pin, GAME_OVER)
    publish_sync(session.pk, joined.outcome.frames)

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


def _team_choice(session, form) -> dict:
    return {"team": form.cleaned_data["team"]} if escape.is_escape(session) else {}


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
    if escape.is_escape(session):
        return escape.player_page(request, context, current)
    context["snapshot"] = initial_snapshot(session, "player", player_id=current.engine_id)
    context["texts"] = screen_texts()
    return render(request, "games/player.html", context)
