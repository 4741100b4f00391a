"""Nicknames of students: short, readable, unique in a session and not insulting.

Pure functions: the service stores the display form and the folded key (the key carries the
uniqueness constraint, so "Léa", "lea" and "L É A" are one nickname).
"""

from __future__ import annotations

import random
import re
import unicodedata

MAX_LENGTH = 20
MIN_LENGTH = 2

# Words a class would not want projected on the board, French and English. Matched on the
# folded form, also inside longer nicknames ("xxconnardxx"), and through simple leetspeak.
BLOCKED_WORDS = frozenset(
    [
        "con",
        "conne",
        "connard",
        "connasse",
        "couille",
        "couilles",
        "bite",
        "bites",
        "zizi",
        "chatte",
        "cul",
        "encule",
        "enculer",
        "salope",
        "salaud",
        "putain",
        "pute",
        "putes",
        "merde",
        "merdeux",
        "batard",
        "batards",
        "bordel",
        "foutre",
        "branleur",
        "branleuse",
        "nique",
        "niquer",
        "ntm",
        "fdp",
        "pd",
        "pede",
        "tapette",
        "gouine",
        "negre",
        "negro",
        "bougnoule",
        "youpin",
        "chinetoque",
        "bamboula",
        "nazi",
        "hitler",
        "pedo",
        "pedophile",
        "viol",
        "violeur",
        "suceur",
        "suceuse",
        "abruti",
        "debile",
        "mongol",
        "attarde",
        "grognasse",
        "pouffiasse",
        "petasse",
        "fuck",
        "fucker",
        "fucking",
        "shit",
        "bitch",
        "bastard",
        "asshole",
        "dick",
        "cock",
        "pussy",
        "cunt",
        "whore",
        "slut",
        "nigger",
        "nigga",
        "fag",
        "faggot",
        "retard",
        "rape",
        "rapist",
        "porn",
        "sex",
        "sexy",
        "penis",
        "vagina",
        "boobs",
    ]
)
# Short words are only refused as a whole nickname (or a whole word in it): "con" is inside
# "confiture" and "pd" inside nothing harmless, but "cul" hides in "calcul".
SHORT_WORD_LENGTH = 4
LEET = str.maketrans(
    {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s"}
)

ANIMALS = ["Castor", "Renard", "Hibou", "Loutre", "Lynx", "Faucon", "Panda", "Koala", "Tigre"]
QUALITIES = ["Agile", "Curieux", "Rapide", "Malin", "Précis", "Inventif", "Habile", "Futé"]


class NicknameError(ValueError):
    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


def display_form(raw: str) -> str:
    """NFC, control characters removed, inner spaces collapsed."""
    text = unicodedata.normalize("NFKC", raw or "")
    text = "".join(ch for ch in text if unicodedata.category(ch)[0] != "C")
    return re.sub(r"\s+", " ", text).strip()


def folded(text: str) -> str:
    """Case, accents, spaces and punctuation removed: how a person tells nicknames apart."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if ch.isalnum() and not unicodedata.combining(ch))


def is_offensive(nickname: str) -> bool:
    words = [folded(word).translate(LEET) for word in re.split(r"[\s\-_.]+", nickname)]
    whole = folded(nickname).translate(LEET)
    squeezed = re.sub(r"(.)\1+", r"\1", whole)  # "fuuuuck" -> "fuck"
    for blocked in BLOCKED_WORDS:
        if len(blocked) < SHORT_WORD_LENGTH:
            if blocked in words or blocked in (whole, squeezed):
                return True
        elif blocked in whole or blocked in squeezed:
            return True
    return False


def clean_nickname(raw: str) -> tuple[str, str]:
    """(display form, uniqueness key), or NicknameError with a message for the student."""
    nickname = display_form(raw)
    if len(nickname) < MIN_LENGTH:
        raise NicknameError("invalid_nickname", "Ton pseudo doit avoir au moins 2 caractères.")
    if len(nickname) > MAX_LENGTH:
        raise NicknameError("invalid_nickname", "Ton pseudo doit faire 20 caractères au plus.")
    key = folded(nickname)
    if not key:
        raise NicknameError(
            "invalid_nickname", "Ton pseudo doit contenir des lettres ou des chiffres."
        )
    if is_offensive(nickname):
        raise NicknameError(
            "offensive_nickname", "Ce pseudo n'est pas accepté. Choisis-en un autre."
        )
    return nickname, key[:24]


def suggest_nickname(rng: random.Random | None = None) -> str:
    rng = rng or random.Random()  # noqa: S311 - a fun nickname, not a secret
    return f"{rng.choice(ANIMALS)} {rng.choice(QUALITIES)} {rng.randint(1, 99)}"
