"""Names students choose: nicknames, and team names. Short, readable, unique, not insulting.

`clean_nickname` and `clean_team_name` return (display form, uniqueness key) or raise
NicknameError with a message for the student. The display form is what the student typed
(NFKC, control and invisible characters removed, spaces collapsed); the key is a skeleton
(games/moderation/folding.py) under a unique constraint per session, so "Léa", "LEA", "Lеa"
with a Cyrillic е, "L3a" and "Iéa" are one nickname. The word filter is
games/moderation/screening.py; docs/nicknames.md explains both and how to add a word.

Only Django's translation functions are used here: the engine imports MAX_LENGTH.
"""

from __future__ import annotations

import random
import re
import unicodedata
from dataclasses import dataclass

from django.utils.translation import gettext

from games.kinds.quiz.engine.play import NICKNAME_MAX
from games.moderation.folding import skeleton
from games.moderation.screening import is_offensive

# The one nickname limit: the join form, the Player columns and the messages read it.
MAX_LENGTH = NICKNAME_MAX  # the engine's, the one source of the limit
MIN_LENGTH = 2
TEAM_NAME_MAX_LENGTH = 40

ANIMALS = ["Castor", "Renard", "Hibou", "Loutre", "Lynx", "Faucon", "Panda", "Koala", "Tigre"]
QUALITIES = ["Agile", "Curieux", "Rapide", "Malin", "Précis", "Inventif", "Habile", "Futé"]


class NicknameError(ValueError):
    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True)
class _Kind:
    """What differs between a nickname and a team name: limits, codes and wording."""

    max_length: int
    invalid: str
    offensive: str
    too_short: str
    too_long: str
    no_letters: str
    refused: str


def _nickname_kind() -> _Kind:
    return _Kind(
        max_length=MAX_LENGTH,
        invalid="invalid_nickname",
        offensive="offensive_nickname",
        too_short=gettext("Ton pseudo doit avoir au moins %(min)d caractères."),
        too_long=gettext("Ton pseudo doit faire %(max)d caractères au plus."),
        no_letters=gettext("Ton pseudo doit contenir des lettres ou des chiffres."),
        refused=gettext("Ce pseudo n'est pas accepté. Choisis-en un autre."),
    )


def _team_kind() -> _Kind:
    return _Kind(
        max_length=TEAM_NAME_MAX_LENGTH,
        invalid="invalid_team_name",
        offensive="offensive_team_name",
        too_short=gettext("Le nom de l'équipe doit avoir au moins %(min)d caractères."),
        too_long=gettext("Le nom de l'équipe doit faire %(max)d caractères au plus."),
        no_letters=gettext("Le nom de l'équipe doit contenir des lettres ou des chiffres."),
        refused=gettext("Ce nom d'équipe n'est pas accepté. Choisissez-en un autre."),
    )


def display_form(raw: str) -> str:
    """NFKC, spaces (tabs, line breaks) collapsed, control and invisible characters removed."""
    text = re.sub(r"\s+", " ", unicodedata.normalize("NFKC", raw or ""))
    text = "".join(ch for ch in text if unicodedata.category(ch)[0] != "C")
    return re.sub(r" +", " ", text).strip()


def uniqueness_key(name: str, max_length: int = MAX_LENGTH) -> str:
    """What two names must not share in one session (see folding.skeleton).

    Never longer than the name, so it fits the name's own column.
    """
    return skeleton(name)[:max_length]


def _clean(raw: str, kind: _Kind) -> tuple[str, str]:
    name = display_form(raw)
    limits = {"min": MIN_LENGTH, "max": kind.max_length}
    if len(name) < MIN_LENGTH:
        raise NicknameError(kind.invalid, kind.too_short % limits)
    if len(name) > kind.max_length:
        raise NicknameError(kind.invalid, kind.too_long % limits)
    key = uniqueness_key(name, kind.max_length)
    if not key:
        raise NicknameError(kind.invalid, kind.no_letters)
    if is_offensive(name):
        raise NicknameError(kind.offensive, kind.refused)
    return name, key


def clean_nickname(raw: str) -> tuple[str, str]:
    """(display form, uniqueness key) of a nickname, or NicknameError for the student."""
    return _clean(raw, _nickname_kind())


def clean_team_name(raw: str) -> tuple[str, str]:
    """(display form, uniqueness key) of a team name, or NicknameError with team wording."""
    return _clean(raw, _team_kind())


def suggest_nickname(rng: random.Random | None = None) -> str:
    rng = rng or random.Random()  # noqa: S311 - a fun nickname, not a secret
    return f"{rng.choice(ANIMALS)} {rng.choice(QUALITIES)} {rng.randint(1, 99)}"
