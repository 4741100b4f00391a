"""Small display helpers of the trade pages."""

import re

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext as _

register = template.Library()

# French typography: a narrow no-break space groups thousands and precedes the euro sign.
ESPACE_FINE = "\u202f"


@register.filter
def euros(montant) -> str:
    """1900 -> "1 900 €" (narrow no-break spaces)."""
    if montant is None or montant == "":
        return ""
    groupe = f"{int(montant):,}".replace(",", ESPACE_FINE)
    return f"{groupe}{ESPACE_FINE}€"


@register.simple_tag
def fourchette_salaire(metier) -> str:
    """The beginner's salary as a reader says it: a range, a floor or a ceiling."""
    minimum, maximum = metier.salaire_min, metier.salaire_max
    if minimum is not None and maximum is not None and minimum != maximum:
        return _("de %(min)s à %(max)s") % {"min": euros(minimum), "max": euros(maximum)}
    if minimum is not None and maximum is not None:
        return euros(minimum)
    if minimum is not None:
        return _("à partir de %(min)s") % {"min": euros(minimum)}
    if maximum is not None:
        return _("jusqu'à %(max)s") % {"max": euros(maximum)}
    return ""


_COULEUR = re.compile(r"#[0-9A-Fa-f]{6}")


@register.simple_tag(takes_context=True)
def couleurs_filiere(context, filiere) -> str:
    """A <style> element giving `.filiere-couleur-<pk>` the filière's colours.

    A style attribute would need 'unsafe-inline' in the Content-Security-Policy; an element
    carrying the request's nonce needs nothing more. The colour is checked again here: a value
    saved without the admin's validation must not become CSS."""
    couleur = filiere.couleur or ""
    if not _COULEUR.fullmatch(couleur):
        return ""
    nonce = getattr(context.get("request"), "csp_nonce", "")
    return format_html(
        '<style nonce="{}">.filiere-couleur-{}{{--filiere-fond:{};--filiere-texte:{}}}</style>',
        nonce,
        filiere.pk,
        couleur,
        filiere.couleur_texte,
    )
