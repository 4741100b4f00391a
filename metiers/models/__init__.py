"""Trade content: the pages (fiches, filières, objets) and the snippets they link to."""

from .pages import (
    EtapeObjet,
    FiliereIndexPage,
    FilierePage,
    MetierIndexPage,
    MetierPage,
    ObjetIndexPage,
    ObjetPage,
)
from .snippets import Ambassadeur, CentreInteret, Entreprise, Formation

__all__ = [
    "Ambassadeur",
    "CentreInteret",
    "Entreprise",
    "EtapeObjet",
    "FiliereIndexPage",
    "FilierePage",
    "Formation",
    "MetierIndexPage",
    "MetierPage",
    "ObjetIndexPage",
    "ObjetPage",
]
