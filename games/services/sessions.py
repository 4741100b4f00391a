"""Launching a session, joining it, and finding a player again from the phone's token."""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils.translation import gettext

from games.engine import EngineError
from games.engine.commands import Join
from games.kinds.registry import rules_for
from games.models import GameSession, Player
from games.moderation.nicknames import NicknameError, clean_nickname
from games.services import teams
from games.services.clock import now_ms
from games.services.play import BatchOutcome, apply_commands
from games.services.spec_html import clean_spec_html
from games.services.tokens import new_token, token_hash

PIN_ATTEMPTS = 20
# What an escape game page adds around the engine's spec for the screens (the story before
# and after, its picture): stored with the spec, which the engine reads without them.
SCREEN_KEYS = ("introduction_html", "conclusion_html", "image")


class InvalidGame(ValueError):
    """The game as authored cannot be played (the editor must fix it first)."""

    def __init__(self, problems: list[str]):
        super().__init__("; ".join(problems))
        self.problems = problems


class JoinRefused(Exception):
    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


def new_pin() -> str:
    # Not 0-prefixed: a PIN typed on a numeric keypad must read the same as it is projected.
    return str(secrets.randbelow(900_000) + 100_000)


def launch_session(*, kind: str, spec: dict, host, page=None) -> GameSession:
    rules = rules_for(kind)
    spec = clean_spec_html(spec)
    try:
        loaded = rules.load_spec(spec)
    except EngineError as error:
        raise InvalidGame([error.message]) from error
    problems = loaded.problems()
    if problems:
        raise InvalidGame(problems)
    state = rules.new_state(loaded)
    stored_spec = loaded.to_dict()
    opening_teams = []
    if rules.team_play:
        stored_spec.update({key: spec[key] for key in SCREEN_KEYS if spec.get(key)})
        opening_teams, problems = teams.opening_teams(spec)
        if problems:
            raise InvalidGame(problems)
        state = teams.with_opening_teams(rules, loaded, state, opening_teams, now_ms())
    for _attempt in range(PIN_ATTEMPTS):
        try:
            with transaction.atomic():
                session = GameSession.objects.create(
                    pin=new_pin(),
                    kind=kind,
                    title=loaded.title[:255],
                    page=page,
                    host=host,
                    spec=stored_spec,
                    state=state.to_dict(),
                    version=state.version,
                )
                teams.create_team_rows(session, opening_teams)
                return session
        except IntegrityError:
            continue  # that PIN is in use by an open session: draw another
    raise RuntimeError("no free PIN after several draws")


def open_session(pin: str) -> GameSession | None:
    pin = (pin or "").strip()
    if not (pin.isdigit() and len(pin) == 6):
        return None
    # Without the big JSON columns: every phone that connects looks its game up by PIN, and
    # the parsed spec and state come from the per-process cache (loaded.py).
    return GameSession.objects.filter(pin=pin, ended_at__isnull=True).defer("spec", "state").first()


@dataclass
class Joined:
    player: Player
    token: str  # shown once, to the phone; only its hash is stored
    outcome: BatchOutcome  # the "player joined" frames, for the caller to broadcast


def join_session(session: GameSession, raw_nickname: str, *, team: str | None = None) -> Joined:
    """Create the player and enter them in the game, or refuse with a reason for the student.

    In a team game the player also joins `team` (a Team key), or the smallest team when None.
    """
    try:
        nickname, key = clean_nickname(raw_nickname)
    except NicknameError as error:
        raise JoinRefused(error.code, error.message) from error
    token = new_token()
    with transaction.atomic():
        _refuse_when_full(session)
        try:
            with transaction.atomic():
                player = Player.objects.create(
                    session=session,
                    nickname=nickname,
                    nickname_key=key,
                    token_hash=token_hash(token),
                )
        except IntegrityError as error:
            raise JoinRefused(
                "nickname_taken",
                gettext("Ce pseudo est déjà pris dans cette partie. Choisis-en un autre."),
            ) from error
        if rules_for(session.kind).team_play:
            try:
                outcome = teams.place_new_player(session, player, team, now_ms())
            except teams.PlacementRefused as refusal:
                raise JoinRefused(refusal.code, refusal.message) from refusal
            return Joined(player=player, token=token, outcome=outcome)
        outcome = apply_commands(
            session.pk, [Join(player_id=player.engine_id, nickname=nickname)], now_ms()
        )
        result = outcome.results[0]
        if not result.ok:
            # Rolls back the player row too: a refused join leaves no trace.
            raise JoinRefused(result.error["code"], result.error["message"])
    return Joined(player=player, token=token, outcome=outcome)


def player_for_token(
    session: GameSession, token: str, *, removed_too: bool = False
) -> Player | None:
    """The player this token opens the game to; a removed (kicked) player's token opens none,
    unless `removed_too` (the nickname page tells a removed phone it may not come back)."""
    if not token or len(token) > 100:
        return None
    players = Player.objects.filter(session=session, token_hash=token_hash(token))
    if not removed_too:
        players = players.filter(kicked=False)
    return players.select_related("team").first()


def max_players() -> int:
    return getattr(settings, "GAMES_MAX_PLAYERS", 2_000)


def _refuse_when_full(session: GameSession) -> None:
    """Inside the join's transaction, the session row locked: the count cannot race."""
    GameSession.objects.select_for_update().filter(pk=session.pk).values_list("pk").first()
    cap = max_players()
    if Player.objects.filter(session=session, kicked=False).count() >= cap:
        raise JoinRefused(
            "game_full",
            gettext(
                "Cette partie est complète ({count} joueurs). "
                "Demande à l'animateur d'en lancer une autre."
            ).format(count=cap),
        )
