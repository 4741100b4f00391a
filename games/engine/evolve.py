"""`evolve(state, **changes)`: a copy of a frozen engine dataclass with some fields changed.

The same as `dataclasses.replace` for our states, which have no `__post_init__` and no
init-only fields, at a sixth of its cost: `replace` looks up every field of the class on
each call, and a burst of 2,000 answers makes two new states per answer (issue 12).
"""

from __future__ import annotations

from dataclasses import fields
from functools import cache
from typing import Any, TypeVar

T = TypeVar("T")


@cache
def _field_names(cls: type) -> frozenset[str]:
    return frozenset(field.name for field in fields(cls))


def evolve(state: T, **changes: Any) -> T:
    unknown = changes.keys() - _field_names(type(state))
    if unknown:  # a typo would otherwise add an attribute no one reads
        raise TypeError(f"{type(state).__name__} has no field {sorted(unknown)}")
    new = object.__new__(type(state))
    attributes = new.__dict__  # frozen dataclasses refuse setattr, not their __dict__
    attributes.update(state.__dict__)
    attributes.update(changes)
    return new
