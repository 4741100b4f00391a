"""Formes masculine et féminine d'un intitulé « Masc / Fém suite ».

Le ROME écrit « Conducteur / Conductrice d'engins agricoles » : la barre sépare
les mots variables, la suite est commune. Le fichier ne dit pas combien de mots
varient, d'où une heuristique, vérifiée sur les 14 704 intitulés de v460 :

- on cherche le plus grand nombre ``n`` de derniers mots masculins dont chacun
  commence comme le mot féminin de même rang (« Accompagnateur médicosocial /
  Accompagnatrice médicosociale »), ce qui gère aussi un préfixe commun non
  répété (« Artiste Plasticien / Plasticienne ») ;
- sinon (« Homme / Femme de pied », « Steward / Hôtesse de l'air ») tous les mots
  masculins varient.

Quelques barres ne séparent pas un genre (« Lapidaire / Diamantaire ») : le
libellé complet reste toujours la référence, ces formes servent à l'affichage.
"""

from __future__ import annotations

SEPARATOR = " / "


def _same_stem(masculine: str, feminine: str) -> bool:
    return masculine[:3].casefold() == feminine[:3].casefold()


def split_gender(title: str) -> tuple[str, str] | None:
    """``(masculin, féminin)``, ou ``None`` si le libellé n'a pas une barre unique."""
    if title.count(SEPARATOR) != 1:
        return None
    left, right = title.split(SEPARATOR)
    masc_words = left.split()
    fem_words = right.split()
    if not masc_words or not fem_words:
        return None
    varying = len(masc_words)
    for n in range(min(len(masc_words), len(fem_words)), 0, -1):
        if all(_same_stem(m, f) for m, f in zip(masc_words[-n:], fem_words[:n], strict=True)):
            varying = n
            break
    if len(fem_words) < varying:
        # « Responsable plate-forme expédition / Livraison » : pas une paire de genre.
        return None
    prefix = masc_words[:-varying]
    suffix = fem_words[varying:]
    masculine = " ".join([*masc_words, *suffix])
    feminine = " ".join([*prefix, *fem_words])
    return masculine, feminine
