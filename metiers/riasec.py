"""The RIASEC (Holland) interest profile of a trade: up to six letters, dominant first."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

LIBELLES = {
    "R": _("Réaliste"),
    "I": _("Investigateur"),
    "A": _("Artistique"),
    "S": _("Social"),
    "E": _("Entreprenant"),
    "C": _("Conventionnel"),
}


def normaliser(code: str) -> str:
    """Editors type "ri", "R I" or "R, I": keep the letters, upper case, in their order."""
    return "".join(ch for ch in (code or "").upper() if ch.isalnum())


def valider(code: str) -> None:
    code = normaliser(code)
    inconnues = sorted({lettre for lettre in code if lettre not in LIBELLES})
    if inconnues:
        raise ValidationError(
            _("Lettres inconnues : %(lettres)s. Utilisez seulement R, I, A, S, E et C."),
            code="riasec_lettre",
            params={"lettres": ", ".join(inconnues)},
        )
    if len(set(code)) != len(code):
        raise ValidationError(
            _("Chaque lettre RIASEC ne peut apparaître qu'une fois."), code="riasec_doublon"
        )


def libelles(code: str) -> list[str]:
    """French labels of a profile, dominant first: "RI" -> ["Réaliste", "Investigateur"]."""
    return [str(LIBELLES[lettre]) for lettre in code if lettre in LIBELLES]
