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
- find_trade: the trade's name read by `trade_names` below: articles, plural and
  gender do not count ("un soudeur", "soudeurs", "Soudeuse" -> "soudeur"), and a
  fiche's title written with both genders ("Soudeur / Soudeuse",
  "Technicien / Technicienne méthodes") is read as one name.

Trade names are folded word by word rather than compared with a list of forms, so that
an editor never has to type every variant and a team is not locked out of the padlock
for writing « un soudeur ». The folding is deliberately coarse (it maps « pilote » to
« pilot » too): what matters is that both sides of the comparison go through it.
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


def _plain(code: str) -> str:
    """NFKC, accents removed, case folded, ligatures spelled out, emoji selectors dropped."""
    text = unicodedata.normalize("NFKC", code)
    text = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return text.casefold().translate(_LIGATURES).translate(_VARIATION_SELECTORS)


def normalise(code: str) -> str:
    return _SEPARATORS.sub("", _plain(code))


# -- trade names -----------------------------------------------------------------------
# Words that never tell two trades apart: articles and the small words between nouns.
_TRADE_SMALL_WORDS = frozenset(
    {"un", "une", "le", "la", "les", "l", "des", "du", "de", "d", "en", "et", "a", "au", "aux"}
)
# Feminine endings and the masculine they fold to, longest first (after accents are removed).
_FEMININE_ENDINGS = (
    ("trice", "teur"),
    ("ienne", "ien"),
    ("euse", "eur"),
    ("enne", "en"),
    ("onne", "on"),
    ("elle", "el"),
    ("ette", "et"),
    ("ere", "er"),
    ("ive", "if"),
)
# « Opérateur·rice », « opérateur(trice) », « technicien.ne »: a gender ending glued on.
_GLUED_ENDING = re.compile(r"(\w{3,})(?:[·•.]\w{1,5}\b|\s*\(\w{1,5}\))")
_WORD = re.compile(r"[^\W_]+")
_SHORTEST_FOLDED = 3


def _fold_word(word: str) -> str:
    """One word without its plural and its feminine: « soudeuses » -> « soudeur »."""
    if len(word) > _SHORTEST_FOLDED + 1 and word.endswith("aux"):
        word = word[:-3] + "al"
    elif len(word) > _SHORTEST_FOLDED and word[-1] in "sx":
        word = word[:-1]
    for ending, masculine in _FEMININE_ENDINGS:
        if word.endswith(ending) and len(word) > len(ending) + 1:
            return word[: -len(ending)] + masculine
    if word.endswith("e") and len(word) > _SHORTEST_FOLDED:
        word = word[:-1]
    return word


def _folded_words(text: str) -> list[str]:
    words = _WORD.findall(_GLUED_ENDING.sub(r"\1", text))
    return [_fold_word(word) for word in words if word not in _TRADE_SMALL_WORDS]


def trade_names(text: str) -> list[str]:
    """The trade names `text` gives, folded, in its order (without repeats); [] when none.

    A slash separates forms of one name: « Soudeur / Soudeuse » is one name, and so is
    « Technicien / Technicienne méthodes » (the first form shares the end of the second).
    Forms that stay different after folding are two names (« Cariste / Magasinier »).
    """
    forms = [_folded_words(part) for part in _plain(text).split("/")]
    forms = [form for form in forms if form]
    names: list[str] = []
    for position, form in enumerate(forms):
        following = forms[position + 1] if position + 1 < len(forms) else None
        if following is not None and following[: len(form)] == form:
            continue  # « Technicien » before « Technicien méthodes »: its short form
        name = "".join(form)
        if name not in names:
            names.append(name)
    return names


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
        names = trade_names(code)
        return names[0] if names else None
    return None
