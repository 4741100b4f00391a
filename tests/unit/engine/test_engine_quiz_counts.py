"""The count of expected answers that lets a burst of answers be applied in linear time."""

from games.engine.commands import Answer, Join, Kick, Start, Tick
from games.kinds.quiz.engine.state import QuizState
from tests.unit.engine.engine_helpers import CHOICE, quiz_spec, run_quiz


def test_expected_count_follows_joins_and_kicks():
    spec = quiz_spec(CHOICE, {**CHOICE, "id": "q2"})
    state = run_quiz(
        spec, QuizState.new(spec), Join("1", "Léa"), Join("2", "Tom"), Join("3", "Max"), Start()
    )
    assert state.expected_count == 3
    late = run_quiz(spec, state, Join("4", "Zoé"))
    assert late.expected_count == 3, "a late joiner plays from the next question"
    answered = run_quiz(spec, late, Answer("1", 0, [1]), Answer("2", 0, [1]))
    assert answered.phase == "question"
    # Kicking the last one who had not answered makes the question due: the tick reveals it.
    revealed = run_quiz(spec, answered, Kick("3"), Tick())
    assert revealed.phase == "reveal"


def test_a_kicked_players_answer_no_longer_counts():
    spec = quiz_spec(CHOICE)
    state = run_quiz(spec, QuizState.new(spec), Join("1", "Léa"), Join("2", "Tom"), Start())
    state = run_quiz(spec, state, Answer("1", 0, [1]), Kick("1"))
    assert state.phase == "question" and state.expected_count == 1 and not state.answers
    assert run_quiz(spec, state, Answer("2", 0, [0]), Tick()).phase == "reveal"


def test_states_saved_before_the_count_existed_still_load():
    spec = quiz_spec(CHOICE)
    saved = QuizState.new(spec).to_dict()
    del saved["expected_count"]
    assert QuizState.from_dict(saved).expected_count == 0
