"""D'une fiche ROME aux champs d'une ``MetierPage``, sous une forme comparable.

Chaque champ importé a une valeur « comparable » : texte pour les champs simples et le texte
riche, liste de groupes ``{"titre", "elements"}`` pour les listes groupées, liste triée de
codes pour les liens. C'est cette forme que l'import compare à la fiche et dont il garde
l'empreinte (voir ``tracking``) ; ``stream_data`` et les clés primaires n'apparaissent qu'au
moment d'écrire.

Le texte riche passe par ``metiers.sanitize``. Les champs en texte simple (titres,
appellations, éléments des groupes) sont stockés tels quels : les gabarits les échappent.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from html import escape

from metiers.rome.model import Fiche, Texte
from metiers.sanitize import clean_html, text_to_html

# Champs simples, en texte
TEXT_FIELDS = ("title", "titre_masculin", "titre_feminin", "appellations", "riasec")
# RichTextField
RICH_TEXT_FIELDS = ("description", "acces")
# StreamField de ListeGroupeeBlock
GROUP_FIELDS = ("competences", "savoirs", "conditions")
# ParentalManyToManyField : centres par code OGR, métiers proches par code ROME
LINK_FIELDS = ("centres_interet", "metiers_proches")
IMPORTED_FIELDS = (*TEXT_FIELDS, *RICH_TEXT_FIELDS, *GROUP_FIELDS, *LINK_FIELDS)

GROUP_BLOCK = "groupe"

Values = dict[str, object]


def texte_html(texte: Texte) -> str:
    """Les blocs d'un texte ROME en HTML sûr : paragraphes et listes à puces."""
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
    """Tout ce que l'import écrit sur la fiche métier, en forme comparable.

    ``metiers_proches`` garde toutes les cibles du ROME : l'import retire celles qui n'ont
    pas de fiche dans le site (hors filtre de domaine) et les compte.
    """
    riasec = fiche.riasec
    return {
        "title": fiche.libelle,
        # Sans forme « Masc / Fém », le libellé est le titre masculin du ROME ; le féminin
        # reste vide plutôt que faux (« Opérateur prototypiste »), le rédacteur le complète.
        "titre_masculin": fiche.masculin or fiche.libelle,
        "titre_feminin": fiche.feminin or "",
        # La principale est le titre de la fiche : le champ liste « les autres noms ».
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
    """Une liste de groupes comparable en données brutes de StreamField."""
    return [{"type": GROUP_BLOCK, "value": group} for group in groups]


def _stream_groups(raw: object) -> list[dict]:
    """Les groupes d'un StreamField tel qu'il est stocké dans une révision.

    Une révision garde le StreamField en chaîne JSON ; un ListBlock enregistré par
    l'administration a des éléments ``{"type": "item", "value": ..., "id": ...}``, un
    ListBlock écrit par l'import des chaînes simples : les deux se comparent pareil.
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
        # Un bloc d'un autre type que « groupe » garde sa forme : il comptera comme une
        # modification du rédacteur, ce qu'il est.
        if block.get("type") == GROUP_BLOCK:
            result.append({"titre": value.get("titre", ""), "elements": elements})
        else:
            result.append({"type": block.get("type"), "value": value})
    return result


def _codes(pks: Iterable[int], codes_by_pk: Mapping[int, str]) -> list[str]:
    # Un lien vers un objet sans code (fiche faite à la main) reste visible comme différence.
    return sorted(codes_by_pk.get(pk) or f"#{pk}" for pk in pks)


def content_values(
    content: Mapping[str, object],
    centre_codes: Mapping[int, str],
    page_codes: Mapping[int, str],
) -> Values:
    """Les valeurs comparables d'une fiche telle que l'éditeur la voit (sa dernière révision)."""
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
    if isinstance(memory, str):  # forme sérialisée d'un JSONField dans une vieille révision
        memory = json.loads(memory)
    return dict(memory)
