"""Reconstitue un texte de fiche à partir de ses phrases (unix_texte).

Le fichier donne une phrase par enregistrement, ordonnée par position_phrase.
Les listes n'y sont pas balisées mais se reconnaissent : une phrase qui finit
par « : » annonce une liste, et les éléments commencent souvent par une puce
(« - », « . », « • ») ou un numéro (« 1. »). Chaque autre phrase devient un
paragraphe, l'affichage décidera s'il les fusionne.
"""

from __future__ import annotations

import re

from metiers.rome.model import TEXTE_VIDE, BlocTexte, Texte

# Puce en tête de phrase : tiret, point ou puce typographique, suivis d'espaces.
BULLET = re.compile(r"^\s*(?:[-\u2022\u2013*]|\.(?!\.))\s*")
NUMBERED = re.compile(r"^\s*(\d{1,2})[.)]\s*")
SPACES = re.compile(r"[ \t\u00a0]+")


def clean_phrase(raw: str) -> str:
    # Le publieur double l'apostrophe (« l''entretien ») dans tout unix_texte :
    # c'est un échappement de son export, pas du texte.
    return SPACES.sub(" ", raw.replace("''", "'")).strip()


def _item(phrase: str) -> str | None:
    """Le texte d'un élément de liste, ou ``None`` si la phrase n'en est pas un."""
    numbered = NUMBERED.match(phrase)
    if numbered:
        # Le numéro est gardé : il porte l'ordre d'une énumération officielle.
        return f"{numbered[1]}. {phrase[numbered.end() :]}"
    bullet = BULLET.match(phrase)
    if bullet:
        return phrase[bullet.end() :]
    return None


def build_texte(raw_phrases: list[str]) -> Texte:
    phrases: list[str] = []
    blocs: list[BlocTexte] = []
    current: list[str] = []  # éléments de la liste ouverte
    after_colon = False  # la liste ouverte suit une phrase en « : » sans puces

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
                continue  # une « phrase » réduite à une puce ou un point
            phrases.append(item)
            current.append(item)
            after_colon = False
            continue
        if not phrase:
            continue
        phrases.append(phrase)
        if after_colon and not phrase.endswith(":"):
            # Liste annoncée par « : » dont les éléments n'ont pas de puce.
            current.append(phrase)
            continue
        close_list()
        blocs.append(BlocTexte("paragraphe", (phrase,)))
        # Après « : », les phrases sans puce qui suivent sont les éléments annoncés.
        after_colon = phrase.endswith(":")
    close_list()
    if not phrases:
        return TEXTE_VIDE
    return Texte(tuple(phrases), tuple(blocs))
