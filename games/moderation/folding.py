"""Folding a name to what a reader sees: the same letters whatever the case, accents or script.

Each step is a small function so it can be tested alone:

1. `latin_letters`: every letter becomes plain ASCII, case kept. Look-alikes from other
   scripts go to the Latin letter they look like (Cyrillic "е" to "e", Greek "ρ" to "p",
   mathematical and small-capital letters too), using the Unicode confusables table as
   packaged by `confusable_homoglyphs`; accents are dropped; letters that table does not
   know (ł, ø, ß, Greek τ, Chinese or Arabic names) are transliterated by `anyascii`.
   Digits and symbols are left as they are: what they mean depends on the caller.
2. `LEET`: what digits and symbols stand for when a word is spelled with them ("c0nn4rd").
3. `squeezed`: runs of one letter shortened to one ("fuuuuck").
4. `skeleton`: the uniqueness key of a name: all of the above, i and l made one letter
   (uppercase I and lowercase l look alike), "rn" read as "m", then letters and digits only.
"""

from __future__ import annotations

import functools
import re
import string
import unicodedata

from anyascii import anyascii
from confusable_homoglyphs.confusables import confusables_data

_ASCII_ALNUM = frozenset(string.ascii_letters + string.digits)

# What a digit or symbol stands for inside a word. "1" is an i or an l: the word filter
# treats both letters as one, so one reading is enough.
LEET = str.maketrans(
    {
        "0": "o",
        "1": "i",
        "3": "e",
        "4": "a",
        "5": "s",
        "7": "t",
        "8": "b",
        "9": "g",
        "@": "a",
        "$": "s",
        "€": "e",
        "£": "l",
        "!": "i",
        "|": "i",
        "+": "t",
        "¢": "c",
        "©": "c",
    }
)
LEET_SYMBOLS = frozenset("@$€£!|+¢©")


@functools.cache
def _look_alikes() -> dict[str, str]:
    """Non-ASCII character -> the ASCII letter or digit it is confusable with (lowercase).

    Built once from the Unicode confusables data (about 1,350 characters: Cyrillic, Greek,
    Cherokee, fullwidth, mathematical alphanumerics...). A character confusable with two
    ASCII characters is left to transliteration; none is, in the packaged table.
    """
    table = {}
    for char, glyphs in confusables_data.items():
        if char.isascii():
            continue
        targets = {glyph["c"].lower() for glyph in glyphs if glyph["c"] in _ASCII_ALNUM}
        if len(targets) == 1:
            table[char] = targets.pop()
    return table


def _latin(char: str) -> str:
    if char.isascii():
        return char
    if unicodedata.combining(char):
        return ""  # an accent left by the decomposition
    look_alike = _look_alikes().get(char)
    if look_alike is not None:
        if char.isupper():
            # The table folds to lowercase: a capital that looks like "l" is an "I" (Greek Ι).
            return "I" if look_alike == "l" else look_alike.upper()
        return look_alike
    if unicodedata.category(char).startswith("L"):
        return anyascii(char)  # a letter with no look-alike: its usual transliteration
    return char  # digits of other scripts were made ASCII by NFKC; symbols stay symbols


def latin_letters(text: str) -> str:
    """ASCII letters for every letter, case kept; digits, symbols and spaces unchanged."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(_latin(char) for char in decomposed)


def squeezed(text: str) -> str:
    """Runs of one character shortened to one: "fuuuuck" -> "fuck", "connard" -> "conard"."""
    return re.sub(r"(.)\1+", r"\1", text)


# After LEET: i and l are one letter in the key (a projected "I" and "l" look the same).
_KEY_FOLD = str.maketrans({"i": "l"})


def skeleton(text: str) -> str:
    """Uniqueness key: "Léa", "LEA", "Lеa" (Cyrillic е), "L3a" and "Iéa" give the same key."""
    letters = latin_letters(text).casefold().translate(LEET).translate(_KEY_FOLD)
    letters = "".join(char for char in letters if char.isascii() and char.isalnum())
    return letters.replace("rn", "m").replace("vv", "w")
