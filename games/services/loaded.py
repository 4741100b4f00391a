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

from django.db.models import Case, F, Value, When

from games.kinds.registry import rules_for
from games.models import GameSession
from games.models.fast_json import JSONTextField

MAX_SESSIONS = 256
# The attribute a row locked by `with_state_unless_cached` carries: the row's state, or None
# when this process already holds that version parsed.
STATE_UNLESS_CACHED = "state_unless_cached"

_specs: OrderedDict[tuple, Any] = OrderedDict()
# session id -> (creation time, version, parsed state)
_states: OrderedDict[int, tuple[Any, int, Any]] = OrderedDict()


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


def with_state_unless_cached(queryset, session_id: int):
    """`queryset` (of GameSession, state deferred) reading the state in the same row read only
    if this process does not hold that version parsed already.

    In scaled mode two processes take turns on a forum's session: most batches start on a
    version the other process wrote, and reading its state apart cost one more round trip
    while the row was locked (docs/performance.md, fifth round)."""
    cached = _states.get(session_id)
    if cached is None:
        state: Any = F("state")
    else:
        created_at, version, _ = cached
        state = Case(
            When(created_at=created_at, version=version, then=Value(None)),
            default=F("state"),
            output_field=JSONTextField(),
        )
    return queryset.annotate(**{STATE_UNLESS_CACHED: state})


def state_of(session: GameSession):
    cached = _states.get(session.pk)
    if cached is not None and cached[:2] == (session.created_at, session.version):
        return cached[2]
    # The version that tags the cached copy is read with the state, in one row read: a row
    # loaded earlier without its state may be older than the state read now.
    if session.__dict__.get(STATE_UNLESS_CACHED) is not None:
        version, raw = session.version, session.__dict__[STATE_UNLESS_CACHED]
    elif "state" in session.__dict__:
        version, raw = session.version, session.state
    else:
        version, raw = (
            GameSession.objects.filter(pk=session.pk).values_list("version", "state").get()
        )
    state = rules_for(session.kind).load_state(raw)
    _remember(_states, session.pk, (session.created_at, version, state))
    return state


def remember_state(session: GameSession, state) -> None:
    """Called once a new state is committed: the next batch starts from it."""
    _remember(_states, session.pk, (session.created_at, state.version, state))


def _column(session: GameSession, name: str):
    return GameSession.objects.filter(pk=session.pk).values_list(name, flat=True).get()
