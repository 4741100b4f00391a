"""The service side of an answer burst, without sockets: how long `apply_commands` takes to
apply the answers of N players to Q questions, batch by batch, and how much of it the garbage
collector takes (issue 12, docs/performance.md « Forum scale », third round).

    .venv/bin/python bench/answer_service.py --players 2000 --batch 300
    .venv/bin/python bench/answer_service.py --gc-thresholds 700,10,10   # Python's defaults

The collector is set as the server sets it (cms/runtime.py: what is loaded frozen, the
project's thresholds) unless --gc-thresholds says otherwise. The database is a fresh SQLite
file, as in the embedded default.
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


class CollectorClock:
    """Time spent in the garbage collector, and its passes by generation."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self.passes = [0, 0, 0]
        self._started = 0.0
        gc.callbacks.append(self._callback)

    def reset(self) -> None:
        self.seconds, self.passes = 0.0, [0, 0, 0]

    def _callback(self, phase: str, info: dict) -> None:
        if phase == "start":
            self._started = time.perf_counter()
        else:
            self.seconds += time.perf_counter() - self._started
            self.passes[info["generation"]] += 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--players", type=int, default=2000)
    parser.add_argument("--batch", type=int, default=300)
    parser.add_argument("--gc-thresholds", default=None)
    args = parser.parse_args()

    workdir = tempfile.mkdtemp(prefix="mej-answers-")
    os.environ.update(
        DJANGO_SETTINGS_MODULE="cms.settings.test",
        DATABASE_URL=f"sqlite:///{workdir}/bench.sqlite3",
    )
    subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "migrate", "--noinput", "-v0"], cwd=ROOT, check=True
    )
    import django

    django.setup()
    from load_quiz import QUESTIONS, bench_nicknames, quiz_spec

    from cms import runtime
    from games.engine.commands import Answer, Next, Start, Tick
    from games.services.clock import now_ms
    from games.services.play import apply_commands
    from tests.support.scripted import create_class

    klass = create_class(quiz_spec(), bench_nicknames(args.players))
    session_id = klass["session_id"]
    if args.gc_thresholds:
        os.environ["GC_THRESHOLDS"] = args.gc_thresholds
    runtime.tune_for_serving()
    clock = CollectorClock()
    apply_commands(session_id, [Start()], now_ms())

    answer_ms = 0.0
    for question in range(QUESTIONS):
        answers = [
            Answer(
                player_id=player["player_id"],
                question_index=question,
                payload=[0],
                received_ms=now_ms(),
            )
            for player in klass["players"]
        ]
        for start in range(0, len(answers), args.batch):
            started = time.perf_counter()
            outcome = apply_commands(session_id, answers[start : start + args.batch], now_ms())
            answer_ms += (time.perf_counter() - started) * 1000
            refused = [result.error for result in outcome.results if not result.ok]
            if refused:
                raise SystemExit(f"answers refused: {refused[:2]}")
        # The reveal, which the runner's tick makes right after the last answer.
        started = time.perf_counter()
        apply_commands(session_id, [Tick()], now_ms())
        answer_ms += (time.perf_counter() - started) * 1000
        if question < QUESTIONS - 1:
            apply_commands(session_id, [Next()], now_ms())

    count = args.players * QUESTIONS
    print(f"machine: {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"command: python bench/answer_service.py {' '.join(sys.argv[1:])}")
    print(
        f"answers: {count} in batches of {args.batch}: {answer_ms:.0f} ms, "
        f"{answer_ms * 1000 / count:.1f} µs an answer (the reveals included)"
    )
    print(
        f"garbage collector: {clock.seconds * 1000:.0f} ms, passes by generation "
        f"{clock.passes} (thresholds {gc.get_threshold()})"
    )


if __name__ == "__main__":
    main()
