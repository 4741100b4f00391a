"""Parsed specs and states, kept per process so hot paths don't re-read big JSON.

A session's spec never changes after launch, and a state is identified by (session, version):
every change increments the version. So both can be cached without ever being stale; what
is cached is only a parsed copy of what the database holds (engine states are immutable).
A session is known by its id and creation time together: ids can come back (a database
restored or flushed, as tests do), a creation time with them cannot.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from games.kinds.registry import rules_for
from games.models import GameSession

MAX_SESSIONS = 256

_specs: OrderedDict[tuple, Any] = OrderedDict()
_states: OrderedDict[tuple, tuple[int, Any]] = OrderedDict()


def _key(session: GameSession) -> tuple:
    return (session.pk, session.created_at)


def _remember(cache: OrderedDict, key, value) -> None:
    cache[key] = value
    cache.move_to_end(key)
    while len(cache) > MAX_SESSIONS:
        cache.popitem(last=False)


def spec_of(session: GameSession):
    spec = _specs.get(_key(session))
    if spec is None:
        raw = session.spec if "spec" in session.__dict__ else _column(session, "spec")
        spec = rules_for(session.kind).load_spec(raw)
        _remember(_specs, _key(session), spec)
    return spec


def state_of(session: GameSession):
    cached = _states.get(_key(session))
    if cached is not None and cached[0] == session.version:
        return cached[1]
    # The version that tags the cached copy is read with the state, in one row read: a row
    # loaded earlier without its state may be older than the state read now.
    if "state" in session.__dict__:
        version, raw = session.version, session.state
    else:
        version, raw = (
            GameSession.objects.filter(pk=session.pk).values_list("version", "state").get()
        )
    state = rules_for(session.kind).load_state(raw)
    _remember(_states, _key(session), (version, state))
    return state


def remember_state(session: GameSession, state) -> None:
    """Called once a new state is committed: the next batch starts from it."""
    _remember(_states, _key(session), (state.version, state))


def _column(session: GameSession, name: str):
    return GameSession.objects.filter(pk=session.pk).values_list(name, flat=True).get()
