"""Formes masculine / féminine des intitulés."""

from __future__ import annotations

import pytest

from metiers.rome.titles import split_gender


@pytest.mark.parametrize(
    ("title", "masculine", "feminine"),
    [
        ("Régleur / Régleuse", "Régleur", "Régleuse"),
        (
            "Régleur / Régleuse de bancs d'essai",
            "Régleur de bancs d'essai",
            "Régleuse de bancs d'essai",
        ),
        (
            "Monteur câbleur / Monteuse câbleuse en atelier",
            "Monteur câbleur en atelier",
            "Monteuse câbleuse en atelier",
        ),
        ("Soudeur-tuyauteur / Soudeuse-tuyauteuse", "Soudeur-tuyauteur", "Soudeuse-tuyauteuse"),
        # Préfixe commun non répété après la barre.
        ("Peintre Décorateur / Décoratrice", "Peintre Décorateur", "Peintre Décoratrice"),
        # Words without a shared stem: the whole masculine side varies.
        ("Homme / Femme de quai", "Homme de quai", "Femme de quai"),
        ("Chef / Cheffe d'atelier", "Chef d'atelier", "Cheffe d'atelier"),
    ],
)
def test_split_gender(title, masculine, feminine):
    assert split_gender(title) == (masculine, feminine)


@pytest.mark.parametrize(
    "title",
    [
        "Opérateur prototypiste",
        "Technicien en chimie/pharmacie",  # slash without spaces: not a gender
        "Responsable magasin expédition / Livraison",  # fewer words on the right
        "A / B / C",
    ],
)
def test_no_gender_pair(title):
    assert split_gender(title) is None
