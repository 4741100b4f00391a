"""The communes and départements we can place on the map (data/ files, see derive_geodata)."""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA = Path(__file__).parent / "data"
ARTICLE = re.compile(r"^(le|la|les|l|aux) ")


@dataclass(frozen=True)
class Commune:
    code: str  # INSEE code
    nom: str
    departement: str
    population: int
    longitude: float
    latitude: float


@dataclass(frozen=True)
class Departement:
    code: str
    nom: str
    bbox: tuple[float, float, float, float]  # west, south, east, north


def name_key(name: str) -> str:
    """Compare commune names the way people type them: no accents, case, hyphens or « Saint »."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    plain = plain.replace("-", " ").replace("'", " ").replace("’", " ")
    words = ["st" if w == "saint" else "ste" if w == "sainte" else w for w in plain.split()]
    return " ".join(words)


@cache
def communes() -> tuple[Commune, ...]:
    rows = json.loads((DATA / "communes.json").read_text(encoding="utf-8"))
    return tuple(Commune(*row) for row in rows)


@cache
def _by_code() -> dict[str, Commune]:
    return {c.code: c for c in communes()}


@cache
def _by_name() -> dict[str, list[Commune]]:
    index: dict[str, list[Commune]] = {}
    for commune in communes():
        key = name_key(commune.nom)
        index.setdefault(key, []).append(commune)
        # "Creusot" finds Le Creusot too, as INSEE files write it without its article.
        bare = ARTICLE.sub("", key)
        if bare != key:
            index.setdefault(bare, []).append(commune)
    for homonyms in index.values():
        homonyms.sort(key=lambda c: -c.population)
    return index


@cache
def departements() -> dict[str, Departement]:
    meta = json.loads((DATA / "departements.json").read_text(encoding="utf-8"))
    return {
        code: Departement(code, d["nom"], tuple(d["bbox"]))
        for code, d in sorted(meta["departements"].items())
    }


def commune_by_code(code: str) -> Commune | None:
    return _by_code().get(code.strip())


def find_communes(name: str, departement: str = "") -> list[Commune]:
    """Communes of that name, the most populated first; narrowed to a département if given."""
    found = _by_name().get(name_key(name), [])
    if departement:
        found = [c for c in found if c.departement == departement.strip()]
    return found
