"""What a phone learns after each reveal to feel the race: its place, the player just ahead and
by how many points, its run of right answers; and what the host learns: who has answered."""

from games.engine.commands import Answer, Close, Next, Skip
from games.kinds.quiz.engine.play import apply
from games.kinds.quiz.engine.snapshot import snapshot
from tests.unit.engine.engine_helpers import (
    CHOICE,
    T0,
    TRUE_FALSE,
    quiz_spec,
    quiz_with_players,
    run_quiz,
)

SPEC = quiz_spec(CHOICE, TRUE_FALSE, {**CHOICE, "id": "q3"}, {**TRUE_FALSE, "id": "q4"})
RIGHT = {0: [1], 1: True, 2: [1], 3: True}
WRONG = {0: [0], 1: False, 2: [0], 3: False}


def results(transition):
    return {e.audience: e.data for e in transition.events if e.type == "player_result"}


def play(state, index, answers, at_ms):
    """Answers {player id: right?} to question `index`, then the reveal's transition (the last
    answer reveals by itself when everybody has answered)."""
    transition = None
    for pid, right in answers.items():
        transition = apply(
            SPEC, state, Answer(pid, index, (RIGHT if right else WRONG)[index]), at_ms
        )
        state = transition.state
    if state.phase == "question":
        transition = apply(SPEC, state, Close(), at_ms + 2000 * len(answers))
    return transition


def mine(transition, pid):
    return next(data for audience, data in results(transition).items() if pid in str(audience))


def test_the_phone_learns_who_is_just_ahead_and_by_how_much():
    state = quiz_with_players(SPEC, "Lina", "Noé", "Sam")
    first = play(state, 0, {"1": True, "2": True, "3": False}, T0 + 1000)
    state = run_quiz(SPEC, first.state, Next(), now_ms=T0 + 9000)
    revealed = play(state, 1, {"1": True, "2": False, "3": False}, T0 + 10000)
    lina, noe, sam = (mine(revealed, pid) for pid in "123")
    assert lina["rank"] == 1 and lina["ahead"] is None  # the leader has nobody ahead
    assert noe["ahead"] == {"nickname": "Lina", "gap": lina["score"] - noe["score"]}
    assert noe["ahead"]["gap"] > 0
    assert sam["ahead"] == {"nickname": "Noé", "gap": noe["score"]}
    assert sam["rank"] == 3 and sam["player_count"] == 3


def test_tied_players_are_both_behind_the_same_player():
    state = quiz_with_players(SPEC, "Lina", "Noé", "Sam")
    revealed = play(state, 0, {"1": True}, T0 + 1000)
    noe, sam = mine(revealed, "2"), mine(revealed, "3")
    assert noe["ahead"] == sam["ahead"] == {"nickname": "Lina", "gap": mine(revealed, "1")["score"]}
    assert noe["rank"] == sam["rank"] == 2


def test_a_streak_counts_right_answers_in_a_row_and_a_skip_does_not_break_it():
    state = quiz_with_players(SPEC, "Lina", "Noé")
    first = play(state, 0, {"1": True, "2": True}, T0 + 1000)
    assert mine(first, "1")["streak"] == 1
    state = run_quiz(SPEC, first.state, Next(), now_ms=T0 + 2000)
    second = play(state, 1, {"1": True, "2": False}, T0 + 3000)
    assert mine(second, "1")["streak"] == 2
    assert mine(second, "2")["streak"] == 0
    state = run_quiz(SPEC, second.state, Next(), Skip(), now_ms=T0 + 4000)  # question 3 skipped
    fourth = play(state, 3, {"1": True}, T0 + 5000)
    assert mine(fourth, "1")["streak"] == 3
    assert (
        snapshot(SPEC, fourth.state, "player", "1", now_ms=T0 + 6000)["me"]["result"]["streak"] == 3
    )


def test_not_answering_breaks_a_streak():
    state = quiz_with_players(SPEC, "Lina", "Noé")
    first = play(state, 0, {"1": True}, T0 + 1000)
    state = run_quiz(SPEC, first.state, Next(), now_ms=T0 + 2000)
    second = play(state, 1, {"2": True}, T0 + 3000)
    assert mine(second, "1")["streak"] == 0


def test_the_host_knows_who_has_answered_but_not_what():
    state = quiz_with_players(SPEC, "Lina", "Noé")
    answered = apply(SPEC, state, Answer("2", 0, [0]), T0 + 500)
    count = next(e for e in answered.events if e.type == "answer_count")
    assert list(count.data["answered_ids"]) == ["2"]
    view = snapshot(SPEC, answered.state, "host", now_ms=T0 + 600)
    assert view["answered_ids"] == ["2"]
    phone = snapshot(SPEC, answered.state, "player", "1", now_ms=T0 + 600)
    assert "answered_ids" not in phone
