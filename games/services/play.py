"""Apply engine commands to a live session, in one transaction, and say what to broadcast.

Commands of one session are applied in batches: when 300 phones answer within the same
second, one transaction loads the state once, applies every answer, inserts the answer rows
and saves the state once. Each command still gets its own result (accepted or an error).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_noop

from games.engine import Command, EngineError, Event
from games.engine.commands import Answer as AnswerCommand
from games.engine.commands import Kick, Submit
from games.impact.record import record_after_commit
from games.kinds.registry import rules_for
from games.models import Attempt, GameSession, Player
from games.services.answer_rows import insert_answers
from games.services.loaded import (
    remember_state,
    spec_of,
    state_of,
    with_state_unless_cached,
)
from games.services.messages import Outgoing, Streams, coalesce, outgoing_for
from games.services.replies import replies

logger = logging.getLogger(__name__)

# What a command that broke the rules' code gets: it fails alone, the batch goes on.
INTERNAL_ERROR = {
    "code": "internal_error",
    "message": gettext_noop("Cette action n'a pas pu être traitée. Réessaie."),
}


class SessionClosed(Exception):
    """The session has ended (or never existed): nothing can be applied any more."""


@dataclass
class CommandResult:
    ok: bool
    error: dict | None = None
    # Frames for the phone that sent the command, to write with its acknowledgement
    # (services/replies.py); the hub leaves them out for that socket.
    reply: tuple[str, ...] = ()


@dataclass
class BatchOutcome:
    results: list[CommandResult]
    frames: list[Outgoing] = field(default_factory=list)
    version: int = 0
    changed: bool = False
    next_deadline_ms: int | None = None
    ended: bool = False


def lock_open_session(session_id: int) -> GameSession:
    """The open session's row, locked until the transaction ends (SessionClosed if ended)."""
    # SQLite's IMMEDIATE transactions already serialise writers; PostgreSQL needs the row lock.
    # Parsed copies are cached by version (loaded.py): the state comes with the lock only
    # when another process changed it.
    locked = GameSession.objects.select_for_update().defer("spec", "state")
    try:
        return with_state_unless_cached(locked, session_id).get(
            pk=session_id, ended_at__isnull=True
        )
    except GameSession.DoesNotExist as exc:
        raise SessionClosed(session_id) from exc


def _answer_row(session: GameSession, command: AnswerCommand, state) -> tuple:
    recorded = state.answers[command.player_id]
    return (
        session.pk,
        int(command.player_id),
        command.question_index,
        recorded["answer"],
        recorded["fraction"],
        recorded["points"],
        recorded["elapsed_ms"],
    )


def _attempt_row(session: GameSession, team_ids: dict, command: Submit, events) -> Attempt:
    solved = any(event.type == "enigme_solved" for event in events)
    return Attempt(
        session=session,
        team_id=team_ids[command.team_id],
        player_id=int(command.player_id),
        enigme_id=command.enigme_id,
        code=command.code[:100],
        correct=solved,
    )


def _numbered_frames(
    events_by_version: list[tuple[int, Event]], streams: Streams
) -> list[Outgoing]:
    """The batch's frames in sending order, each numbered in its stream (`streams` moves on)."""
    frames = []
    for version, event in events_by_version:
        frames.extend(outgoing_for([event], version, streams))
    return frames


def apply_commands(
    session_id: int,
    commands: list[Command],
    now_ms: int,
    *,
    leading: Sequence[Event] = (),
    trailing: Sequence[Event] = (),
) -> BatchOutcome:
    """Apply `commands` in order; refused ones leave the state untouched and report why.

    `leading` and `trailing` are the caller's own events (services/teams.py: who moved where),
    sent before and after the engine's when the batch changed something. They are numbered
    with the batch's frames, in the order they are sent, and saved in the same write.
    """
    with transaction.atomic():
        session = lock_open_session(session_id)
        rules = rules_for(session.kind)
        spec = spec_of(session)
        state = state_of(session)
        results, events_by_version, answers, attempts = [], [], [], []
        kicked = []
        owners = {}  # id(event) -> position of the command that caused it
        team_ids = None  # loaded on the first code submission of the batch
        for position, command in enumerate(commands):
            try:
                transition = rules.apply(spec, state, command, now_ms)
                row = None
                if isinstance(command, AnswerCommand):
                    row = _answer_row(session, command, transition.state)
                elif isinstance(command, Submit):
                    if team_ids is None:
                        team_ids = dict(session.teams.values_list("key", "pk"))
                    row = _attempt_row(session, team_ids, command, transition.events)
            except EngineError as error:
                # The template goes with it: the socket says it in its page's language.
                results.append(
                    CommandResult(ok=False, error={**error.to_dict(), "template": error.template})
                )
                continue
            except Exception:
                # A bug met by one command (the frame parser bounds its input, so this is
                # ours): that command fails alone, the others of the batch still count.
                logger.exception("%s command failed in session %s", command.type, session_id)
                results.append(CommandResult(ok=False, error=dict(INTERNAL_ERROR)))
                continue
            if isinstance(command, AnswerCommand):
                answers.append(row)
            elif isinstance(command, Submit):
                attempts.append(row)
            elif isinstance(command, Kick):
                kicked.append(int(command.player_id))
            state = transition.state
            for event in transition.events:
                events_by_version.append((state.version, event))
                owners[id(event)] = position
            results.append(CommandResult(ok=True))

        changed = state.version != session.version
        if not changed and not events_by_version:
            return BatchOutcome(results=results, version=state.version)  # no write at all
        streams = Streams.of(session)
        told = [
            *((state.version, event) for event in leading),
            *coalesce(events_by_version),
            *((state.version, event) for event in trailing),
        ]
        frames = _numbered_frames(told, streams)
        for position, texts in replies(commands, told, frames, owners).items():
            results[position].reply = texts
        outcome = BatchOutcome(results=results, frames=frames, version=state.version)
        # A batch of host messages changes no state but numbers its frames all the same.
        update_fields = _stream_fields(session, streams)
        if changed:
            insert_answers(answers)
            Attempt.objects.bulk_create(attempts)
            if kicked:
                Player.objects.filter(session=session, pk__in=kicked).update(kicked=True)
            update_fields += _state_fields(session, rules, state, outcome)
        session.save(update_fields=update_fields)
        if changed:
            transaction.on_commit(lambda: remember_state(session, state))
        return outcome


def _stream_fields(session: GameSession, streams: Streams) -> list[str]:
    """Store where the session's streams stand; the fields to save."""
    session.broadcast_seq = streams.seq
    if not streams.moved:
        return ["broadcast_seq"]
    session.stream_seqs = streams.stored()
    return ["broadcast_seq", "stream_seqs"]


def _state_fields(session: GameSession, rules, state, outcome: BatchOutcome) -> list[str]:
    """Store the batch's new state (and the end of the game); the fields to save."""
    session.state = state.to_dict()
    session.version = state.version
    session.next_deadline_ms = rules.next_deadline_ms(state)
    outcome.changed = True
    outcome.next_deadline_ms = session.next_deadline_ms
    fields = ["state", "version", "next_deadline_ms"]
    if state.phase == "finished":
        session.ended_at = timezone.now()
        outcome.ended = True
        record_after_commit(session.pk)  # the impact figures (games.impact)
        fields.append("ended_at")
    return fields
