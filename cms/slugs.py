"""Slugs without accents: « œnologue » becomes « oenologue », never « %C5%93nologue ».

Django's slugify drops what Unicode cannot decompose (œ, æ, ß, ł); anyascii transliterates
them first, as a person would type them.
"""

from anyascii import anyascii
from django.utils.text import slugify


def ascii_slug(text: str) -> str:
    return slugify(anyascii(text or ""))
