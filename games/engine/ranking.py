"""Standard competition ranking ("1, 1, 3"), shared by the quiz and the escape game."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, TypeVar

T = TypeVar("T")


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
