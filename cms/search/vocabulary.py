"""The words young people type, and what they mean on this site. Written by us.

Two kinds of links, both read as plain words and stemmed when first used:
- FAMILLES: forms of one word that the stemmer keeps apart (souder / soudeur / soudure);
  any member finds every other one.
- SYNONYMES: a word a student types → the words our pages use for the same thing
  (« yaourt » → laiterie, agroalimentaire). One way only: « lait » does not mean « yaourt ».
"""

from __future__ import annotations

import functools

from .text import stem, words

FAMILLES = (
    "souder soudeur soudeuse soudure soudage soudé",
    "usiner usinage usineur",
    "horloge horloger horlogère horlogerie",
    "chaudron chaudronnier chaudronnière chaudronnerie",
    "plastique plasturgie plasturgiste",
    "meuble meubles ébéniste ébénisterie",
    "menuisier menuisière menuiserie",
    "charpente charpentier charpentière",
    "bijou bijoux bijoutier bijoutière bijouterie joaillier joaillière joaillerie",
    "cuir maroquinier maroquinière maroquinerie",
    "lait laitier laitière laiterie",
    "éolienne éolien éoliennes",
    "électronique électronicien électronicienne",
    "mécanique mécanicien mécanicienne mécatronique mécatronicien mécatronicienne",
    "robot robots robotique roboticien roboticienne cobot",
    "automatisme automatisation automate automaticien automaticienne automatisé",
    "dessin dessiner dessinateur dessinatrice",
    "maintenance maintenir",
    "laboratoire labo",
    "qualité contrôle contrôleur contrôleuse",
    "voiture voitures automobile auto",
    "hydrogène hydrogene",
)

SYNONYMES = {
    "yaourt": "laiterie laitier agroalimentaire alimentaire conditionnement",
    "yoghourt": "laiterie laitier agroalimentaire alimentaire",
    "fromage": "laiterie laitier agroalimentaire",
    "bouffe": "agroalimentaire alimentaire",
    "nourriture": "agroalimentaire alimentaire",
    "manger": "agroalimentaire alimentaire",
    "cuisine": "agroalimentaire alimentaire",
    "compote": "agroalimentaire alimentaire",
    "robot": "automatisation automatisée robotisée",
    "phare": "éclairage optique",
    "lumière": "éclairage optique led",
    "led": "éclairage électronique",
    "voiture": "véhicule mécatronicien",
    "bagnole": "voiture automobile véhicule",
    "moto": "véhicule mécatronicien",
    "camion": "véhicule chaudronnier",
    "éolienne": "énergie électricité",
    "électricité": "énergie électrique électronique",
    "électricien": "électrique électronique énergie",
    "batterie": "batteries pile énergie",
    "souder": "assemblage",
    "montre": "horloger horlogerie microtechniques",
    "informatique": "électronique numérique programmer",
    "ordi": "informatique électronique numérique",
    "bois": "ébéniste menuisier charpentier",
    "sac": "maroquinier cuir luxe",
    "bijou": "joaillier luxe",
    "mode": "luxe maroquinier",
    "chimie": "laboratoire analyse traitement",
    "métal": "chaudronnier soudeur usinage métallurgie",
    "fer": "métal chaudronnier soudeur",
    "plan": "dessinateur conception",
    "3d": "conception dessinateur",
    "ingé": "ingénieur",
    "inge": "ingénieur",
    "chariot": "cariste logistique",
    "usine": "industrie production fabrication",
    "pile": "batterie énergie hydrogène",
}


def _stems_of(text: str) -> frozenset[str]:
    return frozenset(stem(word) for word in words(text))


@functools.cache
def families() -> dict[str, frozenset[str]]:
    """Each stem of a family → the stems of the whole family."""
    table: dict[str, frozenset[str]] = {}
    for family in FAMILLES:
        members = _stems_of(family)
        for member in members:
            table[member] = table.get(member, frozenset()) | members
    return table


@functools.cache
def synonyms() -> dict[str, frozenset[str]]:
    """Each typed word's stem → the stems of the words it stands for, with their families."""
    table: dict[str, frozenset[str]] = {}
    for word, related in SYNONYMES.items():
        expanded = set()
        for related_stem in _stems_of(related):
            expanded |= families().get(related_stem, {related_stem})
        key = stem(word)
        table[key] = table.get(key, frozenset()) | frozenset(expanded)
    return table


def related_stems(word_stem: str) -> frozenset[str]:
    """A stem with its family and synonyms (and their families)."""
    found = set(families().get(word_stem, {word_stem}))
    for member in list(found):
        found |= synonyms().get(member, frozenset())
    return frozenset(found)
