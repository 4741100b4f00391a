"""Strict readers for the plain dicts the engine loads (specs, states, commands).

Stored JSON is read back by these helpers so that a malformed document fails
with an `EngineError` naming the field, instead of a KeyError deep in the rules.
`bool` is refused where an int is expected: JSON `true` is not a number.
"""

from __future__ import annotations

import math
from typing import Any

from games.engine.errors import EngineError
from games.engine.problems import gettext_noop

INVALID_FIELD = gettext_noop("%(where)s : champ « %(field)s » invalide.")

_MISSING = object()


def _fail(code: str, where: str, key: str) -> EngineError:
    return EngineError(
        code,
        gettext_noop("%(where)s : champ « %(field)s » manquant ou invalide."),
        where=where,
        field=key,
    )


def read_str(data: dict, key: str, where: str, code: str, default: Any = _MISSING) -> str:
    value = data.get(key, default)
    if value is _MISSING or not isinstance(value, str):
        raise _fail(code, where, key)
    return value


def read_id(data: dict, key: str, where: str, code: str) -> str:
    """Ids may arrive as database integers; the engine keys everything by str."""
    value = data.get(key, _MISSING)
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise _fail(code, where, key)
    text = str(value)
    if not text:
        raise _fail(code, where, key)
    return text


def read_int(data: dict, key: str, where: str, code: str, default: Any = _MISSING) -> int:
    value = data.get(key, default)
    if value is _MISSING or isinstance(value, bool) or not isinstance(value, int):
        raise _fail(code, where, key)
    return value


def read_number(data: dict, key: str, where: str, code: str, default: Any = _MISSING) -> float:
    value = data.get(key, default)
    if not is_number(value):
        raise _fail(code, where, key)
    return value


def read_bool(data: dict, key: str, where: str, code: str, default: Any = _MISSING) -> bool:
    value = data.get(key, default)
    if not isinstance(value, bool):
        raise _fail(code, where, key)
    return value


def read_list(data: dict, key: str, where: str, code: str, default: Any = _MISSING) -> list:
    value = data.get(key, default)
    if value is _MISSING or not isinstance(value, list):
        raise _fail(code, where, key)
    return list(value)


def read_dict(data: dict, key: str, where: str, code: str, default: Any = _MISSING) -> dict:
    value = data.get(key, default)
    if value is _MISSING or not isinstance(value, dict):
        raise _fail(code, where, key)
    return dict(value)


def keyed_by_str(mapping: dict, value_type: type, where: str, code: str) -> dict:
    """`mapping` with str keys and values of `value_type` (dict or list), as the rules need.

    Parsed JSON already has that shape, and a state is never changed in place: it is kept as
    it is. Copying each of a forum's 2,000 players and answers again was half the cost of
    reading a state, paid on most batches in scaled mode (docs/performance.md, fifth round).
    Anything else (ints as keys, tuples from Python callers) is checked and converted."""
    if all(type(key) is str and type(item) is value_type for key, item in mapping.items()):
        return mapping
    converted = {}
    for key, item in mapping.items():
        if not isinstance(item, value_type):
            raise EngineError(code, INVALID_FIELD, where=where, field=str(key))
        converted[str(key)] = value_type(item)
    return converted


# Numbers the rules compute with as floats: a larger int (JSON allows 10**400) would
# overflow when compared with one.
MAX_MAGNITUDE = 1e15


def is_number(value: Any) -> bool:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    if isinstance(value, int):
        return -MAX_MAGNITUDE <= value <= MAX_MAGNITUDE
    return math.isfinite(value) and abs(value) <= MAX_MAGNITUDE


def require_dict(data: Any, where: str, code: str) -> dict:
    if not isinstance(data, dict):
        raise EngineError(code, gettext_noop("%(where)s : un objet est attendu."), where=where)
    return data


def read_optional_int(data: dict, key: str, where: str, code: str) -> int | None:
    """An int, or None when the key is missing or null (a deadline not set yet)."""
    return None if data.get(key) is None else read_int(data, key, where, code)


def read_phase(data: dict, where: str, code: str, phases) -> str:
    """The state's phase, one of `phases`."""
    phase = read_str(data, "phase", where, code)
    if phase not in phases:
        raise EngineError(
            code,
            gettext_noop("%(where)s : phase inconnue %(phase)r."),
            where=where,
            field="phase",
            phase=phase,
        )
    return phase
