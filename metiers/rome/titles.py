"""Masculine and feminine forms of a « Masc / Fém suite » title.

The ROME writes « Conducteur / Conductrice d'engins agricoles »: the slash separates the
varying words, the rest is shared. The file does not say how many words vary, hence a
heuristic, checked on the 14,704 titles of v460:

- look for the largest number ``n`` of last masculine words each of which starts like the
  feminine word of the same rank (« Accompagnateur médicosocial / Accompagnatrice
  médicosociale »), which also handles a shared prefix that is not repeated (« Artiste
  Plasticien / Plasticienne »);
- otherwise (« Homme / Femme de pied », « Steward / Hôtesse de l'air ») every masculine word
  varies.

A few slashes do not separate genders (« Lapidaire / Diamantaire »): the full label always
stays the reference, these forms are for display.
"""

from __future__ import annotations

SEPARATOR = " / "


def _same_stem(masculine: str, feminine: str) -> bool:
    return masculine[:3].casefold() == feminine[:3].casefold()


def split_gender(title: str) -> tuple[str, str] | None:
    """``(masculine, feminine)``, or ``None`` when the label has not exactly one slash."""
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
        # « Responsable plate-forme expédition / Livraison »: not a gender pair.
        return None
    prefix = masc_words[:-varying]
    suffix = fem_words[varying:]
    masculine = " ".join([*masc_words, *suffix])
    feminine = " ".join([*prefix, *fem_words])
    return masculine, feminine
