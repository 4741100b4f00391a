"""Slowing down whoever tries PIN after PIN, on the join page and on the websocket alike.

No IP address is stored: misses are counted in the cache under a salted hash of the
address, for one minute. A class behind one school router shares an address, so only wrong
PINs are counted, and generously, so that thirty students mistyping never lock each other out.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.cache import cache

PIN_MISSES_PER_MINUTE = 20
PIN_MISS_WINDOW_S = 60


def _misses_key(address: str) -> str:
    digest = hashlib.sha256(f"{settings.SECRET_KEY}|{address}".encode()).hexdigest()[:32]
    return f"games:pin-misses:{digest}"


def too_many_misses(address: str) -> bool:
    return cache.get(_misses_key(address), 0) >= PIN_MISSES_PER_MINUTE


def record_miss(address: str) -> None:
    key = _misses_key(address)
    # add() starts the window only once: the count expires a minute after the first miss.
    cache.add(key, 0, timeout=PIN_MISS_WINDOW_S)
    try:
        cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.set(key, 1, timeout=PIN_MISS_WINDOW_S)
