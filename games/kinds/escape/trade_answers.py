"""More accepted answers for « Trouve le métier » énigmes: the names their fiches give the trade.

A team that writes the fiche's own title (« Soudeur / Soudeuse ») or one of its ROME
appellations (« Chaudronnier soudeur ») has found the trade; the editor should not have to copy
them into the solutions. They travel in the spec as the énigme's `also_accepted`, which the
engine treats as secret as the solutions (games/kinds/escape/engine/spec.py).
"""

from __future__ import annotations

from typing import Any

from metiers.models import MetierPage

# An appellation is one line of the fiche's field; a fiche rarely has more than twenty.
MAX_NAMES_PER_FICHE = 40
MAX_NAME_LENGTH = 120


def fiche_names(metier: MetierPage) -> list[str]:
    """The fiche's title and its appellations (one per line), each once."""
    lines = [metier.title, *(metier.appellations or "").splitlines()]
    names: list[str] = []
    for line in lines:
        name = " ".join(line.split())[:MAX_NAME_LENGTH]
        if name and name not in names:
            names.append(name)
    return names[:MAX_NAMES_PER_FICHE]


def with_trade_names(enigmes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The engine's énigmes, each « Trouve le métier » with its fiches' names accepted too."""
    ids = {
        int(metier["id"])
        for enigme in enigmes
        if enigme.get("kind") == "find_trade"
        for metier in enigme.get("metiers", [])
        if str(metier.get("id", "")).isdigit()
    }
    if not ids:
        return enigmes
    fiches = {
        str(page.pk): page
        for page in MetierPage.objects.filter(pk__in=ids).only("pk", "title", "appellations")
    }
    result = []
    for enigme in enigmes:
        if enigme.get("kind") == "find_trade":
            names = [
                name
                for metier in enigme.get("metiers", [])
                if (fiche := fiches.get(str(metier.get("id")))) is not None
                for name in fiche_names(fiche)
            ]
            enigme = {**enigme, "also_accepted": names}
        result.append(enigme)
    return result
