"""Micro-benchmark: writing and reading a forum's game state in PostgreSQL, as jsonb (Django's
JSONField) or as JSON text (games/models/fast_json.py), with each TOAST compression.

    .venv/bin/python bench/state_column.py [--players 2000] [--rounds 12]

A state shaped like a quiz's after four questions (players, the open question's answers,
the results of each question), about 520 KB for 2,000 players, is written as a batch does
(in a transaction that locks the row first) and read back as a process that did not write
it does. Needs the machine's PostgreSQL (TEST_POSTGRES_URL, as the scaled tests).
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

COLUMNS = {
    "jsonb (Django's JSONField)": ("jsonb", None),
    "json, lz4": ("json", "lz4"),
    "text, pglz": ("text", "pglz"),
    "text, lz4 (the game's columns)": ("text", "lz4"),
}


def forum_state(players: int) -> dict:
    ids = [str(n) for n in range(players)]
    return {
        "players": {
            pid: {
                "nickname": f"Joueur {pid}",
                "score": 1000 + int(pid),
                "active": True,
                "answer_time_ms_total": 12345,
                "first_question": 0,
            }
            for pid in ids
        },
        "answers": {
            pid: {"answer": [0], "fraction": 1.0, "points": 900, "elapsed_ms": 1234} for pid in ids
        },
        "history": [
            {"index": q, "skipped": False, "results": {pid: [1.0, 900, 1234] for pid in ids}}
            for q in range(4)
        ],
    }


def main() -> None:
    import orjson
    import psycopg

    from tests.support.services import scratch_postgres_database

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--players", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=12)
    args = parser.parse_args()
    text = orjson.dumps(forum_state(args.players)).decode()  # as fast_json.dumps writes it
    print(f"machine: {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"command: python bench/state_column.py --players {args.players} --rounds {args.rounds}")
    print(f"state: {len(text) / 1000:.0f} KB of JSON")
    with scratch_postgres_database() as url, psycopg.connect(url, autocommit=True) as conn:
        for name, (kind, compression) in COLUMNS.items():
            conn.execute("DROP TABLE IF EXISTS bench_state")
            conn.execute(f"CREATE TABLE bench_state (id int PRIMARY KEY, version int, s {kind})")
            if compression:
                conn.execute(
                    f"ALTER TABLE bench_state ALTER COLUMN s SET COMPRESSION {compression}"
                )
            conn.execute("INSERT INTO bench_state VALUES (1, 0, %s)", (text,))
            writes, reads = [], []
            for _ in range(args.rounds):
                began = time.perf_counter()
                with conn.transaction():
                    conn.execute("SELECT id FROM bench_state WHERE id = 1 FOR UPDATE")
                    conn.execute(
                        "UPDATE bench_state SET s = %s, version = version + 1 WHERE id = 1",
                        (text,),
                    )
                writes.append((time.perf_counter() - began) * 1000)
                began = time.perf_counter()
                conn.execute("SELECT s::text FROM bench_state WHERE id = 1").fetchone()
                reads.append((time.perf_counter() - began) * 1000)
            print(
                f"{name:>31}: write (commit included) median {statistics.median(writes):5.1f} ms,"
                f" read median {statistics.median(reads):4.1f} ms"
            )


if __name__ == "__main__":
    main()
