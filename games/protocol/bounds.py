"""Bounds on the JSON a phone may send: what the engine can take without surprise.

`json.loads` accepts far more than a game needs: nesting deep enough to exhaust the
interpreter's recursion, integers of hundreds of digits that overflow when turned into a
float, `NaN` and `Infinity`, and strings holding lone UTF-16 surrogates (`"\\ud800"`) that
no database can store. Each of these once crashed a socket handler or a whole batch of
other players' answers (issue 8), so the frame parser checks every value once, here, and
nothing beyond this point has to defend itself against them.

Hand-written checks rather than a schema library: one walk over a frame of at most
16 KiB costs a few microseconds (bench/hostile_frames.py), and the shapes are few.
"""

from __future__ import annotations

import math

# A game frame is an object of fields holding at most a list of pairs: depth 3 is enough,
# 8 leaves room for future kinds of answers.
MAX_DEPTH = 8
# A question has at most 8 items or 6 options; a matching answer is one dict of pairs.
MAX_ITEMS = 64
MAX_KEY_CHARS = 64
MAX_TEXT_CHARS = 1_000
# JavaScript's safe integers: anything a phone legitimately sends fits.
MAX_INT = 2**53


class OutOfBounds(ValueError):
    """The value breaks one of the bounds; `reason` says which, for the error frame."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def refuse_constant(name: str):
    """`json.loads(parse_constant=...)`: NaN and Infinity are not JSON numbers we take."""
    raise OutOfBounds("not_a_number")


def check_value(value, depth: int = 0) -> None:
    """Raise OutOfBounds when `value` (parsed JSON) breaks a bound; return None when fine."""
    if depth > MAX_DEPTH:
        raise OutOfBounds("too_deep")
    if isinstance(value, str):
        check_text(value)
    elif isinstance(value, bool) or value is None:
        return
    elif isinstance(value, int):
        if not -MAX_INT <= value <= MAX_INT:
            raise OutOfBounds("number_out_of_range")
    elif isinstance(value, float):
        if not math.isfinite(value) or abs(value) > MAX_INT:
            raise OutOfBounds("number_out_of_range")
    elif isinstance(value, list):
        if len(value) > MAX_ITEMS:
            raise OutOfBounds("too_many_items")
        for item in value:
            check_value(item, depth + 1)
    elif isinstance(value, dict):
        if len(value) > MAX_ITEMS:
            raise OutOfBounds("too_many_items")
        for key, item in value.items():
            if len(key) > MAX_KEY_CHARS:
                raise OutOfBounds("key_too_long")
            check_text(key)
            check_value(item, depth + 1)
    else:  # json.loads makes nothing else; a programming error if it ever does
        raise OutOfBounds("unknown_value")


def check_text(text: str) -> None:
    if len(text) > MAX_TEXT_CHARS:
        raise OutOfBounds("text_too_long")
    if not text.isascii():
        try:
            text.encode("utf-8")
        except UnicodeEncodeError as error:  # a lone surrogate from a "\\udXXX" escape
            raise OutOfBounds("invalid_unicode") from error
    if "\x00" in text:
        raise OutOfBounds("invalid_unicode")
