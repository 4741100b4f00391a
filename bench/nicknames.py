"""Measure the nickname filter: error rates on the test corpora, and time per nickname.

Usage: .venv/bin/python bench/nicknames.py
Prints the false-negative rate (bad nicknames accepted), the false-positive rate (ordinary
nicknames refused) with the names concerned, and the best of 3 timings of clean_nickname over
both corpora. The corpora are tests/fixtures/nicknames/{bad,ordinary}.txt.
"""

from __future__ import annotations

import contextlib
import os
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a script: the packages are at the repository root
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")

import django  # noqa: E402

django.setup()

from games.moderation.nicknames import NicknameError, clean_nickname  # noqa: E402
from tests.support.nickname_corpus import measure, read_corpus  # noqa: E402

RUNS = 3


def time_per_nickname(names: list[str]) -> float:
    best = float("inf")
    for _ in range(RUNS):
        started = time.perf_counter()
        for name in names:
            with contextlib.suppress(NicknameError):
                clean_nickname(name)
        best = min(best, time.perf_counter() - started)
    return best / len(names)


def main() -> int:
    started = time.perf_counter()
    clean_nickname("Léa")  # first call: builds the look-alike table and the expressions
    first_call = time.perf_counter() - started
    rates = measure()
    names = read_corpus("bad") + read_corpus("ordinary")
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    print(rates.summary())
    print(f"first call (tables built): {first_call * 1000:.0f} ms")
    print(f"clean_nickname: {time_per_nickname(names) * 1e6:.0f} µs per nickname (best of {RUNS})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
