"""The websocket protocol's rules on incoming frames: size, rate, shape. Pure functions.

See docs/protocol.md for every message. Version 2 (version 1 clients are still served).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from django.utils.translation import gettext_noop

from games.protocol.bounds import OutOfBounds, check_value, refuse_constant

PROTOCOL_VERSION = 2
# Version 2 is asked for in the socket's address (`?protocol=2`): the server then writes the
# frames of one delivery to a socket as one JSON list. Without it, one object per write.
BATCHING_VERSION = 2


def client_version(query_string: bytes) -> int:
    """The protocol version the client asked for in its address; 1 when absent or unknown."""
    for part in query_string[:200].split(b"&"):
        name, _, value = part.partition(b"=")
        if name == b"protocol" and value == b"2":
            return BATCHING_VERSION
    return 1


MAX_FRAME_BYTES = 16 * 1024

# Per connection: a steady 5 frames a second with bursts of 10 is far above what a thumb or a
# teacher's clicks produce, and far below what a flooding script sends.
RATE_PER_SECOND = 5.0
RATE_BURST = 10.0
# After this many refused frames the connection is closed (a client that ignores the errors).
MAX_REFUSED = 50

# Escape game: a host message is read on a phone, 200 characters at most; a code fits in a
# padlock (the Attempt row keeps 100 characters).
MESSAGE_MAX = 200
CODE_MAX = 100

# Host commands that place players in teams: services/teams.py, not an engine command alone.
PLACEMENT_COMMANDS = frozenset({"place", "balance"})
# Naming a team (escape game): its players in the lobby, the host any time; screened by
# services/teams.py before the engine sees it.
TEAM_NAMING = "rename_team"
HOST_COMMANDS = frozenset(
    {"start", "next", "close", "skip", "pause", "resume", "end", "kick", "add_time", "message"}
    | PLACEMENT_COMMANDS
    | {TEAM_NAMING}
)
PLAYER_COMMANDS = frozenset({"answer", "submit", "hint", TEAM_NAMING})
ANY_ROLE = frozenset({"snapshot", "ping"})


class ProtocolError(Exception):
    """A refused frame: `template` is a French msgid, filled in with `params` (wording.say)."""

    def __init__(self, code: str, template: str, ref=None, **params):
        self.message = template % params if params else template
        super().__init__(self.message)
        self.code = code
        self.template = template
        self.params = params
        self.ref = ref


@dataclass
class RateLimiter:
    """Token bucket; time is passed in."""

    rate: float = RATE_PER_SECOND
    burst: float = RATE_BURST
    tokens: float = RATE_BURST
    last_s: float | None = None

    def allow(self, now_s: float) -> bool:
        if self.last_s is not None:
            self.tokens = min(self.burst, self.tokens + (now_s - self.last_s) * self.rate)
        self.last_s = now_s
        if self.tokens >= 1:
            self.tokens -= 1
            return True
        return False


def parse_frame(text: str | None, role: str) -> dict:
    """The frame as a dict with a known "type" for this role, or ProtocolError."""
    if text is None:
        raise ProtocolError(
            "binary_frame", gettext_noop("Seuls les messages texte (JSON) sont acceptés.")
        )
    if len(text.encode()) > MAX_FRAME_BYTES:
        raise ProtocolError("frame_too_large", gettext_noop("Message trop long (16 Kio au plus)."))
    try:
        message = json.loads(text, parse_constant=refuse_constant)
    except OutOfBounds as error:
        raise ProtocolError(
            "invalid_message", gettext_noop("Valeur refusée (%(reason)s)."), reason=error.reason
        ) from error
    except (ValueError, RecursionError) as error:
        # RecursionError: nesting deeper than the interpreter's stack, sent on purpose.
        raise ProtocolError(
            "invalid_json", gettext_noop("Message illisible : ce n'est pas du JSON.")
        ) from error
    try:
        check_value(message)
    except OutOfBounds as error:
        raise ProtocolError(
            "invalid_message", gettext_noop("Valeur refusée (%(reason)s)."), reason=error.reason
        ) from error
    if not isinstance(message, dict):
        raise ProtocolError("invalid_message", gettext_noop("Le message doit être un objet JSON."))
    ref = message.get("ref")
    if ref is not None and not (isinstance(ref, (str, int)) and len(str(ref)) <= 40):
        raise ProtocolError("invalid_message", gettext_noop("Le champ « ref » est invalide."))
    kind = message.get("type")
    if not isinstance(kind, str):
        raise ProtocolError("invalid_message", gettext_noop("Le champ « type » manque."), ref)
    allowed = ANY_ROLE | (HOST_COMMANDS if role == "host" else PLAYER_COMMANDS)
    if kind not in allowed:
        if kind in HOST_COMMANDS:
            raise ProtocolError(
                "not_host", gettext_noop("Seul l'animateur de la partie peut faire cela."), ref
            )
        if kind in PLAYER_COMMANDS:
            raise ProtocolError(
                "not_player", gettext_noop("L'écran de l'animateur ne joue pas."), ref
            )
        raise ProtocolError(
            "unknown_type", gettext_noop("Type de message inconnu : %(name)r."), ref, name=kind[:40]
        )
    return message


def command_data(message: dict, *, player_id: str | None, team_id: str | None) -> dict:
    """The engine command for a frame. Identity comes from the connection, never the frame."""
    kind = message["type"]
    ref = message.get("ref")
    if kind == "answer":
        return {
            "type": "answer",
            "player_id": player_id,
            "question_index": message.get("q"),
            "payload": message.get("answer"),
        }
    if kind in {"submit", "hint"}:
        if team_id is None:
            raise ProtocolError("no_team", gettext_noop("Tu n'es dans aucune équipe."), ref)
        data = {"type": kind, "team_id": team_id, "player_id": player_id}
        data["enigme_id"] = message.get("enigme_id")
        if kind == "submit":
            code = message.get("code")
            if isinstance(code, str) and len(code) > CODE_MAX:
                raise ProtocolError(
                    "invalid_answer",
                    gettext_noop("Code trop long (%(max)s caractères au plus)."),
                    ref,
                    max=CODE_MAX,
                )
            data["code"] = code
        return data
    if kind == "message":
        text = message.get("text")
        if isinstance(text, str) and not 0 < len(text.strip()) <= MESSAGE_MAX:
            raise ProtocolError(
                "invalid_message",
                gettext_noop("Le message doit faire 1 à %(max)s caractères."),
                ref,
                max=MESSAGE_MAX,
            )
    fields = {k: v for k, v in message.items() if k not in {"ref"}}
    return fields
