"""Reading stored states: parsed JSON is kept as it is, anything else is checked."""

import orjson
import pytest

from games.engine import EngineError
from games.engine.fields import keyed_by_str
from games.kinds.quiz.engine.state import QuizState


def test_parsed_json_is_kept_without_a_copy():
    players = orjson.loads(b'{"1": {"score": 3}, "2": {"score": 0}}')
    assert keyed_by_str(players, dict, "État", "invalid_state") is players


def test_python_callers_keys_and_values_are_converted():
    rows = {1: [1.0, 900, 1234]}
    assert keyed_by_str(rows, list, "État", "invalid_state") == {"1": [1.0, 900, 1234]}


@pytest.mark.parametrize("broken", [{"1": "Léa"}, {"1": None}, {"1": [1]}])
def test_a_record_of_the_wrong_type_is_a_clear_error(broken):
    with pytest.raises(EngineError) as error:
        keyed_by_str(broken, dict, "État du quiz", "invalid_state")
    assert error.value.code == "invalid_state"
    assert error.value.details["field"] == "1"


def test_a_quiz_state_read_back_shares_what_was_parsed():
    stored = {
        "version": 4,
        "phase": "question",
        "paused": False,
        "paused_remaining_ms": None,
        "question_index": 1,
        "opened_at_ms": 10,
        "deadline_ms": 20,
        "question_count": 2,
        "expected_count": 1,
        "players": {"7": {"nickname": "Léa", "score": 900, "active": True}},
        "answers": {"7": {"answer": [0], "fraction": 1.0, "points": 900, "elapsed_ms": 5}},
        "history": [{"index": 0, "skipped": False, "results": {"7": [1.0, 900, 5]}}],
    }
    parsed = orjson.loads(orjson.dumps(stored))
    state = QuizState.from_dict(parsed)
    assert state.to_dict() == stored
    assert state.players["7"] is parsed["players"]["7"]
    assert state.history[0]["results"]["7"] is parsed["history"][0]["results"]["7"]
