"""`evolve` is `dataclasses.replace` for engine states, without its per-call cost."""

from dataclasses import replace

import pytest

from games.engine.evolve import evolve
from games.kinds.quiz.engine.state import QuizState


def test_evolve_changes_the_named_fields_of_a_copy_and_nothing_else():
    state = QuizState(version=3, phase="question", players={"1": {"nickname": "Ana"}})
    changed = evolve(state, version=4, answers={"1": {"points": 10}})
    assert changed == replace(state, version=4, answers={"1": {"points": 10}})
    assert state.version == 3 and state.answers == {}
    assert changed.players is state.players  # shared, never changed in place


def test_evolve_keeps_the_copy_frozen():
    changed = evolve(QuizState(), phase="reveal")
    with pytest.raises(AttributeError):
        changed.phase = "lobby"


def test_evolve_refuses_a_field_the_state_does_not_have():
    with pytest.raises(TypeError, match="answer"):
        evolve(QuizState(), answer={})
