"""Slowing down whoever scans PINs or mass-joins, without ever locking out a class or a forum.

A school router or a forum's Wi-Fi puts hundreds of phones behind one address, so:

- a phone that proves it is in the game (a valid resume cookie), or that it scanned the QR
  code of the class screen (a signed link), is never throttled;
- a PIN check is never refused outright: once an address has typed more wrong PINs than a
  forum's typos explain, every PIN check from it is *slowed down* (answered after a delay, a
  few at a time), right or wrong alike, so the time of the answer tells nothing and scanning
  the million PINs becomes a matter of days, while the class behind that address still gets
  in (only a flood that fills the queue gets "too many tries", for right and wrong alike);
- joins (new players) are counted per address too, with a budget a whole forum fits in;
- the counters live in the cache under a salted hash of the address, for one minute: no IP
  address is stored; and a cache that is away (Redis down) lets everyone through rather
  than answering 500.

Budgets are settings (docs/reliability.md): GAMES_PIN_MISSES_PER_MINUTE,
GAMES_JOINS_PER_ADDRESS_PER_MINUTE, GAMES_PIN_SLOW_DOWN_MS.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.core import signing
from django.core.cache import cache

from games.live.registry import per_loop

logger = logging.getLogger(__name__)

WINDOW_S = 60
# Over budget, each PIN check waits GAMES_PIN_SLOW_DOWN_MS, at most this many at once per
# address (per process); more waiting than that are refused: only a script queues so many.
SLOW_CONCURRENCY = 4
SLOW_QUEUE_MAX = 64


def slow_down_s() -> float:
    return getattr(settings, "GAMES_PIN_SLOW_DOWN_MS", 2_000) / 1000


def pin_misses_per_minute() -> int:
    return getattr(settings, "GAMES_PIN_MISSES_PER_MINUTE", 300)


# -- the QR code's link: proof that the phone saw the class screen ---------------------------

QR_SALT = "games.qr-join"
QR_MAX_AGE_S = 24 * 60 * 60


def qr_key(pin: str) -> str:
    """The `k` parameter of the QR code's link: a phone that scanned it is never slowed down
    (it read the PIN off the class screen; a script scanning PINs cannot forge it)."""
    return signing.TimestampSigner(salt=QR_SALT).sign(pin).split(":", 1)[1]


def scanned_qr(pin: str, key: str) -> bool:
    if not key or len(key) > 100:
        return False
    try:
        signing.TimestampSigner(salt=QR_SALT).unsign(f"{pin}:{key}", max_age=QR_MAX_AGE_S)
    except signing.BadSignature:
        return False
    return True


def joins_per_minute() -> int:
    return getattr(settings, "GAMES_JOINS_PER_ADDRESS_PER_MINUTE", 2_400)


def _key(kind: str, address: str) -> str:
    digest = hashlib.sha256(f"{settings.SECRET_KEY}|{address}".encode()).hexdigest()[:32]
    return f"games:{kind}:{digest}"


def _count(kind: str, address: str) -> int:
    try:
        return cache.get(_key(kind, address), 0)
    except Exception as error:  # noqa: BLE001 - the cache away must not refuse anyone
        logger.warning("throttle cache unavailable, letting through: %s", error)
        return 0


def _add_one(kind: str, address: str) -> None:
    key = _key(kind, address)
    try:
        # add() starts the window only once: the count expires a minute after the first one.
        cache.add(key, 0, timeout=WINDOW_S)
        try:
            cache.incr(key)
        except ValueError:  # expired between add() and incr()
            cache.set(key, 1, timeout=WINDOW_S)
    except Exception as error:  # noqa: BLE001
        logger.warning("throttle cache unavailable, not counting: %s", error)


def guessing(address: str) -> bool:
    """This address typed more wrong PINs than a crowd's typos explain."""
    return _count("pin-misses", address) >= pin_misses_per_minute()


def record_miss(address: str) -> None:
    _add_one("pin-misses", address)


def too_many_joins(address: str) -> bool:
    return _count("joins", address) >= joins_per_minute()


def record_join(address: str) -> None:
    _add_one("joins", address)


class TooManyWaiting(Exception):
    """More slowed-down checks queue from one address than any crowd would send."""


@dataclass
class _Lane:
    gate: asyncio.Semaphore = field(default_factory=lambda: asyncio.Semaphore(SLOW_CONCURRENCY))
    waiting: int = 0


_lanes_of_loop = per_loop(dict)


async def slow_down(address: str) -> None:
    """Wait before answering a PIN check from a guessing address (async: costs no thread)."""
    key = _key("lane", address)
    _lanes = _lanes_of_loop()
    lane = _lanes.setdefault(key, _Lane())
    if lane.waiting >= SLOW_QUEUE_MAX:
        raise TooManyWaiting(address)
    lane.waiting += 1
    try:
        async with lane.gate:
            await asyncio.sleep(slow_down_s())
    finally:
        lane.waiting -= 1
        if lane.waiting == 0:
            _lanes.pop(key, None)
