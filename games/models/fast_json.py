"""The encoder of the big JSON columns a game rewrites on every batch of commands.

A forum's quiz state (2,000 players, their answers, the results of each question) is about
half a megabyte of JSON, saved once per batch of answers: with the standard library's encoder
that save was a fifth of the service's time in the answer burst of 2,000 phones (issue 12,
docs/performance.md). orjson writes the same JSON several times faster.

Django's JSONField encodes with `json.dumps(value, cls=encoder)` on every database backend,
so an encoder class whose `encode` calls orjson is all it takes; reading is unchanged.
"""

from __future__ import annotations

import json
from typing import Any

import orjson


class FastJSONEncoder(json.JSONEncoder):
    def encode(self, o: Any) -> str:
        # Non-string keys become strings, as the standard library does.
        return orjson.dumps(o, option=orjson.OPT_NON_STR_KEYS).decode()
