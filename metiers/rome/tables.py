"""The ROME's small reference tables, read into dictionaries by code.

Each is read whole (a few thousand rows at most): the link tables refer to them to
validate their codes and fetch the labels.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from metiers.rome.model import CentreInteret, Competence, Savoir, Secteur, SousSecteur
from metiers.rome.reader import CODE_DOMAINE, CODE_GRAND_DOMAINE, RomeFile, RomeFiles

# The files' O/N flags; empty = not given.
YES_NO: dict[str, bool | None] = {"O": True, "N": False, "": None}
OUI_NON: dict[str, bool] = {"oui": True, "non": False}

Counter = Callable[[str, int], None]


@dataclass(frozen=True, slots=True)
class Rubrique:
    code: int
    code_bloc: int
    position: int
    libelle: str


@dataclass(frozen=True, slots=True)
class TypeContexte:
    code: int
    libelle: str


def _unique(f: RomeFile, seen: dict, key: object, line: int, what: str) -> None:
    if key in seen:
        raise f.error(line, f"{what} « {key} » en double")


def read_grands_domaines(files: RomeFiles, count: Counter) -> dict[str, str]:
    f = files.open("grand_domaine")
    result: dict[str, str] = {}
    for row in f.rows():
        code = f.matching(row, "code_grand_domaine", CODE_GRAND_DOMAINE, "code de grand domaine")
        _unique(f, result, code, row.line, "code_grand_domaine")
        result[code] = f.text(row, "libelle_grand_domaine")
    count("grand_domaine", len(result))
    return result


def read_domaines(files: RomeFiles, grands: dict[str, str], count: Counter) -> dict[str, str]:
    f = files.open("domaine_professionnel")
    result: dict[str, str] = {}
    for row in f.rows():
        code = f.matching(row, "code_domaine_professionnel", CODE_DOMAINE, "code de domaine")
        _unique(f, result, code, row.line, "code_domaine_professionnel")
        if code[0] not in grands:
            raise f.error(row.line, f"grand domaine « {code[0]} » inconnu")
        result[code] = f.text(row, "libelle_domaine_professionnel")
    count("domaine_professionnel", len(result))
    return result


def read_blocs(files: RomeFiles, count: Counter) -> dict[int, str]:
    f = files.open("composition_bloc")
    result: dict[int, str] = {}
    for row in f.rows():
        code = f.integer(row, "code_compo_bloc")
        _unique(f, result, code, row.line, "code_compo_bloc")
        result[code] = f.text(row, "libelle_bloc")
    count("composition_bloc", len(result))
    return result


def read_rubriques(files: RomeFiles, blocs: dict[int, str], count: Counter) -> dict[int, Rubrique]:
    f = files.open("descriptif_rubrique")
    result: dict[int, Rubrique] = {}
    for row in f.rows():
        code = f.integer(row, "code_rubrique")
        _unique(f, result, code, row.line, "code_rubrique")
        bloc = f.integer(row, "code_compo_bloc")
        if bloc not in blocs:
            raise f.error(row.line, f"code_compo_bloc {bloc} inconnu")
        position = f.integer(row, "position_rubrique")
        result[code] = Rubrique(code, bloc, position, f.text(row, "libelle_rubrique"))
    count("descriptif_rubrique", len(result))
    return result


def read_competences(files: RomeFiles, count: Counter) -> dict[int, Competence]:
    f = files.open("referentiel_competence")
    pending: dict[int, tuple[int, Competence]] = {}
    for row in f.rows():
        code = f.integer(row, "code_ogr")
        _unique(f, pending, code, row.line, "code_ogr")
        pending[code] = (
            row.line,
            Competence(
                code_ogr=code,
                libelle=f.text(row, "libelle_competence"),
                nature=f.text(row, "nature"),
                categorie=f.text(row, "cat_comp"),
                sous_categorie=f.optional_text(row, "sous_cat_comp"),
                definition=f.optional_text(row, "definition"),
                macro_code_ogr=f.optional_integer(row, "code_ogr_macro_comp"),
                macro_libelle=None,
                transition_eco=f.choice(row, "transition_eco", YES_NO),
                transition_num=f.choice(row, "transition_num", YES_NO),
            ),
        )
    # Second pass: a macro-compétence may come after its compétences.
    result: dict[int, Competence] = {}
    for code, (line, competence) in pending.items():
        macro = competence.macro_code_ogr
        if macro is not None:
            if macro not in pending:
                raise f.error(line, f"code_ogr_macro_comp {macro} inconnu")
            competence = replace(competence, macro_libelle=pending[macro][1].libelle)
        result[code] = competence
    count("referentiel_competence", len(result))
    return result


def read_savoirs(files: RomeFiles, count: Counter) -> dict[int, Savoir]:
    f = files.open("referentiel_savoir")
    result: dict[int, Savoir] = {}
    for row in f.rows():
        code = f.integer(row, "code_ogr_savoir")
        _unique(f, result, code, row.line, "code_ogr_savoir")
        result[code] = Savoir(
            code_ogr=code,
            libelle=f.text(row, "libelle_savoir"),
            categorie=f.text(row, "categorie_savoir"),
            sous_categorie=f.optional_text(row, "sous_categorie_savoir"),
            transition_eco=f.choice(row, "transition_eco", YES_NO),
            transition_num=f.choice(row, "transition_num", YES_NO),
        )
    count("referentiel_savoir", len(result))
    return result


def read_contextes(files: RomeFiles, count: Counter) -> dict[int, tuple[TypeContexte, int, str]]:
    """code_ogr -> (context type, code_ogr, label)."""
    f = files.open("referentiel_contexte_travail")
    types: dict[int, TypeContexte] = {}
    result: dict[int, tuple[TypeContexte, int, str]] = {}
    for row in f.rows():
        code = f.integer(row, "code_ogr")
        _unique(f, result, code, row.line, "code_ogr")
        type_code = f.integer(row, "code_type_cont_trav")
        type_label = f.text(row, "libelle_type_cont_trav")
        kind = types.setdefault(type_code, TypeContexte(type_code, type_label))
        if kind.libelle != type_label:
            raise f.error(
                row.line,
                f"code_type_cont_trav {type_code} déjà libellé « {kind.libelle} », "
                f"ici « {type_label} »",
            )
        result[code] = (kind, code, f.text(row, "libelle_cont_travail"))
    count("referentiel_contexte_travail", len(result))
    return result


def read_centres_interet(files: RomeFiles, count: Counter) -> dict[int, CentreInteret]:
    f = files.open("centre_interet")
    result: dict[int, CentreInteret] = {}
    for row in f.rows():
        code = f.integer(row, "code_centre_interet")
        _unique(f, result, code, row.line, "code_centre_interet")
        result[code] = CentreInteret(
            code=code,
            libelle=f.text(row, "libelle_centre_interet"),
            definition=f.optional_text(row, "definition_centre_interet"),
        )
    count("centre_interet", len(result))
    return result


def read_secteurs(
    files: RomeFiles, count: Counter
) -> tuple[dict[int, Secteur], dict[int, SousSecteur]]:
    f = files.open("secteur_activite")
    bare: dict[int, tuple[str, str | None]] = {}
    for row in f.rows():
        code = f.integer(row, "code_sect_activite")
        _unique(f, bare, code, row.line, "code_sect_activite")
        bare[code] = (
            f.text(row, "libelle_sect_activite"),
            f.optional_text(row, "definition_sect_activite"),
        )
    count("secteur_activite", len(bare))

    f = files.open("sous_secteur_activite")
    sous: dict[int, SousSecteur] = {}
    for row in f.rows():
        code = f.integer(row, "code_ss_sect_activite")
        _unique(f, sous, code, row.line, "code_ss_sect_activite")
        parent = f.integer(row, "code_sect_activite")
        if parent not in bare:
            raise f.error(row.line, f"code_sect_activite {parent} inconnu")
        sous[code] = SousSecteur(
            code=code,
            libelle=f.text(row, "libelle_ss_sect_activite"),
            definition=f.optional_text(row, "definition_ss_sect_activite"),
            code_secteur=parent,
        )
    count("sous_secteur_activite", len(sous))

    secteurs = {
        code: Secteur(
            code=code,
            libelle=label,
            definition=definition,
            sous_secteurs=tuple(s for s in sous.values() if s.code_secteur == code),
        )
        for code, (label, definition) in bare.items()
    }
    return secteurs, sous
