"""Micro-benchmark: writing a batch of answer rows in PostgreSQL, three ways, each in its own
transaction with its commit (issue 12, docs/performance.md « fifth round »).

    .venv/bin/python bench/answer_rows.py [--rows 300] [--rounds 15]

- executemany: one INSERT per row, which psycopg pipelines (the game's writer before);
- unnest: one INSERT of eight arrays;
- COPY: `COPY ... FROM STDIN`, rows formatted by psycopg's C code (games/services/answer_rows.py).

Each also reports the CPU this process used per batch: in the server that time is spent
holding the interpreter lock while the session's row is locked. Needs the machine's
PostgreSQL (TEST_POSTGRES_URL, as the scaled tests); the table is the game's `Answer`
shape, with its unique constraint.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

# Constant SQL text (no input reaches it): the f-strings below only paste these names.
COLUMNS = (
    "session_id, player_id, question_index, payload, fraction, points, elapsed_ms, answered_at"
)
TABLE = """CREATE TABLE bench_answer (
    id bigserial PRIMARY KEY, session_id int, player_id int, question_index smallint,
    payload jsonb, fraction float8, points int, elapsed_ms int, answered_at timestamptz,
    UNIQUE (player_id, question_index))"""


def batch(count: int, question: int) -> list[tuple]:
    now = datetime.datetime.now(datetime.UTC)
    return [(1, player, question, json.dumps([0]), 1.0, 900, 1234, now) for player in range(count)]


def by_executemany(cursor, rows: list[tuple]) -> None:
    values = ", ".join(["%s"] * 8)
    cursor.executemany(f"INSERT INTO bench_answer ({COLUMNS}) VALUES ({values})", rows)  # noqa: S608


def by_unnest(cursor, rows: list[tuple]) -> None:
    columns = [list(column) for column in zip(*rows, strict=True)]
    cursor.execute(
        f"INSERT INTO bench_answer ({COLUMNS}) SELECT * FROM unnest(%s::int[], %s::int[],"  # noqa: S608
        " %s::smallint[], %s::jsonb[], %s::float8[], %s::int[], %s::int[], %s::timestamptz[])",
        columns,
    )


def by_copy(cursor, rows: list[tuple]) -> None:
    with cursor.copy(f"COPY bench_answer ({COLUMNS}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)


WAYS = {"executemany": by_executemany, "unnest": by_unnest, "COPY": by_copy}


def main() -> None:
    import psycopg

    from tests.support.services import scratch_postgres_database

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args()
    print(f"machine: {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"command: python bench/answer_rows.py --rows {args.rows} --rounds {args.rounds}")
    timings = {name: ([], []) for name in WAYS}
    with scratch_postgres_database() as url, psycopg.connect(url) as conn:
        conn.execute(TABLE)
        conn.commit()
        question = 0
        # Interleaved, so that the machine's moods fall on every way alike.
        for _ in range(args.rounds):
            for name, write in WAYS.items():
                question += 1
                rows = batch(args.rows, question)
                began, cpu = time.perf_counter(), time.process_time()
                with conn.cursor() as cursor:
                    write(cursor, rows)
                conn.commit()
                timings[name][0].append((time.perf_counter() - began) * 1000)
                timings[name][1].append((time.process_time() - cpu) * 1000)
    for name, (wall, cpu) in timings.items():
        print(
            f"{name:>12}: {args.rows} rows and commit, median {statistics.median(wall):5.2f} ms,"
            f" this process's CPU {statistics.median(cpu):5.2f} ms"
        )


if __name__ == "__main__":
    main()
