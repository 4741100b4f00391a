"""Strict, streaming reading of the ROME 4.0 CSV files.

The format France Travail publishes: UTF-8, commas, every field quoted, inner quotes
doubled, line breaks possible inside a field. The reader checks the exact header and the
number of fields, and keeps for each record the physical line where it starts: that is what
the user will look for in their editor.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import NamedTuple, TypeVar

from metiers.rome.errors import RomeFormatError

T = TypeVar("T")

# The exact columns of each file, in order (ROME 4.0, v460).
HEADERS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "arborescence_centre_interet": (
            "code_centre_interet",
            "libelle_centre_interet",
            "code_ogr_rome",
            "code_rome",
            "libelle_rome",
            "principal",
        ),
        "arborescence_secteur_activite": (
            "code_sect_activite",
            "libelle_sect_activite",
            "code_ss_sect_activite",
            "libelle_ss_sect_activite",
            "code_ogr_rome",
            "code_rome",
            "libelle_rome",
            "principal",
        ),
        "centre_interet": (
            "code_centre_interet",
            "libelle_centre_interet",
            "definition_centre_interet",
        ),
        "composition_bloc": ("code_compo_bloc", "libelle_bloc"),
        "descriptif_rubrique": (
            "code_rubrique",
            "code_compo_bloc",
            "position_rubrique",
            "libelle_rubrique",
        ),
        "domaine_professionnel": ("code_domaine_professionnel", "libelle_domaine_professionnel"),
        "grand_domaine": ("code_grand_domaine", "libelle_grand_domaine"),
        "item": ("code_ogr", "libelle", "code_rubrique"),
        "liens_rome_referentiels": ("code_rome", "code_compo_bloc", "code_rubrique", "code_ogr"),
        "referentiel_appellation": (
            "code_ogr",
            "libelle_appellation_long",
            "libelle_appellation_court",
            "code_rome",
            "transition_eco",
            "transition_num",
            "transition_demo",
            "emploi_reglemente",
            "emploi_cadre",
            "classification",
            "origine",
            "code_rome_parent",
            "peu_usite",
        ),
        "referentiel_code_rome_riasec": ("code_rome", "riasec_majeur", "riasec_mineur"),
        "referentiel_code_rome": (
            "code_rome",
            "code_fiche_metier",
            "code_ogr",
            "libelle_rome",
            "transition_eco",
            "transition_num",
            "transition_demo",
            "emploi_reglemente",
            "emploi_cadre",
            "code_rome_parent",
        ),
        "referentiel_competence": (
            "code_ogr",
            "nature",
            "libelle_competence",
            "definition",
            "code_ogr_macro_comp",
            "code_macro_comp",
            "cat_comp",
            "sous_cat_comp",
            "transition_eco",
            "transition_num",
            "libelle_heterogeneite",
            "libelle_origine",
        ),
        "referentiel_contexte_travail": (
            "code_ogr",
            "libelle_cont_travail",
            "code_type_cont_trav",
            "libelle_type_cont_trav",
        ),
        "referentiel_savoir": (
            "code_ogr_savoir",
            "libelle_savoir",
            "categorie_savoir",
            "sous_categorie_savoir",
            "transition_eco",
            "transition_num",
        ),
        "rubrique_mobilite": ("code_rome", "code_rome_cible", "numero_ordre"),
        "secteur_activite": (
            "code_sect_activite",
            "libelle_sect_activite",
            "definition_sect_activite",
        ),
        "sous_secteur_activite": (
            "code_ss_sect_activite",
            "libelle_ss_sect_activite",
            "definition_ss_sect_activite",
            "code_sect_activite",
        ),
        "texte": (
            "code_rome",
            "code_compo_bloc",
            "libelle_type_texte",
            "position_phrase",
            "libelle_texte",
        ),
    }
)

FILE_NAME = re.compile(r"unix_(?P<name>[a-z_]+)_v(?P<version>[0-9]+)_utf8\.csv")
CODE_ROME = re.compile(r"[A-N][0-9]{4}")
CODE_DOMAINE = re.compile(r"[A-N][0-9]{2}")
CODE_GRAND_DOMAINE = re.compile(r"[A-N]")


def file_name(name: str, version: str) -> str:
    return f"unix_{name}_v{version}_utf8.csv"


@dataclass(frozen=True, slots=True)
class RomeFiles:
    """The files of one ROME version found in a folder."""

    directory: Path
    version: str
    paths: Mapping[str, Path]

    def open(self, name: str) -> RomeFile:
        path = self.paths.get(name)
        if path is None:
            expected = self.directory / file_name(name, self.version)
            raise RomeFormatError(expected, None, f"fichier introuvable dans {self.directory}")
        return RomeFile(path, HEADERS[name])


def find_files(directory: str | Path) -> RomeFiles:
    """Find the folder's ``unix_<name>_v<version>_utf8.csv`` files, whatever the version.

    Only one version is accepted: mixing v460 and v461 would give wrong joins.
    """
    directory = Path(directory)
    if not directory.is_dir():
        raise RomeFormatError(directory, None, "dossier introuvable")
    by_version: dict[str, dict[str, Path]] = {}
    for path in directory.iterdir():
        match = FILE_NAME.fullmatch(path.name)
        if match and match["name"] in HEADERS:
            by_version.setdefault(match["version"], {})[match["name"]] = path
    if not by_version:
        raise RomeFormatError(
            directory, None, "aucun fichier unix_<nom>_v<version>_utf8.csv dans ce dossier"
        )
    if len(by_version) > 1:
        versions = ", ".join(f"v{v}" for v in sorted(by_version, key=int))
        raise RomeFormatError(directory, None, f"plusieurs versions du ROME mélangées : {versions}")
    ((version, paths),) = by_version.items()
    return RomeFiles(directory, version, MappingProxyType(paths))


class Row(NamedTuple):
    """One record: the physical line it starts on and its fields by column."""

    line: int
    fields: dict[str, str]


class RomeFile:
    """A ROME CSV file: validated iteration and field conversion.

    The converters raise ``RomeFormatError`` with the file and line of the faulty field, so
    the loader never has to build that context.
    """

    __slots__ = ("path", "header")

    def __init__(self, path: Path, header: tuple[str, ...]) -> None:
        self.path = path
        self.header = header

    @property
    def name(self) -> str:
        return self.path.name

    def error(self, line: int | None, message: str) -> RomeFormatError:
        return RomeFormatError(self.path, line, message)

    def rows(self) -> Iterator[Row]:
        header = self.header
        width = len(header)
        try:
            # utf-8-sig: a BOM added by a spreadsheet must not break the header.
            handle = self.path.open(encoding="utf-8-sig", newline="")
        except OSError as exc:
            raise self.error(None, f"lecture impossible ({exc.strerror})") from exc
        with handle:
            reader = csv.reader(handle, strict=True)
            # csv.reader.line_num is the line where the record ENDS: the next one
            # starts on the line after, even after a field spanning several lines.
            end = 0
            try:
                for values in reader:
                    start = end + 1
                    end = reader.line_num
                    if start == 1:
                        self._check_header(values)
                        continue
                    if not values:
                        # Blank line: the official files put one after each
                        # definition spanning several lines (centre_interet,
                        # secteur_activite). It carries no data.
                        continue
                    if len(values) != width:
                        raise self.error(
                            start,
                            f"{width} champs attendus, {len(values)} trouvés",
                        )
                    yield Row(start, dict(zip(header, values, strict=True)))
            except csv.Error as exc:
                raise self.error(end + 1, f"CSV mal formé ({exc})") from exc
            except UnicodeDecodeError as exc:
                raise self.error(end + 1, "encodage invalide, UTF-8 attendu") from exc
            if end == 0:
                raise self.error(None, "fichier vide, en-tête attendu")

    def _check_header(self, found: list[str]) -> None:
        expected = list(self.header)
        if found == expected:
            return
        missing = [c for c in expected if c not in found]
        extra = [c for c in found if c not in expected]
        details = []
        if missing:
            details.append("manquantes : " + ", ".join(missing))
        if extra:
            details.append("en trop : " + ", ".join(extra))
        if not details:
            details.append("ordre différent")
        raise self.error(
            1,
            "en-tête inattendu ; colonnes attendues : "
            + ", ".join(expected)
            + " ; trouvées : "
            + ", ".join(found)
            + " ("
            + " ; ".join(details)
            + ")",
        )

    # --- field conversion ------------------------------------------------------

    def text(self, row: Row, column: str) -> str:
        value = row.fields[column].strip()
        if not value:
            raise self.error(row.line, f"champ {column} vide")
        return value

    def optional_text(self, row: Row, column: str) -> str | None:
        return row.fields[column].strip() or None

    def integer(self, row: Row, column: str) -> int:
        value = self.text(row, column)
        # isdigit() would accept « ² » or Arabic digits; we want 0-9 only.
        if not value.isascii() or not value.isdigit():
            raise self.error(row.line, f"{column} : « {value} » n'est pas un entier")
        return int(value)

    def optional_integer(self, row: Row, column: str) -> int | None:
        if not row.fields[column].strip():
            return None
        return self.integer(row, column)

    def code_rome(self, row: Row, column: str = "code_rome") -> str:
        value = self.text(row, column)
        if not CODE_ROME.fullmatch(value):
            raise self.error(
                row.line,
                f"{column} : code ROME « {value} » mal formé "
                "(attendu : une lettre de A à N puis 4 chiffres, ex. H2901)",
            )
        return value

    def matching(self, row: Row, column: str, pattern: re.Pattern[str], what: str) -> str:
        value = self.text(row, column)
        if not pattern.fullmatch(value):
            raise self.error(row.line, f"{column} : {what} « {value} » mal formé")
        return value

    def choice(self, row: Row, column: str, allowed: Mapping[str, T]) -> T:
        value = row.fields[column].strip()
        try:
            return allowed[value]
        except KeyError:
            accepted = ", ".join(f"« {k} »" for k in allowed)
            raise self.error(
                row.line, f"{column} : valeur « {value} » inattendue (admises : {accepted})"
            ) from None
