"""Standard competition ranking ("1, 1, 3"), shared by the quiz and the escape game."""

from __future__ import annotations

import functools
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

# States of this many recent versions (of any session) keep their reports.
PER_STATE_KEPT = 16


def per_state(report: Callable[[Any], R]) -> Callable[[Any], R]:
    """Remember `report(state)` for the same state object.

    States are frozen, and the process shares one object per session version
    (services/loaded.py): when 2,000 phones join, each snapshot asked for the ranks of the
    same state and sorted 2,000 players again, a third of the server's time (issue 12). The
    result is shared: callers read it and never change it.
    """
    recent: OrderedDict[int, tuple[Any, R]] = OrderedDict()
    lock = threading.Lock()

    @functools.wraps(report)
    def remembered(state):
        with lock:
            hit = recent.get(id(state))
            if hit is not None and hit[0] is state:
                return hit[1]
        value = report(state)
        with lock:
            # The state itself is kept with its report, so its id cannot be reused meanwhile.
            recent[id(state)] = (state, value)
            while len(recent) > PER_STATE_KEPT:
                recent.popitem(last=False)
        return value

    return remembered


def competition_ranks(
    items: Iterable[T],
    order_key: Callable[[T], Any],
    tie_key: Callable[[T], Any],
) -> list[tuple[int, T]]:
    """Sort by `order_key` and number the items; items with equal `tie_key` share a rank.

    `order_key` must sort by `tie_key` first, then by whatever decides the listing
    order among tied items (the tie breakers move an item down the list, not its rank).
    """
    ranked: list[tuple[int, T]] = []
    previous: Any = None
    rank = 0
    for position, item in enumerate(sorted(items, key=order_key), start=1):
        key = tie_key(item)
        if position == 1 or key != previous:
            rank = position
        previous = key
        ranked.append((rank, item))
    return ranked
