"""Rebuild a fiche's text from its sentences (unix_texte).

The file gives one sentence per record, ordered by position_phrase. Lists are not marked
up but can be recognised: a sentence ending in « : » announces a list, and the items often
start with a bullet (« - », « . », « • ») or a number (« 1. »). Every other sentence becomes
a paragraph; the display decides whether to merge them.
"""

from __future__ import annotations

import re

from metiers.rome.model import TEXTE_VIDE, BlocTexte, Texte

# A bullet at the start of a sentence: dash, dot or typographic bullet, then spaces.
BULLET = re.compile(r"^\s*(?:[-\u2022\u2013*]|\.(?!\.))\s*")
NUMBERED = re.compile(r"^\s*(\d{1,2})[.)]\s*")
SPACES = re.compile(r"[ \t\u00a0]+")


def clean_phrase(raw: str) -> str:
    # The publisher doubles the apostrophe (« l''entretien ») throughout unix_texte:
    # an escape of its export, not text.
    return SPACES.sub(" ", raw.replace("''", "'")).strip()


def _item(phrase: str) -> str | None:
    """The text of a list item, or ``None`` when the sentence is not one."""
    numbered = NUMBERED.match(phrase)
    if numbered:
        # The number is kept: it carries the order of an official enumeration.
        return f"{numbered[1]}. {phrase[numbered.end() :]}"
    bullet = BULLET.match(phrase)
    if bullet:
        return phrase[bullet.end() :]
    return None


def build_texte(raw_phrases: list[str]) -> Texte:
    phrases: list[str] = []
    blocs: list[BlocTexte] = []
    current: list[str] = []  # items of the open list
    after_colon = False  # the open list follows a sentence ending in « : », without bullets

    def close_list() -> None:
        if current:
            blocs.append(BlocTexte("liste", tuple(current)))
            current.clear()

    for raw in raw_phrases:
        phrase = clean_phrase(raw)
        item = _item(phrase)
        if item is not None:
            item = item.strip()
            if not item.strip(" ."):
                continue  # a "sentence" that is only a bullet or a dot
            phrases.append(item)
            current.append(item)
            after_colon = False
            continue
        if not phrase:
            continue
        phrases.append(phrase)
        if after_colon and not phrase.endswith(":"):
            # A list announced by « : » whose items have no bullet.
            current.append(phrase)
            continue
        close_list()
        blocs.append(BlocTexte("paragraphe", (phrase,)))
        # After « : », the following sentences without a bullet are the announced items.
        after_colon = phrase.endswith(":")
    close_list()
    if not phrases:
        return TEXTE_VIDE
    return Texte(tuple(phrases), tuple(blocs))
