"""How the server process sets up the interpreter: its garbage collector and how often its
two threads (the event loop and the database thread) take turns (issue 12,
docs/performance.md).

**Garbage collector.**
Reference counting frees almost everything; the cyclic collector only finds objects that
point at each other. Its passes stop the whole process: a full pass over the 2,000
connections of a forum took 125-180 ms, and with Python's default thresholds it ran about ten
times during one 2,000-phone quiz, a quarter of the server's time, felt by every phone
waiting for an acknowledgement at that moment.

So the process
- freezes what it loaded at start (Django, Wagtail, the project): it lives as long as the
  process, and no pass needs to look at it again;
- collects the youngest objects every 5,000 allocations instead of 700 and seldom looks at
  the oldest: the game's own data holds no cycles, and the two loops that daphne and autobahn
  left on every connection are broken where they form (games/live/daphne_socket.py), so
  a forum no longer leaves anything for a full pass to find.

**Thread switches.** The event loop (sockets) and the database thread (the engine and the
ORM, in pure Python for SQLite) share one interpreter lock; Python makes a thread hand it over
every 5 ms when the other waits. During an answer burst both always wait, so every 5 ms the
work moved between threads and back; every 20 ms did the same work in fewer, longer turns:
at 2,000 phones, four runs each side by side, acknowledgement p99 422 ms on average against
504 ms, and less server time per answer.

`GC_THRESHOLDS="700,10,10"` (Python's defaults) and `SWITCH_INTERVAL_S=0.005` (Python's
default) run the process as before, to measure side by side.
"""

from __future__ import annotations

import gc
import os
import sys

THRESHOLDS = (5_000, 10, 100)
SWITCH_INTERVAL_S = 0.02


def thresholds_from(value: str | None) -> tuple[int, int, int]:
    if not value:
        return THRESHOLDS
    try:
        first, second, third = (int(part) for part in value.split(","))
    except ValueError as error:
        raise ValueError(
            f"GC_THRESHOLDS: three integers separated by commas (700,10,10), not {value!r}"
        ) from error
    return first, second, third


def tune_for_serving() -> None:
    """Call once everything long-lived is loaded, before the server takes connections."""
    gc.freeze()
    gc.set_threshold(*thresholds_from(os.environ.get("GC_THRESHOLDS")))
    sys.setswitchinterval(float(os.environ.get("SWITCH_INTERVAL_S") or SWITCH_INTERVAL_S))
