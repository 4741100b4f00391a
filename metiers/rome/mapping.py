"""From a ROME fiche to the fields of a ``MetierPage``, in a comparable form.

Each imported field has a "comparable" value: text for simple fields and rich text, a list
of ``{"titre", "elements"}`` groups for grouped lists, a sorted list of codes for links. That
is the form the import compares with the fiche and keeps the fingerprint of (see
``tracking``); ``stream_data`` and primary keys appear only when writing.

Rich text goes through ``metiers.sanitize``. Plain-text fields (titles, appellations, group
items) are stored as they are: the templates escape them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from html import escape

from metiers.rome.model import Fiche, Texte
from metiers.sanitize import clean_html, text_to_html

# Simple fields, as text
TEXT_FIELDS = ("title", "titre_masculin", "titre_feminin", "appellations", "riasec")
# RichTextField
RICH_TEXT_FIELDS = ("description", "acces")
# StreamField of ListeGroupeeBlock
GROUP_FIELDS = ("competences", "savoirs", "conditions")
# ParentalManyToManyField: centres by OGR code, métiers proches by ROME code
LINK_FIELDS = ("centres_interet", "metiers_proches")
IMPORTED_FIELDS = (*TEXT_FIELDS, *RICH_TEXT_FIELDS, *GROUP_FIELDS, *LINK_FIELDS)

GROUP_BLOCK = "groupe"

Values = dict[str, object]


def texte_html(texte: Texte) -> str:
    """The blocks of a ROME text as safe HTML: paragraphs and bulleted lists."""
    parts: list[str] = []
    for bloc in texte.blocs:
        if bloc.type == "liste":
            items = "".join(f"<li>{escape(ligne, quote=False)}</li>" for ligne in bloc.lignes)
            parts.append(f"<ul>{items}</ul>")
        else:
            parts.append(text_to_html(bloc.lignes))
    return clean_html("".join(parts))


def groupes(pairs: Iterable[tuple[str, Iterable[str]]]) -> list[dict]:
    result = []
    for titre, elements in pairs:
        elements = list(elements)
        if elements:
            result.append({"titre": titre, "elements": elements})
    return result


def fiche_values(fiche: Fiche) -> Values:
    """Everything the import writes on the fiche métier, in comparable form.

    ``metiers_proches`` keeps every ROME target: the import drops those without a fiche on
    the site (outside the domain filter) and counts them.
    """
    riasec = fiche.riasec
    return {
        "title": fiche.libelle,
        # Without a « Masc / Fém » form, the label is the ROME's masculine title; the feminine
        # stays empty rather than wrong (« Opérateur prototypiste »): the editor completes it.
        "titre_masculin": fiche.masculin or fiche.libelle,
        "titre_feminin": fiche.feminin or "",
        # The main one is the fiche's title: the field lists « les autres noms ».
        "appellations": "\n".join(a.libelle for a in fiche.appellations if not a.principale),
        "riasec": (riasec.majeur + (riasec.mineur or "")) if riasec else "",
        "description": texte_html(fiche.definition),
        "acces": texte_html(fiche.acces_metier),
        "competences": groupes(
            (g.rubrique, (c.libelle for c in g.competences)) for g in fiche.competences
        ),
        "savoirs": groupes((g.categorie, (s.libelle for s in g.savoirs)) for g in fiche.savoirs),
        "conditions": groupes(
            (g.categorie, (c.libelle for c in g.contextes)) for g in fiche.contextes
        ),
        "centres_interet": sorted({str(c.code) for c in fiche.centres_interet}),
        "metiers_proches": sorted({m.code_rome_cible for m in fiche.mobilites} - {fiche.code_rome}),
    }


def stream_data(groups: list[dict]) -> list[dict]:
    """A comparable list of groups as raw StreamField data."""
    return [{"type": GROUP_BLOCK, "value": group} for group in groups]


def _stream_groups(raw: object) -> list[dict]:
    """The groups of a StreamField as a revision stores it.

    A revision keeps the StreamField as a JSON string; a ListBlock saved by the admin has
    ``{"type": "item", "value": ..., "id": ...}`` items, a ListBlock written by the import
    plain strings: both compare the same.
    """
    if isinstance(raw, str):
        raw = json.loads(raw) if raw else []
    result = []
    for block in raw or []:
        value = block.get("value") or {}
        elements = [
            item.get("value") if isinstance(item, dict) else item
            for item in value.get("elements") or []
        ]
        # A block of another type than « groupe » keeps its form: it counts as an
        # editor's change, which it is.
        if block.get("type") == GROUP_BLOCK:
            result.append({"titre": value.get("titre", ""), "elements": elements})
        else:
            result.append({"type": block.get("type"), "value": value})
    return result


def _codes(pks: Iterable[int], codes_by_pk: Mapping[int, str]) -> list[str]:
    # A link to an object without a code (a hand-made fiche) stays visible as a difference.
    return sorted(codes_by_pk.get(pk) or f"#{pk}" for pk in pks)


def content_values(
    content: Mapping[str, object],
    centre_codes: Mapping[int, str],
    page_codes: Mapping[int, str],
) -> Values:
    """The comparable values of a fiche as the editor sees it (its latest revision)."""
    values: Values = {}
    for name in (*TEXT_FIELDS, *RICH_TEXT_FIELDS):
        values[name] = content.get(name) or ""
    for name in GROUP_FIELDS:
        values[name] = _stream_groups(content.get(name))
    values["centres_interet"] = _codes(content.get("centres_interet") or [], centre_codes)
    values["metiers_proches"] = _codes(content.get("metiers_proches") or [], page_codes)
    return values


def memory_of(content: Mapping[str, object]) -> dict[str, str]:
    memory = content.get("rome_import") or {}
    if isinstance(memory, str):  # a JSONField's serialised form in an old revision
        memory = json.loads(memory)
    return dict(memory)
