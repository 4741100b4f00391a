"""The ROME referential joined in memory: immutable dataclasses.

OGR codes are integers (what the file guarantees after validation); ROME and domain codes
stay strings (« H2901 »). The file's O/N flags become ``True``/``False``, and ``None`` when
the file says nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal


@dataclass(frozen=True, slots=True)
class BlocTexte:
    """A paragraph (one sentence) or a rebuilt bulleted list."""

    type: Literal["paragraphe", "liste"]
    lignes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Texte:
    """A fiche's text (definition, access to the trade), sentences in order."""

    phrases: tuple[str, ...]
    blocs: tuple[BlocTexte, ...]

    @property
    def texte(self) -> str:
        return "\n".join(self.phrases)

    def __bool__(self) -> bool:
        return bool(self.phrases)


TEXTE_VIDE = Texte((), ())


@dataclass(frozen=True, slots=True)
class Appellation:
    code_ogr: int
    libelle: str  # libelle_appellation_long, as is (« Masc / Fém ... »)
    libelle_court: str
    masculin: str | None  # None when the label has no « Masc / Fém » form
    feminin: str | None
    principale: bool  # classification PRINCIPALE (one per fiche, = the fiche's title)
    peu_usite: bool
    transition_eco: str | None
    transition_num: bool | None
    transition_demo: bool | None
    emploi_reglemente: bool | None
    emploi_cadre: bool | None
    code_rome_parent: str


@dataclass(frozen=True, slots=True)
class Competence:
    """A savoir-faire or savoir-être (the skills referential)."""

    code_ogr: int
    libelle: str
    nature: str  # « Compétence » or « Macro-compétence »
    categorie: str  # cat_comp: « Savoir-faire », « Savoir-être professionnel »
    sous_categorie: str | None  # « Technique », « Technique expert », « Transverse »
    definition: str | None
    macro_code_ogr: int | None
    macro_libelle: str | None
    transition_eco: bool | None
    transition_num: bool | None


@dataclass(frozen=True, slots=True)
class Savoir:
    """A piece of knowledge (the savoirs referential)."""

    code_ogr: int
    libelle: str
    categorie: str
    sous_categorie: str | None
    transition_eco: bool | None
    transition_num: bool | None


@dataclass(frozen=True, slots=True)
class GroupeCompetences:
    """The skills of one heading of the Compétences block (the file's label)."""

    rubrique: str  # « Savoir-faire », « Savoir-être professionnels »
    competences: tuple[Competence, ...]


@dataclass(frozen=True, slots=True)
class GroupeSavoirs:
    categorie: str  # categorie_savoir, e.g. « Techniques professionnelles »
    savoirs: tuple[Savoir, ...]


@dataclass(frozen=True, slots=True)
class ContexteTravail:
    code_ogr: int
    libelle: str


@dataclass(frozen=True, slots=True)
class GroupeContextes:
    code: int  # code_type_cont_trav
    categorie: str  # « Horaires et durée du travail », « Conditions de travail et risques… »
    contextes: tuple[ContexteTravail, ...]


@dataclass(frozen=True, slots=True)
class CentreInteret:
    code: int
    libelle: str
    definition: str | None


@dataclass(frozen=True, slots=True)
class CentreInteretLien:
    code: int
    libelle: str
    principal: bool


@dataclass(frozen=True, slots=True)
class SousSecteur:
    code: int
    libelle: str
    definition: str | None
    code_secteur: int


@dataclass(frozen=True, slots=True)
class Secteur:
    code: int
    libelle: str
    definition: str | None
    sous_secteurs: tuple[SousSecteur, ...]


@dataclass(frozen=True, slots=True)
class SecteurLien:
    code_secteur: int
    libelle_secteur: str
    code_sous_secteur: int | None
    libelle_sous_secteur: str | None
    principal: bool


@dataclass(frozen=True, slots=True)
class Riasec:
    majeur: str  # one letter: R, I, A, S, E or C
    mineur: str | None


@dataclass(frozen=True, slots=True)
class Mobilite:
    """A mobilité towards a nearby fiche; the file gives no type."""

    code_rome_cible: str
    ordre: int  # numero_ordre, increasing in ``Fiche.mobilites``


@dataclass(frozen=True, slots=True)
class Fiche:
    code_rome: str
    code_fiche_metier: int
    code_ogr: int
    libelle: str  # full title, e.g. « Monteur / Monteuse ... »
    masculin: str | None
    feminin: str | None
    code_rome_parent: str  # may be outside the filtered domain (23 cases in v460)
    code_grand_domaine: str  # « H »
    code_domaine: str  # « H29 »
    transition_eco: str | None  # « Emploi Blanc », « Emploi Vert »…
    transition_num: bool | None
    transition_demo: bool | None
    emploi_reglemente: bool | None
    emploi_cadre: bool | None
    appellations: tuple[Appellation, ...]  # sorted by label, the main one first
    definition: Texte
    acces_metier: Texte
    competences: tuple[GroupeCompetences, ...]  # by position_rubrique
    savoirs: tuple[GroupeSavoirs, ...]  # by category, in the links' order
    contextes: tuple[GroupeContextes, ...]  # by context type code
    centres_interet: tuple[CentreInteretLien, ...]  # the main one first
    riasec: Riasec | None
    mobilites: tuple[Mobilite, ...]  # target codes, possibly outside the filter
    secteurs: tuple[SecteurLien, ...]  # the main one first

    @property
    def secteur_principal(self) -> SecteurLien | None:
        return next((s for s in self.secteurs if s.principal), None)

    @property
    def centre_interet_principal(self) -> CentreInteretLien | None:
        return next((c for c in self.centres_interet if c.principal), None)


@dataclass(frozen=True, slots=True, eq=False)
class Referential:
    """Everything the import needs to know, validated and joined."""

    directory: Path
    version: str  # « 460 »
    domain: str | None  # the filter applied, e.g. « H29 »
    fiches: Mapping[str, Fiche]  # by ROME code, sorted
    grands_domaines: Mapping[str, str]  # « H » -> « Industrie »
    domaines: Mapping[str, str]  # « H29 » -> label
    centres_interet: Mapping[int, CentreInteret]
    secteurs: Mapping[int, Secteur]
    rows: Mapping[str, int]  # records read per file (short name)

    @property
    def appellation_count(self) -> int:
        return sum(len(f.appellations) for f in self.fiches.values())
