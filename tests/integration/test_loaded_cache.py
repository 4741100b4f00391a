"""The per-process cache of parsed states (games/services/loaded.py) tags a state with the
version read together with it, never with a version read in an earlier query."""

from __future__ import annotations

import copy

import pytest

from games.models import GameSession
from games.services import loaded
from tests.support.games import launch_quiz, make_teacher


@pytest.fixture(autouse=True)
def empty_cache():
    loaded._states.clear()
    yield
    loaded._states.clear()


def test_a_state_read_after_its_row_is_tagged_with_its_own_version(db):
    session = launch_quiz(make_teacher())
    first = session.version
    old_state = copy.deepcopy(session.state)

    stale = GameSession.objects.defer("state").get(pk=session.pk)  # version `first`, no state
    newer = {**copy.deepcopy(old_state), "version": first + 1}
    GameSession.objects.filter(pk=session.pk).update(state=newer, version=first + 1)

    assert loaded.state_of(stale).version == first + 1  # the state as it is now
    # Another reader that holds the row at `first`, state included, gets that state and not
    # the newer one cached under its version.
    same_row_at_first = GameSession.objects.get(pk=session.pk)
    same_row_at_first.version, same_row_at_first.state = first, old_state
    assert loaded.state_of(same_row_at_first).version == first
