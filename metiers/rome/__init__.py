"""Reading the ROME 4.0 referential (France Travail), without Django.

The package reads the CSV files ``unix_*_v<version>_utf8.csv``, validates them and joins
them in memory; writing to the database is the import command's job.
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
