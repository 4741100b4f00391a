"""Micro-benchmark: reading a forum's quiz state back from its JSON text, as a process does
before most batches in scaled mode (the other process wrote it): orjson's parse, then
`QuizState.from_dict` (issue 12, docs/performance.md « fifth round »).

    .venv/bin/python bench/state_read.py [--players 2000] [--rounds 30]

The state is shaped like a quiz's after four questions (bench/state_column.py). The garbage
collector is set as the server sets it (cms/runtime.py: what is loaded frozen, the project's
thresholds).
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def median_ms(action, rounds: int) -> float:
    times = []
    for _ in range(rounds):
        began = time.perf_counter()
        action()
        times.append((time.perf_counter() - began) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--players", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=30)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")
    import django

    django.setup()
    import orjson
    from state_column import forum_state

    from cms.runtime import tune_for_serving
    from games.kinds.quiz.engine.state import QuizState

    tune_for_serving()
    stored = {
        **forum_state(args.players),
        "version": 40,
        "phase": "question",
        "paused": False,
        "paused_remaining_ms": None,
        "question_index": 4,
        "opened_at_ms": 1,
        "deadline_ms": 2,
        "question_count": 5,
        "expected_count": args.players,
    }
    text = orjson.dumps(stored)
    print(f"machine: {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"command: python bench/state_read.py --players {args.players} --rounds {args.rounds}")
    print(f"state: {len(text) / 1000:.0f} KB of JSON")
    parse = median_ms(lambda: orjson.loads(text), args.rounds)
    load = median_ms(lambda: QuizState.from_dict(orjson.loads(text)), args.rounds)
    print(f"orjson.loads: median {parse:.2f} ms")
    print(f"orjson.loads + QuizState.from_dict: median {load:.2f} ms")


if __name__ == "__main__":
    main()
