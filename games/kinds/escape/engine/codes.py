"""Reading what a team types into a padlock, so that equal codes compare equal.

`normalise(code)`: Unicode NFKC, accents removed, case folded, œ/æ spelled out,
emoji variation selectors dropped, and separators removed (spaces, - _ . , ; / and
apostrophes). "Électro-technicien" and "electrotechnicien" are the same answer.

`canonical(kind, code)` then reads the normalised text for one kind of enigme and
returns the one string that is compared with the solutions, or None when the text
cannot be an answer of that kind (the team is told, no attempt is counted):

- padlock_digits: digits only ("0 4-7" -> "047");
- padlock_letters: letters only, upper case;
- padlock_directions: French words haut/bas/gauche/droite, their initials H/B/G/D
  or arrows ↑ ↓ ← → (⬆ ⬇ ⬅ ➡ too), in any mix -> a string of H, B, G, D;
- padlock_colours: French colour words rouge, vert, bleu, jaune, orange, violet,
  rose, noir, blanc, gris, marron, or the matching round or square emoji
  -> the words joined by commas ("rouge,vert"). No initials: rouge/rose,
  vert/violet and bleu/blanc would collide;
- choice: the letters of the chosen options (A = first option), in any order
  -> sorted upper-case letters ("c a" -> "AC");
- ordering: the labels of the items in the chosen order, letters or digits
  -> upper case ("b, a, c" -> "BAC");
- matching: pairs written as left number then right letter ("1B 2A 3C"), in any
  order -> sorted by number ("2a1b" -> "1B2A");
- find_trade: the normalised text itself.
"""

from __future__ import annotations

import re
import unicodedata

_SEPARATORS = re.compile(r"[\s\-_.,;/'’‘`]+")
_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae"})
_VARIATION_SELECTORS = str.maketrans({"\ufe0f": None, "\ufe0e": None})

_DIRECTION_WORDS = {"haut": "H", "bas": "B", "gauche": "G", "droite": "D"}
_DIRECTION_SIGNS = {
    "h": "H",
    "b": "B",
    "g": "G",
    "d": "D",
    "↑": "H",
    "⬆": "H",
    "↓": "B",
    "⬇": "B",
    "←": "G",
    "⬅": "G",
    "→": "D",
    "➡": "D",
}
_COLOUR_WORDS = (
    "rouge",
    "vert",
    "bleu",
    "jaune",
    "orange",
    "violet",
    "rose",
    "noir",
    "blanc",
    "gris",
    "marron",
)
_COLOUR_SIGNS = {
    "🔴": "rouge",
    "🟥": "rouge",
    "🟢": "vert",
    "🟩": "vert",
    "🔵": "bleu",
    "🟦": "bleu",
    "🟡": "jaune",
    "🟨": "jaune",
    "🟠": "orange",
    "🟧": "orange",
    "🟣": "violet",
    "🟪": "violet",
    "⚫": "noir",
    "⬛": "noir",
    "⚪": "blanc",
    "⬜": "blanc",
    "🟤": "marron",
    "🟫": "marron",
}

KINDS = (
    "padlock_digits",
    "padlock_letters",
    "padlock_directions",
    "padlock_colours",
    "choice",
    "ordering",
    "matching",
    "find_trade",
)


def normalise(code: str) -> str:
    text = unicodedata.normalize("NFKC", code)
    text = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    text = text.casefold().translate(_LIGATURES).translate(_VARIATION_SELECTORS)
    return _SEPARATORS.sub("", text)


def _tokens(text: str, words: dict[str, str], signs: dict[str, str]) -> list[str] | None:
    """Split `text` into known words (tried first, longest first) or one-character signs."""
    found = []
    by_length = sorted(words, key=len, reverse=True)
    position = 0
    while position < len(text):
        word = next((w for w in by_length if text.startswith(w, position)), None)
        if word is not None:
            found.append(words[word])
            position += len(word)
        elif text[position] in signs:
            found.append(signs[text[position]])
            position += 1
        else:
            return None
    return found


def _is_ascii_letters(text: str) -> bool:
    return text.isascii() and text.isalpha()


def canonical(kind: str, code: str) -> str | None:
    text = normalise(code)
    if not text:
        return None
    if kind == "padlock_digits":
        return text if text.isascii() and text.isdigit() else None
    if kind == "padlock_letters":
        return text.upper() if _is_ascii_letters(text) else None
    if kind == "padlock_directions":
        tokens = _tokens(text, _DIRECTION_WORDS, _DIRECTION_SIGNS)
        return "".join(tokens) if tokens else None
    if kind == "padlock_colours":
        tokens = _tokens(text, {word: word for word in _COLOUR_WORDS}, _COLOUR_SIGNS)
        return ",".join(tokens) if tokens else None
    if kind == "choice":
        if not _is_ascii_letters(text) or len(set(text)) != len(text):
            return None
        return "".join(sorted(text.upper()))
    if kind == "ordering":
        if not (text.isascii() and text.isalnum()) or len(set(text)) != len(text):
            return None
        return text.upper()
    if kind == "matching":
        pairs = re.findall(r"(\d+)([a-z])", text)
        if not pairs or "".join(n + letter for n, letter in pairs) != text:
            return None
        lefts = [int(number) for number, _ in pairs]
        if len(set(lefts)) != len(lefts):
            return None
        return "".join(
            f"{n}{letter.upper()}" for n, letter in sorted(pairs, key=lambda p: int(p[0]))
        )
    if kind == "find_trade":
        return text
    return None
