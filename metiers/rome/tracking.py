"""The import's memory: what it wrote last time, field by field.

A fiche keeps in ``MetierPage.rome_import`` the fingerprint (a hash) of each value the
import wrote there. On the next run, a field is rewritten only if the fiche still holds
exactly that value: otherwise an editor changed it, and their text wins.

A fingerprint rather than the value: the memory travels in every revision, and copying the
whole fiche into each revision would double their size for nothing.

A field without memory (a fiche created by hand with the same ROME code, or a field the
import did not fill yet) is treated as changed by an editor: the import fills it only when
it is empty.
"""

from __future__ import annotations

import enum
import hashlib
import json
from collections.abc import Mapping


class Decision(enum.Enum):
    UNCHANGED = "inchangé"  # the fiche holds the ROME's value already
    WRITE = "mis à jour"  # the field is untouched since the import (or empty)
    KEEP = "gardé"  # an editor changed it: leave it alone


def fingerprint(value: object) -> str:
    """Stable fingerprint of a comparable value (text, list, dictionary)."""
    canonical = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()[:32]


def is_empty(value: object) -> bool:
    return value in ("", None) or value == [] or value == ()


def decide(current: object, new: object, remembered: str | None) -> Decision:
    """What to do with a field: ``current`` is on the fiche, ``new`` comes from the ROME."""
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
    """The fingerprint to keep for ``field`` after the decision.

    A kept field keeps the old fingerprint: if the editor one day goes back to the imported
    value, ROME updates resume.
    """
    if decision is Decision.KEEP:
        return memory.get(field)
    return fingerprint(new)
