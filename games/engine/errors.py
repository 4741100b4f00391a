"""The one exception the engine raises when a command cannot be applied.

`code` is a stable snake_case identifier: the websocket protocol sends it to the
client, which may react to it, so codes never change meaning.
`template` is a French gettext msgid with named placeholders filled from `details`
(marked with `gettext_noop`, translated at the edges: `games.texts.error_text`);
`message` is that sentence in French, for logs and tests.
`details` carries the template's parameters and JSON-able extras the client needs
(e.g. `remaining_ms`, `max`).
"""

from __future__ import annotations

from typing import Any


class EngineError(Exception):
    def __init__(self, code: str, template: str, **details: Any) -> None:
        message = template % details if details else template
        super().__init__(f"{code}: {message}")
        self.code = code
        self.template = template
        self.message = message
        self.details = details

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "message": self.message, **self.details}


# Every code the engine may raise, for the protocol documentation and tests.
CODES = frozenset(
    {
        "invalid_command",  # malformed command, unknown type or bad field
        "invalid_spec",  # a quiz or escape game description cannot be loaded
        "wrong_phase",  # the command makes no sense in the current phase
        "game_paused",  # players cannot act while the host has paused the game
        "not_paused",  # resume asked while the game runs
        "unknown_player",
        "player_kicked",  # a removed player tries to come back under the same id
        "invalid_nickname",
        "nickname_taken",
        "question_closed",  # answer to a question that is not (or no longer) open
        "already_answered",
        "not_eligible",  # late joiner answering the question open when they joined
        "invalid_answer",  # payload of the wrong shape, type or range
        "no_questions",
        "unknown_team",
        "duplicate_team",
        "duplicate_team_name",
        "invalid_team_name",
        "team_full",
        "already_in_team",
        "not_in_team",
        "no_team",
        "wrong_enigme",  # the submission names another enigme than the team's current one
        "already_solved",
        "padlock_locked",
        "no_more_hints",
        "invalid_message",
        "time_over",  # a code submitted after the escape game's end time
    }
)
