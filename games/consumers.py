"""Websocket endpoints: parse, validate, call the runner, send. Nothing else.

Every refused frame gets an `error` message with a code and never reaches the game; a
connection that keeps sending refused frames is closed. See docs/protocol.md.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time

from autobahn.exception import Disconnected
from channels.consumer import get_handler_name
from channels.db import database_sync_to_async
from channels.exceptions import StopConsumer
from channels.generic.websocket import AsyncWebsocketConsumer
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_noop

from cms.outages import is_outage
from games.access import throttle
from games.engine import EngineError, command_from_dict
from games.live import daphne_socket
from games.live.connects import get_connect_budget
from games.live.hub import get_hub
from games.live.presence_writer import get_presence_writer
from games.live.runner import TRY_AGAIN, get_runners, stamped
from games.protocol.frames import (
    BATCHING_VERSION,
    MAX_REFUSED,
    PLACEMENT_COMMANDS,
    PROTOCOL_VERSION,
    TEAM_NAMING,
    ProtocolError,
    RateLimiter,
    client_version,
    command_data,
    parse_frame,
)
from games.protocol.wording import language_of, say
from games.services import presence, teams
from games.services.clock import now_ms
from games.services.messages import dumps
from games.services.phone_identity import phone_by_pin
from games.services.play import SessionClosed
from games.services.sessions import open_session, player_for_token
from games.services.snapshots import load_snapshot, snapshot_frame
from games.services.tokens import game_tokens, player_cookie

logger = logging.getLogger(__name__)

# Close codes (4000-4999 are the application's own).
CLOSE_UNKNOWN_PIN = 4404
CLOSE_NOT_ALLOWED = 4403
CLOSE_NOT_JOINED = 4401
CLOSE_REPLACED = 4409
CLOSE_KICKED = 4410
CLOSE_ABUSE = 4429
# The server may not send the RFC's own 1011 and 1013 (autobahn refuses them): ours instead.
CLOSE_INTERNAL = 4500
CLOSE_TRY_AGAIN = 4503  # the database or Redis is away for a moment: reconnect

# A resent answer keeps the time it first reached the server, for this long at most.
RETRY_STAMP_MAX_MS = 30_000
# The frame that tells a phone it was removed (services/messages.frame puts "type" first).
KICKED_PREFIX = '{"type":"player_kicked"'


def sockets_per_player() -> int:
    return getattr(settings, "GAMES_SOCKETS_PER_PLAYER", 3)


def client_address(scope) -> str:
    return (scope.get("client") or ("", 0))[0]


class HealthConsumer(AsyncWebsocketConsumer):
    """Answers "ping" with "pong" after a trip through the channel layer.

    Used by monitoring and by the scaled-mode tests to prove that websockets and the layer
    (Redis when configured) work end to end.
    """

    async def receive(self, text_data=None, bytes_data=None):
        if text_data != "ping":
            await self.send(text_data="error: send ping")
            return
        await self.channel_layer.send(self.channel_name, {"type": "health.pong"})

    async def health_pong(self, event):
        await self.send(text_data="pong")


class GameConsumer(AsyncWebsocketConsumer):
    """One screen of a live session: the host's (`role = "host"`) or a phone's."""

    role = "player"
    # No per-consumer channel-layer group: the hub receives for the whole process.
    groups = []
    # Nor a channel of its own: a name no layer is configured under gives None. A socket
    # listening on its own Redis channel would cost memory and a task per phone, and would
    # crash with every socket of the process when Redis blinks (issue 8).
    channel_layer_alias = "games.sockets-use-the-hub"
    # Daphne's websocket protocol under this consumer (None: another server, take ASGI's way).
    websocket = None
    # Frames already written with an ack, that the hub must not write again (the hub's).
    written_ahead: set[str] | None = None

    async def __call__(self, scope, receive, send):
        """Channels' consumer loop, for a socket that hears only its screen.

        Channels waits for each message with a task of its own and `asyncio.wait`, so that a
        consumer can also hear a channel layer; a game socket hears the hub instead (see
        `groups`), so it awaits its next message directly: one task per socket instead of
        one more per frame and per idle socket (issue 12). Messages are still handled one at
        a time, in order, as channels does.
        """
        self.scope = scope
        self.channel_layer = None
        self.base_send = send
        with contextlib.suppress(StopConsumer):
            while True:
                await self.dispatch(await receive())

    async def connect(self):
        self.session = None
        self.player_id = None
        self.team_id = None
        self.limiter = RateLimiter()
        self.language = language_of(self.scope)
        self.refused = 0
        self.retry_stamps = {}
        self.opened_at = time.monotonic()
        self.batches = client_version(self.scope.get("query_string", b"")) >= BATCHING_VERSION
        self.websocket = daphne_socket.websocket_of(self.base_send)
        await self.accept()
        daphne_socket.release_upgrade(self.websocket)
        daphne_socket.share_options(self.websocket)
        try:
            await self.open()
        except Exception as error:
            if not is_outage(error):
                raise
            # The database or Redis is away for a moment: the phone retries by itself.
            logger.warning("game socket refused while a service is away: %s", error)
            await self.forget()
            await self.refuse(
                "try_again",
                gettext_noop("Le serveur reprend son souffle : reconnexion dans un instant."),
                CLOSE_TRY_AGAIN,
            )

    async def open(self) -> None:
        address = client_address(self.scope)
        # The game and the screen's identity in one trip to the database thread: during a
        # join burst every trip queues behind the others (issue 12).
        session, refusal = await database_sync_to_async(self.find)(
            self.scope["url_route"]["kwargs"]["pin"]
        )
        if refusal is not None:
            await self.slow_down_guesser(address)
            await self.refuse(*refusal)
            return
        if not get_connect_budget().allow((session.pk, self.role, self.player_id)):
            await self.refuse(
                "too_many_connections",
                gettext_noop("Trop de reconnexions : attends quelques secondes."),
                CLOSE_ABUSE,
            )
            return
        self.session = session
        await get_hub().watch(session.pk, self)
        await self.joined()
        if self.session is None:
            return  # evicted while joining (sockets_per_player): closed already
        await self.send_snapshot(session)
        get_runners().get(session.pk).arm(session.next_deadline_ms)

    async def slow_down_guesser(self, address: str) -> None:
        """A socket that did not prove it is in the game counts as a guess (PIN scanning)."""
        await database_sync_to_async(throttle.record_miss)(address)
        if await database_sync_to_async(throttle.guessing)(address):
            # TooManyWaiting: answered at once below, only a script queues that many.
            with contextlib.suppress(throttle.TooManyWaiting):
                await throttle.slow_down(address)

    async def joined(self) -> None:
        """Hook run once the socket watches its session."""

    async def dispatch(self, message):
        """Channels' dispatch, without its database clean-up before every message.

        Channels hops to the sync thread to close stale database connections before each
        frame. Our handlers only reach the database through database_sync_to_async, which
        does that clean-up itself; the extra hop queued every incoming answer behind the
        batch being written, and was most of the answer latency with 300 phones.
        """
        handler = getattr(self, get_handler_name(message), None)
        if handler is None:
            raise ValueError(f"No handler for message type {message['type']}")
        try:
            await handler(message)
        except (StopConsumer, asyncio.CancelledError):
            raise
        except Disconnected:
            # The phone went away while we were writing to it (it closed, or a newer tab of
            # it evicted this one): nothing is wrong, only this socket is gone.
            await self.forget()
        except Exception:
            # Whatever broke in this socket's handler, it breaks this socket alone: it leaves
            # the hub and the presence list (else its phone stays "online" and every
            # broadcast trips on it) and closes; the phone reconnects by itself.
            logger.exception("game socket handler failed on %s", message.get("type"))
            await self.drop()

    async def send(self, text_data=None, bytes_data=None, close=False):
        # Text frames of an open socket go straight to daphne's websocket (live/daphne_socket.py).
        plain_text = text_data is not None and bytes_data is None and not close
        if plain_text and daphne_socket.write(self.websocket, text_data):
            return
        await super().send(text_data=text_data, bytes_data=bytes_data, close=close)

    async def websocket_disconnect(self, message):
        """Channels' disconnect, without its hop to the database thread to close stale
        connections: this consumer reaches the database only through database_sync_to_async,
        which does that itself, and a forum's 2,000 phones leaving at the end of a game made
        2,000 hops (issue 12). No channel-layer groups to leave either (see `groups`)."""
        daphne_socket.release_closed(self.websocket)
        await self.disconnect(message["code"])
        raise StopConsumer()

    def find(self, pin: str) -> tuple:
        """(session, None) when this screen may watch the game of `pin`, else (session or
        None, (code, message, close code)). Runs in the database thread."""
        session = open_session(pin)
        if session is None:
            return None, (
                "unknown_pin",
                gettext_noop("Aucune partie en cours avec ce code."),
                CLOSE_UNKNOWN_PIN,
            )
        return session, self.identify(session)

    def identify(self, session) -> tuple[str, str, int] | None:
        """None when this screen may watch `session`, else why not: (code, message, close)."""
        raise NotImplementedError

    def say(self, template: str, params: dict | None = None) -> str:
        """A refusal in the language of the page that opened this socket."""
        with translation.override(self.language):
            return say(template, params)

    async def refuse(self, code: str, template: str, close_code: int) -> None:
        frame = {"type": "error", "code": code, "message": self.say(template)}
        await self.send(text_data=dumps(frame))
        await self.close(code=close_code)

    async def disconnect(self, close_code):
        await self.forget()

    async def forget(self) -> None:
        """Leave the hub and the presence list, once; never raises (called on the way out)."""
        session, self.session = getattr(self, "session", None), None
        if session is None:
            return
        try:
            await get_hub().unwatch(session.pk, self)
            get_runners().forget_if_idle(session.pk)
        except Exception:  # noqa: BLE001 - leaving must not fail
            logger.warning("game socket left the hub uncleanly", exc_info=True)
        try:
            await self.left(session)
        except Exception as error:  # noqa: BLE001 - the database may be away
            logger.warning("presence not updated on the way out: %s", error)

    async def resync(self) -> None:
        """A snapshot sent unasked: the hub says frames may have been lost (live/outbox.py)."""
        if self.session is None:
            return
        try:
            await self.send_snapshot()
        except Exception as error:  # noqa: BLE001 - gone or the database away: next round
            logger.info("resync snapshot not sent: %s", error)

    async def drop(self) -> None:
        """The hub could not write to this socket: forget it and close, quietly."""
        await self.forget()
        try:
            await self.close(code=CLOSE_INTERNAL)
        except Exception:  # noqa: BLE001 - already closed
            logger.debug("closing a dropped socket failed", exc_info=True)

    async def left(self, session) -> None:
        """Hook run once the socket no longer watches `session`."""

    def write_now(self, texts: list[str]) -> bool:
        """The hub's delivery written straight to daphne's open websocket (see the hub);
        False when there is none (another server, or the socket is not open)."""
        if self.websocket is None or self.websocket.state != self.websocket.STATE_OPEN:
            return False
        for text in self.delivered(texts):
            daphne_socket.write(self.websocket, text)
        return True

    def delivered(self, texts: list[str]) -> list[str]:
        """What one delivery writes: its frames one by one, or as one list (protocol 2)."""
        if self.batches and len(texts) > 1:
            # Frames are JSON objects already: the list is written without parsing them.
            return ["[" + ",".join(texts) + "]"]
        return texts

    async def send_frames(self, texts: list[str]) -> None:
        for text in self.delivered(texts):
            await self.send_frame(text)

    async def send_frame(self, text: str) -> None:
        await self.send(text_data=text)

    async def send_snapshot(self, session=None) -> None:
        """The full view for this screen; `session` when it was just read, else re-read."""
        if session is None:
            text = await database_sync_to_async(load_snapshot)(
                self.session.pk,
                self.role,
                player_id=self.player_id,
                team_id=self.team_id,
                now_ms=now_ms(),
            )
        else:
            text = await database_sync_to_async(snapshot_frame)(
                session, self.role, player_id=self.player_id, team_id=self.team_id, now_ms=now_ms()
            )
        await self.send(text_data=text)

    async def receive(self, text_data=None, bytes_data=None):
        if self.session is None:
            return
        received_ms = now_ms()
        try:
            if not self.limiter.allow(time.monotonic()):
                raise ProtocolError(
                    "rate_limited", gettext_noop("Trop de messages : ralentis un peu.")
                )
            message = parse_frame(text_data, self.role)
            await self.handle(message, received_ms)
        except ProtocolError as error:
            await self.send_error(error.code, error.template, error.ref, **error.params)
        except Exception as error:
            if not is_outage(error):
                raise
            # A snapshot or a presence write while the database (or Redis) is away: the
            # socket stays open and the phone asks again, as after any "try_again".
            logger.warning("game frame deferred, a service is away: %s", error)
            error = dict(TRY_AGAIN.error)
            await self.send_error(error.pop("code"), error.pop("message"), None, **error)

    async def send_error(self, code: str, template: str, ref=None, **details) -> None:
        self.refused += 1
        # The details first: a parameter never overwrites what the frame is.
        frame = {**details, "type": "error", "code": code, "message": self.say(template, details)}
        if ref is not None:
            frame["ref"] = ref
        await self.send(text_data=dumps(frame))
        if self.refused >= MAX_REFUSED:
            await self.close(code=CLOSE_ABUSE)

    async def team_service(self, message: dict, change, *args) -> None:
        """Run a change of teams from services/teams.py (`change(session_id, *args, now_ms)`),
        acknowledge it and send its frames: placements and team names, escape game."""
        ref = message.get("ref")
        if not teams.is_team_play(self.session):
            raise ProtocolError(
                "invalid_command", gettext_noop("Ce jeu ne se joue pas en équipes."), ref
            )
        try:
            outcome = await database_sync_to_async(change)(self.session.pk, *args, now_ms())
        except teams.PlacementRefused as refusal:
            raise ProtocolError(refusal.code, refusal.message, ref) from refusal
        except SessionClosed as closed:
            raise ProtocolError(
                "session_closed", gettext_noop("Cette partie est terminée."), ref
            ) from closed
        await self.send(text_data=dumps({"type": "ack", "ref": ref, "command": message["type"]}))
        await get_hub().publish(
            self.session.pk, [(frame.audience, frame.text) for frame in outcome.frames]
        )

    async def rename_team(self, message: dict) -> None:
        """A player names its own team (the connection says which); the host names any."""
        if self.role == "host":
            team_key = message.get("team_id")
        elif self.team_id is None:
            raise ProtocolError(
                "no_team", gettext_noop("Tu n'es dans aucune équipe."), message.get("ref")
            )
        else:
            team_key = self.team_id
        await self.team_service(
            message, teams.rename_team, team_key, message.get("name"), self.player_id
        )

    async def handle(self, message: dict, received_ms: int) -> None:
        ref = message.get("ref")
        if message["type"] == TEAM_NAMING:
            await self.rename_team(message)
            return
        if message["type"] == "ping":
            await self.heartbeat()
            await self.send(
                text_data=dumps({"type": "pong", "ref": ref, "protocol": PROTOCOL_VERSION})
            )
            return
        if message["type"] == "snapshot":
            await self.send_snapshot()
            return
        try:
            command = command_from_dict(
                command_data(message, player_id=self.player_id, team_id=self.team_id)
            )
        except EngineError as error:
            raise ProtocolError(error.code, error.template, ref, **error.details) from error
        command = stamped(command, self.received_at(command, received_ms))
        result = await get_runners().get(self.session.pk).submit(command)
        if not result.ok and result.error["code"] == "try_again":
            self.retry_stamps[_retry_key(command)] = command.received_ms or received_ms
        if result.ok:
            ack = dumps({"type": "ack", "ref": ref, "command": message["type"]})
            if result.reply and self.replies_to(command):
                # What the command tells this phone, in the ack's write (services/replies.py).
                self.written_ahead = set(result.reply)
                await self.send_frames([ack, *result.reply])
            else:
                await self.send(text_data=ack)
        else:
            error = dict(result.error)
            template = error.pop("template", None) or error["message"]
            del error["message"]
            await self.send_error(error.pop("code"), template, ref, **error)

    def replies_to(self, command) -> bool:
        """Whether a command's reply (frames for the phone that sent it) is this socket's: a
        phone's own command, from the team the hub files this socket under."""
        return (
            self.player_id is not None
            and getattr(command, "player_id", None) == self.player_id
            and getattr(command, "team_id", None) == self.team_id
        )

    def received_at(self, command, received_ms: int) -> int:
        """When the server first received this command: a resend after "try_again" keeps
        the time of the first try, so an answer given in time still counts (issue 8)."""
        first = self.retry_stamps.pop(_retry_key(command), None)
        if first is not None and received_ms - first <= RETRY_STAMP_MAX_MS:
            return first
        return received_ms

    async def heartbeat(self) -> None:
        """A ping from the client: nothing to record by default."""


