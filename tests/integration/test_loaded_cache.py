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


def _locked(session_id):
    from django.db import transaction

    from games.services.play import lock_open_session

    with transaction.atomic():
        return lock_open_session(session_id)


def test_the_lock_brings_the_state_only_when_this_process_lacks_that_version(db):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    session = launch_quiz(make_teacher())
    # Nothing cached: the state comes with the locked row, in the same query.
    locked = _locked(session.pk)
    with CaptureQueriesContext(connection) as queries:
        state = loaded.state_of(locked)
    assert len(queries) == 0
    assert state.version == session.version

    # This process holds that version: the lock leaves the half-megabyte column behind.
    again = _locked(session.pk)
    assert getattr(again, loaded.STATE_UNLESS_CACHED) is None
    assert loaded.state_of(again) is state

    # Another process moved the game on: the new state comes with the lock.
    newer = {**copy.deepcopy(session.state), "version": session.version + 1}
    GameSession.objects.filter(pk=session.pk).update(state=newer, version=session.version + 1)
    moved = _locked(session.pk)
    with CaptureQueriesContext(connection) as queries:
        assert loaded.state_of(moved).version == session.version + 1
    assert len(queries) == 0


def test_a_session_id_reused_after_a_flush_is_not_served_the_old_state(db):
    session = launch_quiz(make_teacher())
    loaded.state_of(_locked(session.pk))
    # Same id, same version, another creation time: a database restored or flushed.
    later = session.created_at.replace(year=session.created_at.year + 1)
    GameSession.objects.filter(pk=session.pk).update(
        created_at=later, state={**copy.deepcopy(session.state), "question_count": 99}
    )
    relocked = _locked(session.pk)
    assert loaded.state_of(relocked).question_count == 99
