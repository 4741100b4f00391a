"""Property-based tests: whatever a phone sends, the parser and the engine answer with a
refusal they name, never with another exception (issue 8).

Hypothesis draws the inputs: any text, any JSON value (deep, big, odd Unicode), and any
command dict with fields of any type, applied to every phase of a quiz and an escape game.
"""

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from games.engine import EngineError, command_from_dict
from games.engine.commands import COMMANDS
from games.kinds.escape.engine.play import apply as apply_escape
from games.kinds.quiz.engine.play import apply as apply_quiz
from games.protocol.bounds import MAX_DEPTH, OutOfBounds, check_value
from games.protocol.frames import ProtocolError, command_data, parse_frame
from tests.unit.engine.engine_helpers import (
    CHOICE,
    ESTIMATE,
    MATCHING,
    ORDERING,
    T0,
    TRUE_FALSE,
    escape_spec,
    escape_started,
    quiz_spec,
    quiz_with_players,
)

# Any JSON value, including the awkward ones: huge ints, floats at the edges, surrogates
# and control characters in strings and keys, deep nesting.
scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.integers(min_value=-(10**400), max_value=10**400)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text()
    # lone surrogates and control characters, as json.dumps escapes them
    | st.text(
        alphabet=st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF)
        | st.sampled_from("\x00\x1f\u2028")
    )
)
json_values = st.recursive(
    scalars,
    lambda children: (
        st.lists(children, max_size=6) | st.dictionaries(st.text(), children, max_size=6)
    ),
    max_leaves=40,
)
PROPERTY = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def depth(value) -> int:
    if isinstance(value, list):
        return 1 + max((depth(v) for v in value), default=0)
    if isinstance(value, dict):
        return 1 + max((depth(v) for v in value.values()), default=0)
    return 0


@PROPERTY
@given(st.text(max_size=300))
def test_any_text_is_a_frame_or_a_named_refusal(text):
    for role in ("player", "host"):
        try:
            message = parse_frame(text, role)
        except ProtocolError as error:
            assert error.code and error.message
        else:
            assert isinstance(message, dict) and isinstance(message["type"], str)


@PROPERTY
@given(json_values)
def test_any_json_value_is_parsed_within_bounds_or_refused(value):
    text = json.dumps({"type": "answer", "q": 0, "answer": value}, ensure_ascii=True)
    try:
        message = parse_frame(text, "player")
    except ProtocolError as error:
        assert error.code in {"invalid_message", "invalid_json", "frame_too_large"}
        return
    # What passes is safe for everything after: storable Unicode, numbers that fit.
    check_value(message)
    assert depth(message) <= MAX_DEPTH + 1
    json.dumps(message, ensure_ascii=False).encode("utf-8")


@pytest.mark.parametrize("deep", [100, 999, 5000])
def test_nesting_deeper_than_the_stack_is_refused_not_raised(deep):
    with pytest.raises(ProtocolError) as refused:
        parse_frame("[" * deep + "]" * deep, "player")
    assert refused.value.code in {"invalid_json", "invalid_message"}


def test_bounds_name_what_they_refuse():
    for value, reason in [
        (10**400, "number_out_of_range"),
        ("\ud800", "invalid_unicode"),
        ("a\x00", "invalid_unicode"),
        ([0] * 65, "too_many_items"),
        ("x" * 1001, "text_too_long"),
    ]:
        with pytest.raises(OutOfBounds) as refused:
            check_value(value)
        assert refused.value.reason == reason


QUIZ = quiz_spec(CHOICE, TRUE_FALSE, ORDERING, MATCHING, ESTIMATE)
ESCAPE = escape_spec()
command_dicts = st.builds(
    lambda kind, fields: {**fields, "type": kind},
    st.sampled_from(sorted(COMMANDS)),
    st.dictionaries(
        st.sampled_from(
            [
                "player_id",
                "team_id",
                "question_index",
                "payload",
                "enigme_id",
                "code",
                "text",
                "seconds",
                "nickname",
                "name",
            ]
        ),
        json_values,
        max_size=5,
    ),
)


def quiz_states():
    lobby = quiz_with_players(QUIZ, "Léa", "Tom", start=False)
    started = quiz_with_players(QUIZ, "Léa", "Tom")
    return [lobby, started]


QUIZ_STATES = quiz_states()
ESCAPE_STATES = [escape_started(ESCAPE, {"a": ["1", "2"], "b": ["3"]})]


@PROPERTY
@given(command_dicts)
def test_any_command_is_applied_or_refused_with_a_code(data):
    try:
        command = command_from_dict(data)
    except EngineError as error:
        assert error.code == "invalid_command"
        return
    for state in QUIZ_STATES:
        try:
            apply_quiz(QUIZ, state, command, T0 + 1_000)
        except EngineError as error:
            assert error.code
    for state in ESCAPE_STATES:
        try:
            apply_escape(ESCAPE, state, command, T0 + 1_000)
        except EngineError as error:
            assert error.code


@PROPERTY
@given(json_values, st.integers(min_value=0, max_value=4))
def test_any_answer_payload_to_any_question_is_graded_or_refused(payload, index):
    state = quiz_with_players(QUIZ, "Léa")
    # Open question `index` by answering and skipping there is long; a state jump is fine:
    state = state.__class__.from_dict({**state.to_dict(), "question_index": index})
    frame = {"type": "answer", "q": index, "answer": payload}
    try:
        command = command_from_dict(command_data(frame, player_id="1", team_id=None))
        apply_quiz(QUIZ, state, command, T0 + 500)
    except EngineError as error:
        assert error.code in {"invalid_answer", "invalid_command", "question_closed"}
