"""Load the ROME referential of a folder and join it in memory.

Everything is streamed and joined through dictionaries (no quadratic scan): the whole v460
reads in a few seconds. The link tables are validated in full even with a domain filter, so
that a partial import refuses the same files as a complete one.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from metiers.rome.model import (
    TEXTE_VIDE,
    Appellation,
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
from metiers.rome.reader import RomeFile, RomeFiles, Row, find_files
from metiers.rome.tables import (
    OUI_NON,
    YES_NO,
    Rubrique,
    TypeContexte,
    read_blocs,
    read_centres_interet,
    read_competences,
    read_contextes,
    read_domaines,
    read_grands_domaines,
    read_rubriques,
    read_savoirs,
    read_secteurs,
)
from metiers.rome.texts import build_texte
from metiers.rome.titles import split_gender

Progress = Callable[[str, int, int | None], None]

DOMAIN = re.compile(r"[A-N][0-9]{0,4}")

# Blocks of unix_composition_bloc the links point to (stable ROME 4.0 codes).
BLOC_CODE_ROME = 1
BLOC_EMPLOIS = 2
BLOC_DEFINITION = 3
BLOC_ACCES = 4
BLOC_COMPETENCES = 5
BLOC_CONTEXTES = 6
TEXT_TYPES = {"definition": BLOC_DEFINITION, "acces_metier": BLOC_ACCES}
RIASEC = {letter: letter for letter in "RIASEC"}
CLASSIFICATION = {"PRINCIPALE": True, "SYNONYME": False}

# Files read, in order: the reference tables before the links that refer to them.
STEPS = (
    "grand_domaine",
    "domaine_professionnel",
    "composition_bloc",
    "descriptif_rubrique",
    "referentiel_code_rome",
    "referentiel_appellation",
    "referentiel_competence",
    "referentiel_savoir",
    "referentiel_contexte_travail",
    "centre_interet",
    "secteur_activite",
    "sous_secteur_activite",
    "texte",
    "liens_rome_referentiels",
    "referentiel_code_rome_riasec",
    "rubrique_mobilite",
    "arborescence_centre_interet",
    "arborescence_secteur_activite",
)


@dataclass(slots=True)
class _FicheRow:
    """A row of unix_referentiel_code_rome, waiting for its links."""

    line: int
    code_rome: str
    code_fiche_metier: int
    code_ogr: int
    libelle: str
    code_rome_parent: str
    transition_eco: str | None
    transition_num: bool | None
    transition_demo: bool | None
    emploi_reglemente: bool | None
    emploi_cadre: bool | None


@dataclass(slots=True)
class _Links:
    """What builds up for a kept fiche while the links are read."""

    appellations: list[Appellation] = field(default_factory=list)
    texts: dict[str, dict[int, str]] = field(default_factory=dict)
    competences: dict[int, list[Competence]] = field(default_factory=dict)
    savoirs: dict[str, list[Savoir]] = field(default_factory=dict)
    contextes: dict[TypeContexte, list[ContexteTravail]] = field(default_factory=dict)
    centres: list[CentreInteretLien] = field(default_factory=list)
    riasec: Riasec | None = None
    mobilites: list[Mobilite] = field(default_factory=list)
    secteurs: list[SecteurLien] = field(default_factory=list)


def check_domain(domain: str | None) -> str | None:
    if domain is None or domain == "":
        return None
    normalized = domain.strip().upper()
    if not DOMAIN.fullmatch(normalized):
        raise ValueError(
            f"domaine « {domain} » invalide : une lettre de A à N, suivie ou non "
            "de chiffres (ex. H, H29, H2901)"
        )
    return normalized


def load_referential(
    directory: str | Path,
    domain: str | None = None,
    progress: Progress | None = None,
) -> Referential:
    """Read, validate and join the ROME files of ``directory``.

    ``domain`` keeps the fiches whose code starts with that prefix (« H », « H29 »);
    mobilités towards fiches outside the filter stay codes. ``progress(step, done, total)``
    is called before each file and at the end. Raises ``RomeFormatError`` (file, line,
    message) at the first anomaly.
    """
    domain = check_domain(domain)
    files = find_files(directory)
    return _Loader(files, domain, progress).load()


class _Loader:
    def __init__(self, files: RomeFiles, domain: str | None, progress: Progress | None) -> None:
        self.files = files
        self.domain = domain
        self.progress = progress
        self.step = 0
        self.rows: dict[str, int] = {}
        self.fiches: dict[str, _FicheRow] = {}
        self.kept: dict[str, _Links] = {}
        self.appellation_rome: dict[int, str] = {}

    # --- utilities ------------------------------------------------------------------

    def _count(self, name: str, rows: int) -> None:
        self.rows[name] = rows

    def _open(self, name: str) -> RomeFile:
        if self.progress is not None:
            self.progress(name, self.step, len(STEPS))
        self.step += 1
        return self.files.open(name)

    def _fiche(self, f: RomeFile, row: Row, column: str = "code_rome") -> str:
        code = f.code_rome(row, column)
        if code not in self.fiches:
            raise f.error(
                row.line, f"{column} {code} inconnu (absent de unix_referentiel_code_rome)"
            )
        return code

    def _check_ogr_rome(self, f: RomeFile, row: Row, code: str) -> None:
        ogr = f.integer(row, "code_ogr_rome")
        expected = self.fiches[code].code_ogr
        if ogr != expected:
            raise f.error(
                row.line,
                f"code_ogr_rome {ogr} ne correspond pas à la fiche {code} (code_ogr {expected})",
            )

    # --- reading --------------------------------------------------------------------

    def load(self) -> Referential:
        files = self.files
        # A missing file is reported before a second is spent reading the others.
        for name in STEPS:
            files.open(name)
        # The small tables: one progress step each.
        self._open("grand_domaine")
        grands = read_grands_domaines(files, self._count)
        self._open("domaine_professionnel")
        domaines = read_domaines(files, grands, self._count)
        self._open("composition_bloc")
        blocs = read_blocs(files, self._count)
        self._open("descriptif_rubrique")
        rubriques = read_rubriques(files, blocs, self._count)

        self._read_fiches(domaines)
        self._read_appellations()

        self._open("referentiel_competence")
        competences = read_competences(files, self._count)
        self._open("referentiel_savoir")
        savoirs = read_savoirs(files, self._count)
        self._open("referentiel_contexte_travail")
        contextes = read_contextes(files, self._count)
        self._open("centre_interet")
        centres = read_centres_interet(files, self._count)
        self._open("secteur_activite")
        self.step += 1  # read_secteurs reads sous_secteur_activite too
        secteurs, sous_secteurs = read_secteurs(files, self._count)

        self._read_texts()
        self._read_links(blocs, rubriques, competences, savoirs, contextes)
        self._read_riasec()
        self._read_mobilites()
        self._read_centres(centres)
        self._read_secteurs(secteurs, sous_secteurs)

        fiches = {code: self._build(code, links, rubriques) for code, links in self.kept.items()}
        if self.progress is not None:
            self.progress("terminé", len(STEPS), len(STEPS))
        return Referential(
            directory=files.directory,
            version=files.version,
            domain=self.domain,
            fiches=MappingProxyType(dict(sorted(fiches.items()))),
            grands_domaines=MappingProxyType(grands),
            domaines=MappingProxyType(domaines),
            centres_interet=MappingProxyType(centres),
            secteurs=MappingProxyType(secteurs),
            rows=MappingProxyType(self.rows),
        )

    def _read_fiches(self, domaines: dict[str, str]) -> None:
        f = self._open("referentiel_code_rome")
        ogr_seen: dict[int, str] = {}
        for row in f.rows():
            code = f.code_rome(row)
            if code in self.fiches:
                raise f.error(row.line, f"code_rome {code} en double")
            if code[:3] not in domaines:
                raise f.error(row.line, f"domaine professionnel {code[:3]} inconnu")
            ogr = f.integer(row, "code_ogr")
            if ogr in ogr_seen:
                raise f.error(row.line, f"code_ogr {ogr} déjà utilisé par {ogr_seen[ogr]}")
            ogr_seen[ogr] = code
            self.fiches[code] = _FicheRow(
                line=row.line,
                code_rome=code,
                code_fiche_metier=f.integer(row, "code_fiche_metier"),
                code_ogr=ogr,
                libelle=f.text(row, "libelle_rome"),
                code_rome_parent=f.code_rome(row, "code_rome_parent"),
                transition_eco=f.optional_text(row, "transition_eco"),
                transition_num=f.choice(row, "transition_num", YES_NO),
                transition_demo=f.choice(row, "transition_demo", YES_NO),
                emploi_reglemente=f.choice(row, "emploi_reglemente", YES_NO),
                emploi_cadre=f.choice(row, "emploi_cadre", YES_NO),
            )
            if self.domain is None or code.startswith(self.domain):
                self.kept[code] = _Links()
        # The parent may come later in the file: checked once everything is read.
        for fiche in self.fiches.values():
            if fiche.code_rome_parent not in self.fiches:
                raise f.error(fiche.line, f"code_rome_parent {fiche.code_rome_parent} inconnu")
        self._count("referentiel_code_rome", len(self.fiches))

    def _read_appellations(self) -> None:
        f = self._open("referentiel_appellation")
        for row in f.rows():
            ogr = f.integer(row, "code_ogr")
            if ogr in self.appellation_rome:
                raise f.error(row.line, f"code_ogr {ogr} en double")
            code = self._fiche(f, row)
            parent = self._fiche(f, row, "code_rome_parent")
            self.appellation_rome[ogr] = code
            links = self.kept.get(code)
            if links is None:
                f.choice(row, "classification", CLASSIFICATION)
                continue
            label = f.text(row, "libelle_appellation_long")
            gender = split_gender(label)
            links.appellations.append(
                Appellation(
                    code_ogr=ogr,
                    libelle=label,
                    libelle_court=f.optional_text(row, "libelle_appellation_court") or label,
                    masculin=gender[0] if gender else None,
                    feminin=gender[1] if gender else None,
                    principale=f.choice(row, "classification", CLASSIFICATION),
                    peu_usite=f.choice(row, "peu_usite", YES_NO) is True,
                    transition_eco=f.optional_text(row, "transition_eco"),
                    transition_num=f.choice(row, "transition_num", YES_NO),
                    transition_demo=f.choice(row, "transition_demo", YES_NO),
                    emploi_reglemente=f.choice(row, "emploi_reglemente", YES_NO),
                    emploi_cadre=f.choice(row, "emploi_cadre", YES_NO),
                    code_rome_parent=parent,
                )
            )
        self._count("referentiel_appellation", len(self.appellation_rome))

    def _read_texts(self) -> None:
        f = self._open("texte")
        rows = 0
        for row in f.rows():
            rows += 1
            code = self._fiche(f, row)
            kind = f.text(row, "libelle_type_texte")
            bloc = f.integer(row, "code_compo_bloc")
            if TEXT_TYPES.get(kind) != bloc:
                raise f.error(
                    row.line,
                    f"type de texte « {kind} » inattendu pour le bloc {bloc} "
                    "(attendus : definition/3, acces_metier/4)",
                )
            position = f.integer(row, "position_phrase")
            phrase = f.text(row, "libelle_texte")
            links = self.kept.get(code)
            if links is None:
                continue
            phrases = links.texts.setdefault(kind, {})
            if position in phrases:
                raise f.error(
                    row.line, f"position_phrase {position} en double pour {code} ({kind})"
                )
            phrases[position] = phrase
        self._count("texte", rows)

    def _read_links(
        self,
        blocs: dict[int, str],
        rubriques: dict[int, Rubrique],
        competences: dict[int, Competence],
        savoirs: dict[int, Savoir],
        contextes: dict[int, tuple[TypeContexte, int, str]],
    ) -> None:
        f = self._open("liens_rome_referentiels")
        fiches = self.fiches
        kept = self.kept
        appellation_rome = self.appellation_rome
        rows = 0
        for row in f.rows():
            rows += 1
            code = self._fiche(f, row)
            bloc = f.integer(row, "code_compo_bloc")
            rubrique_code = f.optional_integer(row, "code_rubrique")
            ogr = f.integer(row, "code_ogr")
            if bloc not in blocs:
                raise f.error(row.line, f"code_compo_bloc {bloc} inconnu")
            if rubrique_code is not None:
                rubrique = rubriques.get(rubrique_code)
                if rubrique is None:
                    raise f.error(row.line, f"code_rubrique {rubrique_code} inconnu")
                if rubrique.code_bloc != bloc:
                    raise f.error(
                        row.line,
                        f"la rubrique {rubrique_code} appartient au bloc {rubrique.code_bloc}, "
                        f"pas au bloc {bloc}",
                    )
            links = kept.get(code)

            if bloc == BLOC_CODE_ROME:
                if ogr != fiches[code].code_ogr:
                    raise f.error(
                        row.line,
                        f"code_ogr {ogr} inconnu pour la fiche {code} "
                        f"(code_ogr de la fiche : {fiches[code].code_ogr})",
                    )
            elif bloc == BLOC_EMPLOIS:
                owner = appellation_rome.get(ogr)
                if owner is None:
                    raise f.error(row.line, f"code_ogr {ogr} inconnu (aucune appellation)")
                if owner != code:
                    raise f.error(
                        row.line, f"l'appellation {ogr} appartient à {owner}, pas à {code}"
                    )
            elif bloc == BLOC_COMPETENCES:
                if rubrique_code is None:
                    raise f.error(row.line, "champ code_rubrique vide (obligatoire pour le bloc 5)")
                competence = competences.get(ogr)
                savoir = savoirs.get(ogr) if competence is None else None
                if competence is None and savoir is None:
                    raise f.error(row.line, f"code_ogr {ogr} inconnu (ni compétence ni savoir)")
                if links is not None:
                    if competence is not None:
                        links.competences.setdefault(rubrique_code, []).append(competence)
                    else:
                        links.savoirs.setdefault(savoir.categorie, []).append(savoir)
            elif bloc == BLOC_CONTEXTES:
                contexte = contextes.get(ogr)
                if contexte is None:
                    raise f.error(row.line, f"code_ogr {ogr} inconnu (aucun contexte de travail)")
                if links is not None:
                    kind, ogr, label = contexte
                    links.contextes.setdefault(kind, []).append(ContexteTravail(ogr, label))
            else:
                raise f.error(row.line, f"bloc {bloc} « {blocs[bloc]} » inattendu dans les liens")
        self._count("liens_rome_referentiels", rows)

    def _read_riasec(self) -> None:
        f = self._open("referentiel_code_rome_riasec")
        seen: set[str] = set()
        for row in f.rows():
            code = self._fiche(f, row)
            if code in seen:
                raise f.error(row.line, f"code_rome {code} en double")
            seen.add(code)
            majeur = f.choice(row, "riasec_majeur", RIASEC)
            mineur = f.choice(row, "riasec_mineur", {**RIASEC, "": None})
            links = self.kept.get(code)
            if links is not None:
                links.riasec = Riasec(majeur, mineur)
        self._count("referentiel_code_rome_riasec", len(seen))

    def _read_mobilites(self) -> None:
        f = self._open("rubrique_mobilite")
        rows = 0
        for row in f.rows():
            rows += 1
            code = self._fiche(f, row)
            target = self._fiche(f, row, "code_rome_cible")
            ordre = f.integer(row, "numero_ordre")
            links = self.kept.get(code)
            if links is not None:
                links.mobilites.append(Mobilite(target, ordre))
        self._count("rubrique_mobilite", rows)

    def _read_centres(self, centres: dict[int, CentreInteret]) -> None:
        f = self._open("arborescence_centre_interet")
        rows = 0
        for row in f.rows():
            rows += 1
            centre = f.integer(row, "code_centre_interet")
            if centre not in centres:
                raise f.error(row.line, f"code_centre_interet {centre} inconnu")
            code = self._fiche(f, row)
            self._check_ogr_rome(f, row, code)
            principal = f.choice(row, "principal", OUI_NON)
            links = self.kept.get(code)
            if links is not None:
                links.centres.append(CentreInteretLien(centre, centres[centre].libelle, principal))
        self._count("arborescence_centre_interet", rows)

    def _read_secteurs(
        self, secteurs: dict[int, Secteur], sous_secteurs: dict[int, SousSecteur]
    ) -> None:
        f = self._open("arborescence_secteur_activite")
        rows = 0
        for row in f.rows():
            rows += 1
            secteur = f.integer(row, "code_sect_activite")
            if secteur not in secteurs:
                raise f.error(row.line, f"code_sect_activite {secteur} inconnu")
            sous = f.optional_integer(row, "code_ss_sect_activite")
            if sous is not None:
                if sous not in sous_secteurs:
                    raise f.error(row.line, f"code_ss_sect_activite {sous} inconnu")
                if sous_secteurs[sous].code_secteur != secteur:
                    raise f.error(
                        row.line, f"le sous-secteur {sous} n'appartient pas au secteur {secteur}"
                    )
            code = self._fiche(f, row)
            self._check_ogr_rome(f, row, code)
            principal = f.choice(row, "principal", OUI_NON)
            links = self.kept.get(code)
            if links is not None:
                links.secteurs.append(
                    SecteurLien(
                        code_secteur=secteur,
                        libelle_secteur=secteurs[secteur].libelle,
                        code_sous_secteur=sous,
                        libelle_sous_secteur=sous_secteurs[sous].libelle if sous else None,
                        principal=principal,
                    )
                )
        self._count("arborescence_secteur_activite", rows)

    # --- assembly -------------------------------------------------------------------

    def _build(self, code: str, links: _Links, rubriques: dict[int, Rubrique]) -> Fiche:
        row = self.fiches[code]
        gender = split_gender(row.libelle)
        return Fiche(
            code_rome=code,
            code_fiche_metier=row.code_fiche_metier,
            code_ogr=row.code_ogr,
            libelle=row.libelle,
            masculin=gender[0] if gender else None,
            feminin=gender[1] if gender else None,
            code_rome_parent=row.code_rome_parent,
            code_grand_domaine=code[0],
            code_domaine=code[:3],
            transition_eco=row.transition_eco,
            transition_num=row.transition_num,
            transition_demo=row.transition_demo,
            emploi_reglemente=row.emploi_reglemente,
            emploi_cadre=row.emploi_cadre,
            # sorted() is stable: the main one first, then the file's order.
            appellations=tuple(sorted(links.appellations, key=lambda a: not a.principale)),
            definition=_texte(links.texts.get("definition")),
            acces_metier=_texte(links.texts.get("acces_metier")),
            competences=tuple(
                GroupeCompetences(rubriques[r].libelle, tuple(items))
                for r, items in sorted(
                    links.competences.items(), key=lambda kv: rubriques[kv[0]].position
                )
            ),
            savoirs=tuple(GroupeSavoirs(cat, tuple(items)) for cat, items in links.savoirs.items()),
            contextes=tuple(
                GroupeContextes(kind.code, kind.libelle, tuple(items))
                for kind, items in sorted(links.contextes.items(), key=lambda kv: kv[0].code)
            ),
            centres_interet=tuple(sorted(links.centres, key=lambda c: not c.principal)),
            riasec=links.riasec,
            mobilites=tuple(sorted(links.mobilites, key=lambda m: m.ordre)),
            secteurs=tuple(sorted(links.secteurs, key=lambda s: not s.principal)),
        )


def _texte(phrases: dict[int, str] | None) -> Texte:
    if not phrases:
        return TEXTE_VIDE
    return build_texte([phrases[p] for p in sorted(phrases)])
