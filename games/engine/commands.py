"""Commands the service builds from websocket frames (or host buttons) and applies.

Each command is a frozen dataclass with a `type` name and `from_dict`, so the
service can go from JSON to a command with `command_from_dict(data)` where
`data["type"]` names the command. Who may send which command (host or player,
a player only for itself) is checked by the service; the engine checks that the
command makes sense for the game.

Shared by both games: Start, Pause, Resume, End, Tick.
Quiz only: Join, Kick, Next, Close, Skip, Answer.
Escape game only: AddTeam, JoinTeam, LeaveTeam, AddTime, Submit, Hint, Message, RenameTeam.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, ClassVar

from games.engine.errors import EngineError
from games.engine.fields import read_id, read_int, read_str, require_dict
from games.engine.problems import gettext_noop

CODE = "invalid_command"


def _read(data: dict, name: str, how: str, where: str) -> Any:
    if how == "id":
        return read_id(data, name, where, CODE)
    if how == "optional_id":
        return None if data.get(name) is None else read_id(data, name, where, CODE)
    if how == "text":
        return read_str(data, name, where, CODE)
    if how == "int":
        return read_int(data, name, where, CODE)
    if how == "any":
        if name not in data:
            raise EngineError(
                CODE,
                gettext_noop("%(where)s : champ « %(field)s » manquant."),
                where=where,
                field=name,
            )
        return data[name]
    raise AssertionError(how)  # a programming error in this module, not bad input


@dataclass(frozen=True)
class Command:
    type: ClassVar[str] = ""
    # field name -> how to read it: "id", "optional_id", "text", "int" or "any"
    reads: ClassVar[dict[str, str]] = {}

    @classmethod
    def from_dict(cls, data: Any) -> Command:
        data = require_dict(data, f"Commande {cls.type}", CODE)
        where = f"Commande {cls.type}"
        return cls(**{name: _read(data, name, how, where) for name, how in cls.reads.items()})

    def to_dict(self) -> dict[str, Any]:
        return {"type": self.type, **asdict(self)}


@dataclass(frozen=True)
class Start(Command):
    type: ClassVar[str] = "start"


@dataclass(frozen=True)
class Pause(Command):
    type: ClassVar[str] = "pause"


@dataclass(frozen=True)
class Resume(Command):
    type: ClassVar[str] = "resume"


@dataclass(frozen=True)
class End(Command):
    type: ClassVar[str] = "end"


@dataclass(frozen=True)
class Tick(Command):
    """Sent by the service's timer with the current time; the time itself is `now_ms`."""

    type: ClassVar[str] = "tick"


# -- quiz ----------------------------------------------------------------------


@dataclass(frozen=True)
class Join(Command):
    type: ClassVar[str] = "join"
    reads: ClassVar[dict[str, str]] = {"player_id": "id", "nickname": "text"}
    player_id: str
    nickname: str


@dataclass(frozen=True)
class Kick(Command):
    type: ClassVar[str] = "kick"
    reads: ClassVar[dict[str, str]] = {"player_id": "id"}
    player_id: str


@dataclass(frozen=True)
class Next(Command):
    type: ClassVar[str] = "next"


@dataclass(frozen=True)
class Close(Command):
    type: ClassVar[str] = "close"


@dataclass(frozen=True)
class Skip(Command):
    type: ClassVar[str] = "skip"


@dataclass(frozen=True)
class Answer(Command):
    type: ClassVar[str] = "answer"
    reads: ClassVar[dict[str, str]] = {
        "player_id": "id",
        "question_index": "int",
        "payload": "any",
    }
    player_id: str
    question_index: int
    payload: Any
    # When the server received the answer (set by the service, never read from a frame):
    # an answer resent after the database was briefly away keeps its first time.
    received_ms: int | None = None


# -- escape game ---------------------------------------------------------------


@dataclass(frozen=True)
class AddTeam(Command):
    type: ClassVar[str] = "add_team"
    reads: ClassVar[dict[str, str]] = {"team_id": "id", "name": "text"}
    team_id: str
    name: str


@dataclass(frozen=True)
class JoinTeam(Command):
    type: ClassVar[str] = "join_team"
    reads: ClassVar[dict[str, str]] = {"player_id": "id", "team_id": "id"}
    player_id: str
    team_id: str


@dataclass(frozen=True)
class LeaveTeam(Command):
    type: ClassVar[str] = "leave_team"
    reads: ClassVar[dict[str, str]] = {"player_id": "id"}
    player_id: str


@dataclass(frozen=True)
class AddTime(Command):
    type: ClassVar[str] = "add_time"
    reads: ClassVar[dict[str, str]] = {"seconds": "int"}
    seconds: int


@dataclass(frozen=True)
class Submit(Command):
    type: ClassVar[str] = "submit"
    reads: ClassVar[dict[str, str]] = {
        "team_id": "id",
        "player_id": "id",
        "enigme_id": "id",
        "code": "text",
    }
    team_id: str
    player_id: str
    enigme_id: str
    code: str


@dataclass(frozen=True)
class Hint(Command):
    type: ClassVar[str] = "hint"
    reads: ClassVar[dict[str, str]] = {"team_id": "id", "player_id": "id", "enigme_id": "id"}
    team_id: str
    player_id: str
    enigme_id: str


@dataclass(frozen=True)
class Message(Command):
    """A host message to one team, or to everyone when `team_id` is None."""

    type: ClassVar[str] = "message"
    reads: ClassVar[dict[str, str]] = {"text": "text", "team_id": "optional_id"}
    text: str
    team_id: str | None = None


@dataclass(frozen=True)
class RenameTeam(Command):
    """A team's new name: from one of its players in the lobby, or from the host at any time
    (`player_id` None). The service screens the name first (games/moderation/nicknames.py)."""

    type: ClassVar[str] = "rename_team"
    reads: ClassVar[dict[str, str]] = {
        "team_id": "id",
        "name": "text",
        "player_id": "optional_id",
    }
    team_id: str
    name: str
    player_id: str | None = None


COMMANDS: dict[str, type[Command]] = {
    command.type: command
    for command in (
        Start,
        Pause,
        Resume,
        End,
        Tick,
        Join,
        Kick,
        Next,
        Close,
        Skip,
        Answer,
        AddTeam,
        JoinTeam,
        LeaveTeam,
        AddTime,
        Submit,
        Hint,
        Message,
        RenameTeam,
    )
}


def command_from_dict(data: Any) -> Command:
    data = require_dict(data, "Commande", CODE)
    name = data.get("type")
    command = COMMANDS.get(name) if isinstance(name, str) else None
    if command is None:
        raise EngineError(
            CODE, gettext_noop("Commande inconnue : %(command)r."), field="type", command=name
        )
    return command.from_dict(data)
