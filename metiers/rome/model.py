"""Le référentiel ROME joint en mémoire : des dataclasses immuables.

Les codes OGR sont des entiers (c'est ce que le fichier garantit après
validation) ; les codes ROME et de domaine restent des chaînes (« H2901 »).
Les indicateurs O/N du fichier deviennent ``True``/``False``, et ``None``
quand le fichier ne dit rien.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal


@dataclass(frozen=True, slots=True)
class BlocTexte:
    """Un paragraphe (une phrase) ou une liste à puces reconstituée."""

    type: Literal["paragraphe", "liste"]
    lignes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Texte:
    """Un texte de fiche (définition, accès au métier), phrases dans l'ordre."""

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
    libelle: str  # libelle_appellation_long, tel quel (« Masc / Fém ... »)
    libelle_court: str
    masculin: str | None  # None quand le libellé n'a pas de forme « Masc / Fém »
    feminin: str | None
    principale: bool  # classification PRINCIPALE (une par fiche, = intitulé de la fiche)
    peu_usite: bool
    transition_eco: str | None
    transition_num: bool | None
    transition_demo: bool | None
    emploi_reglemente: bool | None
    emploi_cadre: bool | None
    code_rome_parent: str


@dataclass(frozen=True, slots=True)
class Competence:
    """Un savoir-faire ou savoir-être (référentiel des compétences)."""

    code_ogr: int
    libelle: str
    nature: str  # « Compétence » ou « Macro-compétence »
    categorie: str  # cat_comp : « Savoir-faire », « Savoir-être professionnel »
    sous_categorie: str | None  # « Technique », « Technique expert », « Transverse »
    definition: str | None
    macro_code_ogr: int | None
    macro_libelle: str | None
    transition_eco: bool | None
    transition_num: bool | None


@dataclass(frozen=True, slots=True)
class Savoir:
    """Une connaissance (référentiel des savoirs)."""

    code_ogr: int
    libelle: str
    categorie: str
    sous_categorie: str | None
    transition_eco: bool | None
    transition_num: bool | None


@dataclass(frozen=True, slots=True)
class GroupeCompetences:
    """Les compétences d'une rubrique du bloc Compétences (libellé du fichier)."""

    rubrique: str  # « Savoir-faire », « Savoir-être professionnels »
    competences: tuple[Competence, ...]


@dataclass(frozen=True, slots=True)
class GroupeSavoirs:
    categorie: str  # categorie_savoir, ex. « Techniques professionnelles »
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
    majeur: str  # une lettre R, I, A, S, E ou C
    mineur: str | None


@dataclass(frozen=True, slots=True)
class Mobilite:
    """Une mobilité vers une fiche proche ; le fichier ne donne pas de type."""

    code_rome_cible: str
    ordre: int  # numero_ordre, croissant dans ``Fiche.mobilites``


@dataclass(frozen=True, slots=True)
class Fiche:
    code_rome: str
    code_fiche_metier: int
    code_ogr: int
    libelle: str  # intitulé complet, ex. « Monteur / Monteuse ... »
    masculin: str | None
    feminin: str | None
    code_rome_parent: str  # peut être hors du domaine filtré (23 cas en v460)
    code_grand_domaine: str  # « H »
    code_domaine: str  # « H29 »
    transition_eco: str | None  # « Emploi Blanc », « Emploi Vert »…
    transition_num: bool | None
    transition_demo: bool | None
    emploi_reglemente: bool | None
    emploi_cadre: bool | None
    appellations: tuple[Appellation, ...]  # triées par libellé, la principale d'abord
    definition: Texte
    acces_metier: Texte
    competences: tuple[GroupeCompetences, ...]  # par position_rubrique
    savoirs: tuple[GroupeSavoirs, ...]  # par catégorie, dans l'ordre des liens
    contextes: tuple[GroupeContextes, ...]  # par code de type de contexte
    centres_interet: tuple[CentreInteretLien, ...]  # le principal d'abord
    riasec: Riasec | None
    mobilites: tuple[Mobilite, ...]  # codes cibles, éventuellement hors filtre
    secteurs: tuple[SecteurLien, ...]  # le principal d'abord

    @property
    def secteur_principal(self) -> SecteurLien | None:
        return next((s for s in self.secteurs if s.principal), None)

    @property
    def centre_interet_principal(self) -> CentreInteretLien | None:
        return next((c for c in self.centres_interet if c.principal), None)


@dataclass(frozen=True, slots=True, eq=False)
class Referential:
    """Tout ce que l'import a besoin de savoir, validé et joint."""

    directory: Path
    version: str  # « 460 »
    domain: str | None  # filtre appliqué, ex. « H29 »
    fiches: Mapping[str, Fiche]  # par code ROME, triées
    grands_domaines: Mapping[str, str]  # « H » -> « Industrie »
    domaines: Mapping[str, str]  # « H29 » -> libellé
    centres_interet: Mapping[int, CentreInteret]
    secteurs: Mapping[int, Secteur]
    rows: Mapping[str, int]  # enregistrements lus par fichier (nom court)

    @property
    def appellation_count(self) -> int:
        return sum(len(f.appellations) for f in self.fiches.values())
