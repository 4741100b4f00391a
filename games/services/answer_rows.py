"""Writing a burst of answers: one statement instead of building 300 model instances.

bulk_create() compiles SQL for every field of every row in Python; with 300 phones
answering at once that was most of the batch's time, spent holding the GIL that the event
loop (receiving the next answers) needs. On PostgreSQL the rows go by COPY, formatted by
psycopg's C code: 300 rows in 2.3 ms instead of 4.4 with executemany, and a quarter of the
Python time while the session's row is locked (bench/answer_rows.py; docs/performance.md,
fifth round). The unique constraint (player, question) still guards against counting an
answer twice: a duplicate makes the whole batch fail, COPY or not.
"""

from __future__ import annotations

import json

from django.db import connection
from django.utils import timezone

from games.models import Answer

_COLUMNS = (
    "session_id",
    "player_id",
    "question_index",
    "payload",
    "fraction",
    "points",
    "elapsed_ms",
    "answered_at",
)


def insert_answers(rows: list[tuple]) -> None:
    """rows: (session_id, player_id, question_index, payload, fraction, points, elapsed_ms)."""
    if not rows:
        return
    now = timezone.now()
    table = connection.ops.quote_name(Answer._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(column) for column in _COLUMNS)
    params = [(*row[:3], json.dumps(row[3], separators=(",", ":")), *row[4:], now) for row in rows]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # The raw cursor's copy(): Django's wrapper still turns a duplicate row into its
            # own IntegrityError, as for the executemany below.
            copying = f"COPY {table} ({columns}) FROM STDIN"
            with connection.wrap_database_errors, cursor.cursor.copy(copying) as copy:
                for values in params:
                    copy.write_row(values)
            return
        placeholders = ", ".join(["%s"] * len(_COLUMNS))
        cursor.executemany(
            f"INSERT INTO {table} ({columns}) VALUES ({placeholders})",  # noqa: S608 - names are ours
            params,
        )