def _retry_key(command) -> tuple:
    return (command.type, getattr(command, "question_index", None))


class HostConsumer(GameConsumer):
    role = "host"

    async def handle(self, message: dict, received_ms: int) -> None:
        if message["type"] in PLACEMENT_COMMANDS:
            await self.place(message)
        else:
            await super().handle(message, received_ms)

    async def place(self, message: dict) -> None:
        """Move a player to a team, or deal every player again ("balance"): escape game."""
        if message["type"] == "place":
            await self.team_service(
                message, teams.move_player, message.get("player_id"), message.get("team_id")
            )
        else:
            await self.team_service(message, teams.balance)

    def identify(self, session) -> tuple[str, str, int] | None:
        user = self.scope.get("user")
        if user is None or not user.is_authenticated:
            return (
                "not_host",
                gettext_noop("Connectez-vous pour animer cette partie."),
                CLOSE_NOT_ALLOWED,
            )
        if session.host_id != user.pk and not user.is_superuser:
            return (
                "not_host",
                gettext_noop("Cette partie est animée par quelqu'un d'autre."),
                CLOSE_NOT_ALLOWED,
            )
        return None


# The frame that tells a player's phones the host moved them (services/teams.py). Frames are
# serialised with "type" first (services/messages.frame), so a prefix test spots it without
# parsing every frame of the game.
TEAM_CHANGED_PREFIX = '{"type":"team_changed"'
SPECIAL_PREFIXES = (TEAM_CHANGED_PREFIX, KICKED_PREFIX)


