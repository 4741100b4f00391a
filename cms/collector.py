"""How the server process uses Python's garbage collector (issue 12, docs/performance.md).

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

`GC_THRESHOLDS="700,10,10"` (Python's defaults) runs the process as before, to measure side
by side.
"""

from __future__ import annotations

import gc
import os

THRESHOLDS = (5_000, 10, 100)


def thresholds_from(value: str | None) -> tuple[int, int, int]:
    if not value:
        return THRESHOLDS
    first, second, third = (int(part) for part in value.split(","))
    return first, second, third


def tune_for_serving() -> None:
    """Call once everything long-lived is loaded, before the server takes connections."""
    gc.freeze()
    gc.set_threshold(*thresholds_from(os.environ.get("GC_THRESHOLDS")))
