"""The big JSON columns a game rewrites on every batch of commands, kept as JSON text.

A forum's quiz state (2,000 players, their answers, the results of each question) is about
half a megabyte of JSON, written once per batch of answers and, in scaled mode, read back by
the other daphne process before most of its own batches (issue 12, docs/performance.md).

- **orjson** writes and reads it several times faster than the standard library (whose
  encoder was a fifth of the service's time in a 2,000-phone answer burst, and its parser a
  tenth of each process's time in scaled mode).
- **Plain text, not jsonb**, on PostgreSQL: jsonb parses every value it is given into its
  binary form and that form must be printed back on every read. Measured with a 522 KB
  state (bench/state_column.py): writing it in a transaction that locks the row took 16.6 ms
  as jsonb, 1.3 ms as text with lz4; reading it 5.0 ms against 0.6 ms. Nothing queries
  inside these columns: the engine reads a state whole.
- **lz4** for the column's TOAST compression where PostgreSQL has it (migration 0011),
  faster than its default pglz.

On SQLite a JSONField is text already; this field is the same there, read with orjson.
"""

from __future__ import annotations

import json
from typing import Any

import orjson
from django.db import models


class FastJSONEncoder(json.JSONEncoder):
    """orjson behind the standard library's interface (migration 0010 names it)."""

    def encode(self, o: Any) -> str:
        return dumps(o)


def dumps(value: Any) -> str:
    # Non-string keys become strings, as the standard library does.
    return orjson.dumps(value, option=orjson.OPT_NON_STR_KEYS).decode()


def loads(text: str) -> Any:
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:
        # What orjson refuses and the standard library reads (NaN, Infinity) is never
        # written by `dumps`, but a column may hold values written before it. (Integers
        # past 64 bits, which orjson reads as floats, `dumps` refuses to write: a game's
        # numbers are scores, counts and millisecond times.)
        return json.loads(text)


class JSONTextField(models.TextField):
    """A JSON value stored as its text: read and written whole, with orjson (see above)."""

    def from_db_value(self, value, expression, connection):
        return None if value is None else loads(value)

    def to_python(self, value):
        return loads(value) if isinstance(value, str) else value

    def get_prep_value(self, value):
        return None if value is None else dumps(value)

    def value_to_string(self, obj) -> str:
        return self.get_prep_value(self.value_from_object(obj))
