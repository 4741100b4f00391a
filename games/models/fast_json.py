"""The encoder and decoder of the big JSON columns a game rewrites on every batch of commands.

A forum's quiz state (2,000 players, their answers, the results of each question) is about
half a megabyte of JSON, saved once per batch of answers: with the standard library's encoder
that save was a fifth of the service's time in the answer burst of 2,000 phones (issue 12,
docs/performance.md). orjson writes the same JSON several times faster.

Django's JSONField encodes with `json.dumps(value, cls=encoder)` on every database backend,
so an encoder class whose `encode` calls orjson is all it takes. Reading is the same story:
`json.loads(value, cls=decoder)`. In scaled mode each daphne process reads the state again
whenever the other one has written it, which is most batches of an answer burst: the standard
library's parser was then a tenth of each process's time at 2,000 phones (issue 12).
"""

from __future__ import annotations

import json
from typing import Any

import orjson


class FastJSONEncoder(json.JSONEncoder):
    def encode(self, o: Any) -> str:
        # Non-string keys become strings, as the standard library does.
        return orjson.dumps(o, option=orjson.OPT_NON_STR_KEYS).decode()


class FastJSONDecoder(json.JSONDecoder):
    def decode(self, s: str, *args: Any) -> Any:
        try:
            return orjson.loads(s)
        except orjson.JSONDecodeError:
            # What orjson refuses and the standard library reads (NaN, Infinity) is never
            # written by the encoder above, but a column may hold older values. (Integers
            # past 64 bits, which orjson reads as floats, are refused by the encoder: a
            # game's numbers are scores, counts and millisecond times.)
            return super().decode(s, *args)
