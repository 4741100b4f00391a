"""Quiz rules, host-paced: `apply(spec, state, command, now_ms) -> Transition`.

Phases: lobby -> question -> reveal -> question ... -> finished.

- Join: any phase but finished; a late joiner scores from the next question.
- Kick: the player is marked inactive, leaves rankings, and cannot join again.
- Start (lobby), Next (reveal -> next question, or finished after the last),
  Close (question -> reveal now), Skip (question dropped without points -> next),
  End (any phase -> finished; a question still open is dropped, not scored).
- Pause freezes the clock of the open question; Resume moves its deadline (and
  its opening time, so the speed bonus ignores the pause) by the time paused.
  Moving on (Close, Skip, Next, End) ends a pause: the host has taken over.
- Answer: see `_answer`. When every expected player has answered (or a kick leaves
  only players who have), the question is due: the next Tick reveals it
  (`reveal_due_ms` tells the runner to tick at once).
- Tick: reveals the question once deadline + GRACE_MS has passed, or once it is due.

Points are added to scores at the reveal, not when the answer arrives, so that
nothing a phone receives before the reveal depends on whether it was right.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from games.engine.commands import (
    Answer,
    Close,
    Command,
    End,
    Join,
    Kick,
    Next,
    Pause,
    Resume,
    Skip,
    Start,
    Tick,
)
from games.engine.errors import EngineError
from games.engine.events import ALL, HOST, Event, to_player
from games.engine.evolve import evolve
from games.engine.outcome import Transition
from games.engine.problems import gettext_noop
from games.engine.scoring import GRACE_MS, answer_points, elapsed_ms
from games.kinds.quiz.engine import report as quiz_report
from games.kinds.quiz.engine.state import QuizSpec, QuizState

# The one limit of a nickname's length (games/moderation/nicknames.py and the Player columns read it):
# here a last guard, the join service checks nicknames in full.
NICKNAME_MAX = 24

Step = tuple[QuizState, list[Event]]


def apply(spec: QuizSpec, state: QuizState, command: Command, now_ms: int) -> Transition:
    handler = _HANDLERS.get(type(command))
    if handler is None:
        raise EngineError(
            "invalid_command",
            gettext_noop("Commande « %(command)s » inconnue dans un quiz."),
            command=command.type,
        )
    new_state, events = handler(spec, state, command, now_ms)
    if new_state is state:
        return Transition(state, events)
    return Transition(evolve(new_state, version=state.version + 1), events)


# -- helpers -------------------------------------------------------------------


def _require_phase(state: QuizState, *phases: str) -> None:
    if state.phase not in phases:
        raise EngineError(
            "wrong_phase", gettext_noop("Impossible à cette étape du jeu."), phase=state.phase
        )


def _open_question(spec: QuizSpec, state: QuizState, index: int, now_ms: int) -> Step:
    question = spec.questions[index]
    deadline = now_ms + question.time_limit_s * 1000
    opened = evolve(
        state,
        phase="question",
        question_index=index,
        opened_at_ms=now_ms,
        deadline_ms=deadline,
        paused=False,
        paused_remaining_ms=None,
        answers={},
        expected_count=state.eligible_count(index),
    )
    data = {
        "index": index,
        "count": state.question_count,
        "question": question.public(),
        "deadline_ms": deadline,
        "time_limit_ms": question.time_limit_s * 1000,
        "now_ms": now_ms,
    }
    return opened, [Event("question_opened", ALL, data)]


def _reveal(spec: QuizSpec, state: QuizState) -> Step:
    players = dict(state.players)
    results: dict[str, list[Any]] = {}
    for pid, answer in state.answers.items():
        player = players.get(pid)
        if player is None or not player["active"]:
            continue
        players[pid] = {
            **player,
            "score": player["score"] + answer["points"],
            "answer_time_ms_total": player["answer_time_ms_total"] + answer["elapsed_ms"],
        }
        results[pid] = [answer["fraction"], answer["points"], answer["elapsed_ms"]]
    entry = {"index": state.question_index, "skipped": False, "results": results}
    revealed = evolve(
        state,
        phase="reveal",
        paused=False,
        paused_remaining_ms=None,
        players=players,
        history=[*state.history, entry],
    )
    events = [Event("question_revealed", ALL, quiz_report.reveal(spec, revealed))]
    standing = quiz_report.standings(revealed)
    for pid in sorted(standing):
        result = quiz_report.player_result(revealed, pid, standing)
        events.append(Event("player_result", to_player(pid), result))
    return revealed, events


def _finish(spec: QuizSpec, state: QuizState) -> Step:
    finished = evolve(
        state,
        phase="finished",
        paused=False,
        paused_remaining_ms=None,
        deadline_ms=None,
        answers={},
    )
    full = quiz_report.ranking(finished)
    events = [
        Event("game_finished", ALL, quiz_report.final(spec, finished)),
        Event("final_ranking", HOST, {"ranking": full}),
    ]
    for row in sorted(full, key=lambda row: row["player_id"]):
        data = {"rank": row["rank"], "score": row["score"], "player_count": len(full)}
        events.append(Event("player_final", to_player(row["player_id"]), data))
    return finished, events


def _next_or_finish(spec: QuizSpec, state: QuizState, now_ms: int) -> Step:
    following = state.question_index + 1
    if following < state.question_count:
        return _open_question(spec, state, following, now_ms)
    return _finish(spec, state)


def _all_answered(state: QuizState) -> bool:
    """True once every eligible player has answered the current question.

    `answers` only ever holds eligible players (answers are checked on arrival and a
    kicked player's answer is dropped), so comparing two counts is enough: this runs
    once per answer and must not walk the whole class each time.
    """
    # With nobody expected (a host trying the quiz alone) the clock decides.
    return state.expected_count > 0 and len(state.answers) >= state.expected_count


def _clean_nickname(nickname: str) -> str:
    cleaned = " ".join(nickname.split())
    if not cleaned or len(cleaned) > NICKNAME_MAX:
        raise EngineError(
            "invalid_nickname",
            gettext_noop("Choisis un pseudo de 1 à %(max)s caractères."),
            max=NICKNAME_MAX,
        )
    return cleaned


# -- commands ------------------------------------------------------------------


def _join(spec: QuizSpec, state: QuizState, command: Join, now_ms: int) -> Step:
    _require_phase(state, "lobby", "question", "reveal")
    nickname = _clean_nickname(command.nickname)
    existing = state.players.get(command.player_id)
    if existing is not None:
        if not existing["active"]:
            raise EngineError("player_kicked", gettext_noop("Tu as été retiré de la partie."))
        # The same player joining again (a phone reloading): nothing changes.
        return state, []
    taken = {p["nickname"].casefold() for p in state.players.values() if p["active"]}
    if nickname.casefold() in taken:
        raise EngineError("nickname_taken", gettext_noop("Ce pseudo est déjà pris."))
    first_question = 0 if state.phase == "lobby" else state.question_index + 1
    player = {
        "nickname": nickname,
        "score": 0,
        "active": True,
        "answer_time_ms_total": 0,
        "first_question": first_question,
    }
    joined = evolve(state, players={**state.players, command.player_id: player})
    data = {
        "player_id": command.player_id,
        "nickname": nickname,
        "player_count": joined.active_count(),
    }
    return joined, [Event("player_joined", HOST, data)]


def _answer_count(state: QuizState) -> Event:
    """The host's "answered / expected" counter for the open question."""
    return Event(
        "answer_count",
        HOST,
        {
            "question_index": state.question_index,
            "answered": len(state.answers),
            "expected": state.expected_count,
            # Who has answered (not what): the teacher's players panel marks them, as a set.
            # A view of the state's own (frozen) answers: made for each of 2,000 answers and
            # sent once per batch, a sorted copy each time was a sixth of the answer burst
            # (issue 12); the frame lists them in the order of answering.
            "answered_ids": state.answers.keys(),
        },
    )


def _kick(spec: QuizSpec, state: QuizState, command: Kick, now_ms: int) -> Step:
    _require_phase(state, "lobby", "question", "reveal")
    player = state.players.get(command.player_id)
    if player is None:
        raise EngineError("unknown_player", gettext_noop("Joueur inconnu."))
    if not player["active"]:
        return state, []
    answers = {pid: a for pid, a in state.answers.items() if pid != command.player_id}
    was_expected = state.phase == "question" and player["first_question"] <= state.question_index
    kicked = evolve(
        state,
        players={**state.players, command.player_id: {**player, "active": False}},
        answers=answers,
        expected_count=state.expected_count - 1 if was_expected else state.expected_count,
    )
    events = [
        Event("player_kicked", to_player(command.player_id), {}),
        Event(
            "player_left",
            HOST,
            {"player_id": command.player_id, "player_count": kicked.active_count()},
        ),
    ]
    if was_expected:  # the class screen counts one answer fewer to wait for
        events.append(_answer_count(kicked))
    # If everyone left has answered, the question is now due: the next Tick reveals it.
    return kicked, events


def _start(spec: QuizSpec, state: QuizState, command: Start, now_ms: int) -> Step:
    _require_phase(state, "lobby")
    if not spec.questions:
        raise EngineError("no_questions", gettext_noop("Ce quiz n'a aucune question."))
    counted = evolve(state, question_count=len(spec.questions))
    return _open_question(spec, counted, 0, now_ms)


def _next(spec: QuizSpec, state: QuizState, command: Next, now_ms: int) -> Step:
    _require_phase(state, "reveal")
    return _next_or_finish(spec, state, now_ms)


def _close(spec: QuizSpec, state: QuizState, command: Close, now_ms: int) -> Step:
    _require_phase(state, "question")
    return _reveal(spec, state)


def _skip(spec: QuizSpec, state: QuizState, command: Skip, now_ms: int) -> Step:
    _require_phase(state, "question")
    entry = {"index": state.question_index, "skipped": True, "results": {}}
    skipped = evolve(state, answers={}, history=[*state.history, entry])
    events = [Event("question_skipped", ALL, {"index": state.question_index})]
    following, more = _next_or_finish(spec, skipped, now_ms)
    return following, events + more


def _pause(spec: QuizSpec, state: QuizState, command: Pause, now_ms: int) -> Step:
    _require_phase(state, "lobby", "question", "reveal")
    if state.paused:
        raise EngineError("game_paused", gettext_noop("Le jeu est déjà en pause."))
    remaining = None
    if state.phase == "question" and state.deadline_ms is not None:
        remaining = max(state.deadline_ms - now_ms, 0)
    paused = evolve(state, paused=True, paused_remaining_ms=remaining)
    return paused, [Event("paused", ALL, {"remaining_ms": remaining})]


def _resume(spec: QuizSpec, state: QuizState, command: Resume, now_ms: int) -> Step:
    _require_phase(state, "lobby", "question", "reveal")
    if not state.paused:
        raise EngineError("not_paused", gettext_noop("Le jeu n'est pas en pause."))
    changes: dict[str, Any] = {"paused": False, "paused_remaining_ms": None}
    if state.phase == "question" and state.paused_remaining_ms is not None:
        deadline = now_ms + state.paused_remaining_ms
        shift = deadline - (state.deadline_ms or deadline)
        changes["deadline_ms"] = deadline
        changes["opened_at_ms"] = (state.opened_at_ms or now_ms) + shift
    resumed = evolve(state, **changes)
    data = {"deadline_ms": resumed.deadline_ms, "now_ms": now_ms}
    return resumed, [Event("resumed", ALL, data)]


def _end(spec: QuizSpec, state: QuizState, command: End, now_ms: int) -> Step:
    _require_phase(state, "lobby", "question", "reveal")
    return _finish(spec, state)


def _question_closed() -> EngineError:
    return EngineError("question_closed", gettext_noop("Cette question est terminée."))


def _answer(spec: QuizSpec, state: QuizState, command: Answer, now_ms: int) -> Step:
    """Record one answer; see scoring.answer_points for the points.

    Accepted only while the question is open and not paused, for the question the
    phone believes is open, until deadline + GRACE_MS, once per active player who
    was there when the question opened.
    """
    if state.phase != "question" or command.question_index != state.question_index:
        raise _question_closed()
    if state.paused:
        raise EngineError("game_paused", gettext_noop("Le jeu est en pause."))
    # Judged at the time the answer reached the server (a batch is applied a little later,
    # a resend after an outage much later); never later than now, never a phone's clock.
    if command.received_ms is not None:
        now_ms = min(now_ms, command.received_ms)
    if state.deadline_ms is None or now_ms > state.deadline_ms + GRACE_MS:
        raise _question_closed()
    player = state.players.get(command.player_id)
    if player is None:
        raise EngineError("unknown_player", gettext_noop("Joueur inconnu."))
    if not player["active"]:
        raise EngineError("player_kicked", gettext_noop("Tu as été retiré de la partie."))
    if player["first_question"] > state.question_index:
        raise EngineError(
            "not_eligible", gettext_noop("Tu joueras à partir de la prochaine question.")
        )
    if command.player_id in state.answers:
        raise EngineError("already_answered", gettext_noop("Tu as déjà répondu."))

    question = quiz_report.current_question(spec, state)
    answer = question.parse_answer(command.payload)
    fraction = question.grade(answer)
    elapsed = elapsed_ms(state.opened_at_ms or now_ms, now_ms, question.time_limit_s)
    entry = {
        "answer": answer,
        "fraction": fraction,
        "points": answer_points(question.points, fraction, elapsed, question.time_limit_s),
        "elapsed_ms": elapsed,
    }
    answered = evolve(state, answers={**state.answers, command.player_id: entry})
    events = [
        Event(
            "answer_accepted",
            to_player(command.player_id),
            {"question_index": command.question_index},
        ),
        _answer_count(answered),
    ]
    # The reveal (every player's result and the ranking: ~50 ms at 2,000 players) is not
    # made here: the last answers of a forum arrive by the hundred in one batch, whose
    # acknowledgements would wait for it (issue 12). The Tick that follows makes it.
    return answered, events


def _tick(spec: QuizSpec, state: QuizState, command: Tick, now_ms: int) -> Step:
    due = reveal_due_ms(state)
    if due is not None and now_ms > due:
        return _reveal(spec, state)
    return state, []


# "Due since long ago": the runner ticks at once.
DUE_NOW_MS = 0


def reveal_due_ms(state: QuizState) -> int | None:
    """The time after which the open question must be revealed: its deadline plus the
    grace period, or long ago once every expected player has answered; None when no clock
    runs (no question open, or paused)."""
    if state.phase != "question" or state.paused or state.deadline_ms is None:
        return None
    if _all_answered(state):
        return DUE_NOW_MS
    # Waiting for the grace period too, else the answers it exists for would be refused.
    return state.deadline_ms + GRACE_MS


_HANDLERS: dict[type[Command], Callable[..., Step]] = {
    Join: _join,
    Kick: _kick,
    Start: _start,
    Next: _next,
    Close: _close,
    Skip: _skip,
    Pause: _pause,
    Resume: _resume,
    End: _end,
    Answer: _answer,
    Tick: _tick,
}
