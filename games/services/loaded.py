"""Parsed specs and states, kept per process so hot paths don't re-read big JSON.

A session's spec never changes after launch, and a state is identified by (session, version):
every change increments the version. So both can be cached without ever being stale; what
is cached is only a parsed copy of what the database holds (engine states are immutable).
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from ..models import GameSession
from ..rules import rules_for

MAX_SESSIONS = 256

_specs: OrderedDict[int, Any] = OrderedDict()
_states: OrderedDict[int, tuple[int, Any]] = OrderedDict()


def _remember(cache: OrderedDict, key, value) -> None:
    cache[key] = value
    cache.move_to_end(key)
    while len(cache) > MAX_SESSIONS:
        cache.popitem(last=False)


def spec_of(session: GameSession):
    spec = _specs.get(session.pk)
    if spec is None:
        raw = session.spec if "spec" in session.__dict__ else _column(session, "spec")
        spec = rules_for(session.kind).load_spec(raw)
        _remember(_specs, session.pk, spec)
    return spec


def state_of(session: GameSession):
    cached = _states.get(session.pk)
    if cached is not None and cached[0] == session.version:
        return cached[1]
    raw = session.state if "state" in session.__dict__ else _column(session, "state")
    state = rules_for(session.kind).load_state(raw)
    _remember(_states, session.pk, (session.version, state))
    return state


def remember_state(session_id: int, state) -> None:
    """Called once a new state is committed: the next batch starts from it."""
    _remember(_states, session_id, (state.version, state))


def _column(session: GameSession, name: str):
    return GameSession.objects.filter(pk=session.pk).values_list(name, flat=True).get()
