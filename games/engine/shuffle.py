"""Deterministic shuffling that does not depend on the `random` module.

The public order of items must be the same on every server process and after a
restart (a phone that reconnects must see the same order), and it must not change
with the Python version: `random.shuffle` gives no such promise. Sorting by a
SHA-256 digest of (seed, key) does.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence


def _digest(seed: str, key: str) -> bytes:
    return hashlib.sha256(f"{seed}\x1f{key}".encode()).digest()


def seeded_order(keys: Sequence[str], seed: str) -> list[str]:
    return sorted(keys, key=lambda key: (_digest(seed, key), key))


def seeded_order_unlike(keys: Sequence[str], seed: str) -> list[str]:
    """A seeded order that is never `keys` itself when there are two keys or more.

    Showing items already in the solution order would give the answer away, so an
    unlucky shuffle is rotated by one place.
    """
    order = seeded_order(keys, seed)
    if len(order) >= 2 and order == list(keys):
        order = order[1:] + order[:1]
    return order