class PlayerConsumer(GameConsumer):
    role = "player"

    def write_now(self, texts: list[str]) -> bool:
        # A move to another team or a removal has more to do than writing (send_frames).
        if any(text.startswith(SPECIAL_PREFIXES) for text in texts):
            return False
        return super().write_now(texts)

    async def send_frames(self, texts: list[str]) -> None:
        if any(text.startswith(TEAM_CHANGED_PREFIX) for text in texts):
            await self.read_team()
        await super().send_frames(texts)
        if any(text.startswith(KICKED_PREFIX) for text in texts):
            # Removed by the host: its token no longer opens the game (Player.kicked), and
            # this socket stops hearing the game now, not at its next reconnection.
            await self.forget()
            await self.close(code=CLOSE_KICKED)

    async def send_snapshot(self, session=None) -> None:
        # A snapshot is also how a phone recovers from a missed frame, "team_changed" included.
        if session is None and teams.is_team_play(self.session):
            await self.read_team()
        await super().send_snapshot(session)

    async def read_team(self) -> None:
        """Read this player's team again from the database (the truth) and index the socket."""
        team_id = await database_sync_to_async(teams.team_key_of)(int(self.player_id))
        if team_id != self.team_id:
            await get_hub().regroup(self.session.pk, self, team_id)

    def find(self, pin: str) -> tuple:
        phone = phone_by_pin(pin, game_tokens(self.scope.get("cookies", {})))
        if phone is None:  # refused: look again, step by step, to tell why
            return super().find(pin)
        self.player_id, self.team_id = phone.player_id, phone.team_key
        return phone.session, None

    def identify(self, session) -> tuple[str, str, int] | None:
        token = self.scope.get("cookies", {}).get(player_cookie(session.pk), "")
        player = player_for_token(session, token)
        if player is None:
            return (
                "not_joined",
                gettext_noop("Rejoins d'abord la partie avec ton pseudo."),
                CLOSE_NOT_JOINED,
            )
        self.player_id = player.engine_id
        self.team_id = player.team.key if player.team_id else None
        return None

    async def joined(self) -> None:
        session = self.session
        self.last_heartbeat = time.monotonic()
        await self.evict_extra_sockets()
        # Written and told to the host in a batch with the other phones joining now.
        get_presence_writer().mark(session.pk, self.player_id, True, session.version)

    async def evict_extra_sockets(self) -> None:
        """One phone, a few tabs at most: past the cap the oldest sockets are closed.

        Evicting rather than refusing the newcomer: a phone that reconnects after its Wi-Fi
        dropped is the newest socket, and its stale one may not be gone yet. A script that
        opens a hundred sockets on one cookie only ever keeps a few.
        """
        own = get_hub().sockets_of(self.session.pk, self.player_id)
        extra = len(own) - sockets_per_player()
        for socket in sorted(own, key=lambda s: s.opened_at)[: max(extra, 0)]:
            await socket.forget()
            await socket.close(code=CLOSE_REPLACED)

    async def left(self, session) -> None:
        if get_hub().sockets_of(session.pk, self.player_id):
            return  # another tab of this phone still plays: it stays online
        writer = get_presence_writer()
        writer.mark(session.pk, self.player_id, False, session.version)
        await writer.flushed()

    async def heartbeat(self) -> None:
        # Throttled: a ping every few seconds from 300 phones must not become 300 writes.
        if time.monotonic() - self.last_heartbeat >= presence.HEARTBEAT_S:
            self.last_heartbeat = time.monotonic()
            await database_sync_to_async(presence.mark_seen)(int(self.player_id))
