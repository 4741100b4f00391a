"""La mémoire de l'import : ce qu'il a écrit la dernière fois, champ par champ.

Une fiche garde dans ``MetierPage.rome_import`` l'empreinte (un hachage) de chaque valeur
que l'import y a écrite. Au passage suivant, un champ n'est réécrit que si la fiche porte
encore exactement cette valeur : sinon un rédacteur l'a changée, et son texte l'emporte.

On garde une empreinte plutôt que la valeur : la mémoire voyage dans chaque révision, et
recopier toute la fiche à chaque révision doublerait leur taille pour rien.

Un champ sans mémoire (fiche créée à la main avec le même code ROME, ou champ que l'import
ne remplissait pas encore) est traité comme modifié par un rédacteur : l'import ne le
remplit que s'il est vide.
"""

from __future__ import annotations

import enum
import hashlib
import json
from collections.abc import Mapping


class Decision(enum.Enum):
    UNCHANGED = "inchangé"  # la fiche porte déjà la valeur du ROME
    WRITE = "mis à jour"  # le champ n'a pas été touché depuis l'import (ou est vide)
    KEEP = "gardé"  # un rédacteur l'a modifié : on n'y touche pas


def fingerprint(value: object) -> str:
    """Empreinte stable d'une valeur comparable (texte, liste, dictionnaire)."""
    canonical = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()[:32]


def is_empty(value: object) -> bool:
    return value in ("", None) or value == [] or value == ()


def decide(current: object, new: object, remembered: str | None) -> Decision:
    """Que faire d'un champ : ``current`` est sur la fiche, ``new`` vient du ROME."""
    if current == new:
        return Decision.UNCHANGED
    if remembered is None:
        return Decision.WRITE if is_empty(current) else Decision.KEEP
    if fingerprint(current) == remembered:
        return Decision.WRITE
    return Decision.KEEP


def next_memory(
    memory: Mapping[str, str], field: str, decision: Decision, new: object
) -> str | None:
    """L'empreinte à garder pour ``field`` après la décision.

    Un champ gardé conserve l'ancienne empreinte : si le rédacteur revient un jour à la
    valeur importée, les mises à jour du ROME reprendront.
    """
    if decision is Decision.KEEP:
        return memory.get(field)
    return fingerprint(new)
