"""What keeps robots and floods out of the public proposal form, without any third party.

- a honeypot field people never see (robots fill every field);
- a signed time stamp: a form sent back within seconds was not typed by a person, and one
  older than a few hours is refused as expired;
- a limit of posts per hour for one network address, counted under a keyed hash so the address
  itself is never stored;
- a size limit on the whole request.
"""

from __future__ import annotations

import hashlib
import hmac
import time

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

SALT = "metiers.territoire.proposition"
MIN_SECONDS = 4  # nobody reads and fills the form faster
MAX_AGE = 6 * 3600
POSTS_PER_HOUR = 8
MAX_BODY_BYTES = 16_000

REFUS_ROBOT = _(
    "Votre envoi a été refusé : un champ caché aux personnes a été rempli, comme le font les robots."
)
REFUS_TROP_RAPIDE = _(
    "Votre envoi a été refusé car il est arrivé trop vite après l'ouverture du formulaire. "
    "Relisez-le puis envoyez-le de nouveau."
)
REFUS_EXPIRE = _("Le formulaire a expiré ou a été modifié. Envoyez-le de nouveau.")
REFUS_DEBIT = _("Trop d'envois sont venus de votre connexion en une heure. Réessayez plus tard.")
REFUS_TAILLE = _("Votre envoi est trop long : raccourcissez la description.")


def nouveau_jeton() -> str:
    return signing.dumps(time.time(), salt=SALT)


def erreur_jeton(jeton: str) -> str | None:
    """The refusal message for this time stamp, or None when it is fine."""
    try:
        emis = float(signing.loads(jeton, salt=SALT))
    except (signing.BadSignature, TypeError, ValueError):
        return str(REFUS_EXPIRE)
    age = time.time() - emis
    if age > MAX_AGE:
        return str(REFUS_EXPIRE)
    if age < MIN_SECONDS:
        return str(REFUS_TROP_RAPIDE)
    return None


def empreinte_adresse(request) -> str:
    """A keyed hash of the client address: enough to count, useless to identify anyone."""
    adresse = request.META.get("REMOTE_ADDR", "")
    return hmac.new(settings.SECRET_KEY.encode(), adresse.encode(), hashlib.sha256).hexdigest()


def depasse_le_debit(request) -> bool:
    """Count this post; True when the address has posted more than allowed within the hour."""
    key = f"territoire:propositions:{empreinte_adresse(request)}:{int(time.time() // 3600)}"
    cache.add(key, 0, timeout=3600)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=3600)
        count = 1
    return count > POSTS_PER_HOUR


def trop_gros(request) -> bool:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0) > MAX_BODY_BYTES
    except ValueError:
        return True
