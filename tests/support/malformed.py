"""Malformed and hostile websocket frames, of every kind a prankster found (issue 8).

Shared by the end-to-end fuzz test and bench/hostile_class.py. Each generator returns text
(or bytes for a binary frame) drawn from a seeded random generator, so runs repeat.
"""

from __future__ import annotations

import json
import random

KINDS = (
    "deep_nesting",
    "huge_number",
    "not_a_number",
    "lone_surrogate",
    "nul_byte",
    "invalid_json",
    "not_an_object",
    "wrong_types",
    "unknown_type",
    "host_command",
    "long_text",
    "many_items",
    "oversized",
    "bad_ref",
    "binary",
    "wrong_question",
)


def frame(kind: str, rng: random.Random) -> str | bytes:
    q = rng.randint(0, 4)
    if kind == "deep_nesting":
        depth = rng.choice([50, 999, 3000, 7000])
        return '{"type":"answer","q":0,"answer":' + "[" * depth + "]" * depth + "}"
    if kind == "huge_number":
        digits = rng.choice([20, 400, 4000])
        return f'{{"type":"answer","q":{q},"answer":{"9" * digits}}}'
    if kind == "not_a_number":
        value = rng.choice(["NaN", "Infinity", "-Infinity", "1e999"])
        return f'{{"type":"answer","q":{q},"answer":{value}}}'
    if kind == "lone_surrogate":
        return f'{{"type":"{rng.choice(["answer", "submit"])}","q":{q},"answer":"\\ud83d","code":"\\udc00x"}}'
    if kind == "nul_byte":
        return '{"type":"answer","q":0,"answer":"a\\u0000"}'
    if kind == "invalid_json":
        return rng.choice(["{", "}", "[1,", '{"type":', "ceci n'est pas du JSON", ""])
    if kind == "not_an_object":
        return rng.choice(["null", "[]", "42", '"answer"', "true"])
    if kind == "wrong_types":
        return json.dumps(
            {"type": "answer", "q": rng.choice(["0", None, 1.5, [], True]), "answer": {}}
        )
    if kind == "unknown_type":
        return json.dumps({"type": rng.choice(["hack", "__proto__", "", "x" * 60])})
    if kind == "host_command":
        return json.dumps({"type": rng.choice(["start", "next", "end", "kick", "pause"])})
    if kind == "long_text":
        return json.dumps({"type": "answer", "q": q, "answer": "é" * rng.randint(1_001, 5_000)})
    if kind == "many_items":
        return json.dumps({"type": "answer", "q": q, "answer": list(range(rng.randint(65, 900)))})
    if kind == "oversized":
        return json.dumps({"type": "answer", "q": q, "answer": "x" * 20_000})
    if kind == "bad_ref":
        return json.dumps({"type": "ping", "ref": rng.choice([{"a": 1}, "r" * 60, [1]])})
    if kind == "binary":
        return bytes(rng.randrange(256) for _ in range(rng.randint(1, 64)))
    if kind == "wrong_question":
        return json.dumps({"type": "answer", "q": rng.randint(50, 10**6), "answer": [0]})
    raise ValueError(kind)


def frames(count: int | None = None, seed: int = 8):
    """`count` frames, every kind in turn (endless when None)."""
    rng = random.Random(seed)  # noqa: S311 - a repeatable bench, not a secret
    n = 0
    while count is None or n < count:
        yield frame(KINDS[n % len(KINDS)], rng)
        n += 1
