"""Quiz points, computed on the server from server timestamps only."""

from __future__ import annotations

import math

# Answers are accepted until the deadline plus this grace: a player who tapped
# just before the end still reaches the server a few hundred milliseconds later
# over a school's Wi-Fi. The phone's own clock is never trusted.
GRACE_MS = 300

# The fastest right answer earns full points, the slowest still earns half.
SPEED_WEIGHT = 0.5


def elapsed_ms(opened_at_ms: int, now_ms: int, time_limit_s: int) -> int:
    """Time taken to answer, clamped to [0, time limit]: an answer in the grace
    period counts as given at the deadline."""
    return min(max(now_ms - opened_at_ms, 0), time_limit_s * 1000)


def answer_points(base_points: int, fraction: float, elapsed: int, time_limit_s: int) -> int:
    """points = round_half_up(base * fraction * (1 - 0.5 * elapsed / limit)), 0 when fraction is 0.

    `elapsed` is `elapsed_ms(...)`, so an answer at the very start is worth
    `base * fraction` and one at the deadline `base * fraction / 2`. Time spent
    paused does not count: resuming moves the opening time forward.
    """
    if fraction <= 0:
        return 0
    limit = time_limit_s * 1000
    speed = 1 - SPEED_WEIGHT * (elapsed / limit) if limit > 0 else 1
    return math.floor(base_points * fraction * speed + 0.5)
