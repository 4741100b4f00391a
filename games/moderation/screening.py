"""Is a name offensive? The lists of `words`, searched through the folding of `folding`.

The name is first made ASCII (`folding.latin_letters`), then cut into tokens two ways:
- spelled: digits and leet symbols belong to the word ("C0nn4rd", "5alope" stay whole);
- apart: letters and digits are separate tokens and symbols are separators ("Kevin1488"
  gives "kevin", "1488").
Both cut on spaces and punctuation and on camelCase ("GrosCon" gives "gros", "con").

A token word is refused when it is exactly a token or a run of neighbouring tokens joined
("f u c k", "f.u.c.k", "Sieg Heil"); a root is refused anywhere in the tokens joined, once the
ALLOWED names are taken out. Each listed word becomes one regular expression that accepts its
variants: each letter may be repeated ("fuuuck") or written with a look-alike digit or symbol
("h1tl3r", "$alope"), and any letter but the first may be hidden by "*" or "#" ("f*ck").
"""

from __future__ import annotations

import functools
import re
from itertools import groupby

from games.moderation import words
from games.moderation.folding import LEET_SYMBOLS, latin_letters

# The letters a digit or symbol can stand for (the reverse of folding.LEET, with 1, ! and |
# read as i or l).
_LOOKS = {
    "a": "4@",
    "b": "8",
    "c": "¢©",
    "e": "3€",
    "g": "9",
    "i": "1!|",
    "l": "1!|£",
    "o": "0",
    "s": "5$",
    "t": "7+",
}
_HIDDEN = "*#"  # "f*ck": a letter replaced by a star
_SPELLED_SYMBOLS = LEET_SYMBOLS | frozenset(_HIDDEN)
_DECORATION = "(?:x{2,})?"  # "xxConxx", "xXx_Con_xXx"
_NUMERIC_TOKENS = frozenset(word for word in words.TOKENS if word.isdigit())


def _pattern(word: str) -> str:
    runs = [(char, len(list(group))) for char, group in groupby(word)]
    parts = []
    for position, (char, count) in enumerate(runs):
        options = char + _LOOKS.get(char, "") + (_HIDDEN if position else "")
        # A letter written twice in the list may be written once ("conard"), except in a
        # word of one letter ("ss", "kkk") and in numbers ("1488" is not "148").
        quantifier = f"{{{count},}}" if len(runs) == 1 or char.isdigit() else "+"
        parts.append(f"[{re.escape(options)}]{quantifier}")
    return "".join(parts)


def _alternatives(listed) -> str:
    # Longest first: the regular expression engine takes the first alternative that fits.
    return "|".join(_pattern(word) for word in sorted(set(listed), key=len, reverse=True))


@functools.cache
def _expressions() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    token = re.compile(f"{_DECORATION}(?:{_alternatives(words.TOKENS)}){_DECORATION}")
    root = re.compile(_alternatives(words.ROOTS))
    whole = re.compile(f"{_DECORATION}(?:{_alternatives(words.WHOLE_NAMES)}){_DECORATION}")
    return token, root, whole


def _ambiguous_capital_i(text: str) -> str:
    """A capital I after a lowercase letter is read as an l too ("SaIope")."""
    return re.sub(r"(?<=[a-z])I", "|", text)


def tokens(text: str, *, digits_apart: bool) -> list[str]:
    """The words of `text` (already ASCII), lowercase: cut on separators and camelCase."""

    def in_word(char: str) -> bool:
        if char.isascii() and char.isalnum():
            return True
        return not digits_apart and char in _SPELLED_SYMBOLS

    found: list[str] = []
    current = ""
    for position, char in enumerate(text):
        if not in_word(char):
            if current:
                found.append(current)
            current = ""
            continue
        if current and _starts_word(
            current[-1], char, text[position + 1 : position + 2], digits_apart
        ):
            found.append(current)
            current = ""
        current += char
    if current:
        found.append(current)
    return [token.lower() for token in found]


def _starts_word(previous: str, char: str, following: str, digits_apart: bool) -> bool:
    if previous.islower() and char.isupper():
        return True  # camelCase: "grosCon"
    if previous.isupper() and char.isupper() and following.islower():
        return True  # "XDark": "X" then "Dark"
    return digits_apart and previous.isdigit() != char.isdigit()


def _runs(found: list[str]):
    """Every run of neighbouring tokens, joined: "f", "fu", "fuc", "fuck", "u", ..."""
    for start in range(len(found)):
        for end in range(start + 1, len(found) + 1):
            yield "".join(found[start:end])


def _without_allowed(text: str) -> str:
    for name in words.ALLOWED:
        text = text.replace(name, " ")
    return text


def offending_part(name: str) -> str | None:
    """The part of `name` (as folded) that a list refuses, or None when the name is fine."""
    if any(char in words.BLOCKED_CHARACTERS for char in name):
        return next(char for char in name if char in words.BLOCKED_CHARACTERS)
    token_expression, root_expression, whole_expression = _expressions()
    latin = _ambiguous_capital_i(latin_letters(name))
    for digits_apart in (False, True):
        found = tokens(latin, digits_apart=digits_apart)
        joined = "".join(found)
        if whole_expression.fullmatch(joined):
            return joined
        for run in _runs(found):
            # A number is a number ("Léo 55", "Kévin du 45": départements, birth years), not
            # a word in leetspeak ("55" is no "SS"); listed numeric codes are searched as such.
            if run.isdigit() and run not in _NUMERIC_TOKENS:
                continue
            if token_expression.fullmatch(run):
                return run
        match = root_expression.search(_without_allowed(joined))
        if match:
            return match.group()
    return None


def is_offensive(name: str) -> bool:
    return offending_part(name) is not None
