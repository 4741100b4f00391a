"""Lecture du référentiel ROME 4.0 (France Travail), sans Django.

Le module lit les fichiers CSV ``unix_*_v<version>_utf8.csv``, les valide et les
joint en mémoire ; l'écriture en base est le travail de la commande d'import.
"""

from metiers.rome.errors import RomeFormatError
from metiers.rome.model import (
    Appellation,
    BlocTexte,
    CentreInteret,
    CentreInteretLien,
    Competence,
    ContexteTravail,
    Fiche,
    GroupeCompetences,
    GroupeContextes,
    GroupeSavoirs,
    Mobilite,
    Referential,
    Riasec,
    Savoir,
    Secteur,
    SecteurLien,
    SousSecteur,
    Texte,
)
from metiers.rome.referential import load_referential

__all__ = [
    "Appellation",
    "BlocTexte",
    "CentreInteret",
    "CentreInteretLien",
    "Competence",
    "ContexteTravail",
    "Fiche",
    "GroupeCompetences",
    "GroupeContextes",
    "GroupeSavoirs",
    "Mobilite",
    "Referential",
    "Riasec",
    "RomeFormatError",
    "Savoir",
    "Secteur",
    "SecteurLien",
    "SousSecteur",
    "Texte",
    "load_referential",
]
