"""The host removes a player in every phase of a running quiz (the players panel)."""

import pytest

from games.engine.commands import Answer, Close, End, Kick, Next, Pause
from games.engine.errors import EngineError
from games.kinds.quiz.engine.play import apply
from games.kinds.quiz.engine.report import ranking
from games.kinds.quiz.engine.snapshot import snapshot
from tests.unit.engine.engine_helpers import (
    CHOICE,
    T0,
    TRUE_FALSE,
    quiz_spec,
    quiz_with_players,
    run_quiz,
)

SPEC = quiz_spec(CHOICE, TRUE_FALSE)


def kicked_in(state, player_id="2"):
    transition = apply(SPEC, state, Kick(player_id), T0 + 50)
    assert transition.state.players[player_id]["active"] is False
    assert ("player_kicked", f"player:{player_id}") in [
        (e.type, e.audience) for e in transition.events
    ]
    return transition


@pytest.mark.parametrize(
    "commands",
    [
        pytest.param([], id="lobby"),
        pytest.param([None], id="question"),
        pytest.param([None, Pause()], id="paused question"),
        pytest.param([None, Close()], id="reveal with the leaderboard"),
        pytest.param([None, Close(), Next()], id="second question"),
    ],
)
def test_a_kick_is_taken_in_every_phase_of_a_running_game(commands):
    state = quiz_with_players(SPEC, "Ana", "Bob", "Cléo", start=bool(commands))
    state = run_quiz(SPEC, state, *[c for c in commands if c is not None])
    transition = kicked_in(state)
    assert "2" not in [row["player_id"] for row in ranking(transition.state)]
    host_view = snapshot(SPEC, transition.state, "host", now_ms=T0 + 50)
    assert {p["player_id"]: p["active"] for p in host_view["players"]}["2"] is False


def test_a_kick_during_a_question_no_longer_waits_for_that_player():
    state = quiz_with_players(SPEC, "Ana", "Bob", "Cléo")
    state = run_quiz(SPEC, state, Answer("1", 0, [1]))
    transition = kicked_in(state)
    assert transition.state.expected_count == 2
    assert transition.state.phase == "question"  # Cléo has not answered yet
    counts = [
        {**e.data, "answered_ids": list(e.data["answered_ids"])}
        for e in transition.events
        if e.type == "answer_count"
    ]
    assert counts == [{"question_index": 0, "answered": 1, "expected": 2, "answered_ids": ["1"]}]


def test_a_kick_at_the_reveal_leaves_the_question_s_results_and_the_next_count():
    state = quiz_with_players(SPEC, "Ana", "Bob")
    state = run_quiz(SPEC, state, Answer("2", 0, [1]), Close())
    transition = kicked_in(state)
    following = run_quiz(SPEC, transition.state, Next())
    assert following.phase == "question"
    assert following.expected_count == 1


def test_no_kick_once_the_game_is_over():
    state = run_quiz(SPEC, quiz_with_players(SPEC, "Ana", "Bob"), End())
    with pytest.raises(EngineError) as caught:
        apply(SPEC, state, Kick("2"), T0)
    assert caught.value.code == "wrong_phase"
