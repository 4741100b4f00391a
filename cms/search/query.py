"""Run a site search: the typed words, their word families and synonyms, stemmed, OR-ed.

Pages index `termes_recherche` (see `index_text`), the stems of their texts; a query is turned
into the same stems plus what they stand for, so it works alike on SQLite and PostgreSQL
whatever text configuration the database has.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils.html import strip_tags
from django.utils.text import Truncator
from wagtail.models import Page

from .text import stems, without_accents, words
from .vocabulary import FAMILLES, SYNONYMES, related_stems

EXTRACT_WORDS = 28
HOME_DEPTH = 2  # Wagtail's root is 1, the site's home page 2
# Shown when a search finds nothing: words that do find something on the demo site.
IDEES = ("soudeur", "robot", "yaourt", "éolienne", "montre", "plastique", "bois")


def query_terms(query: str) -> list[str]:
    """The stems to look for: each typed word's stem, its family and synonyms, in a stable order.

    The typed words come first, unaccented, so a field indexed as plain text (a ROME code,
    a name) still matches.
    """
    terms: list[str] = []
    for word in without_accents(query.lower()).split():
        if word.isalnum() and word not in terms:
            terms.append(word)
    for typed in stems(query):
        for term in [typed, *sorted(related_stems(typed) - {typed})]:
            if term not in terms:
                terms.append(term)
    return terms


def search_pages(query: str, pages: QuerySet | None = None):
    """Live, public pages matching the query, best first (a Wagtail search results object)."""
    if pages is None:
        # Below the home page: the home only sums the site up, it answers no question.
        pages = Page.objects.live().public().filter(depth__gt=HOME_DEPTH).specific()
    terms = query_terms(query)
    if not terms:
        return pages.none()
    return pages.search(" ".join(terms), operator="or")


@dataclass(frozen=True)
class Result:
    page: Page
    kind: str
    extract: str

    @property
    def image(self):
        return getattr(self.page, "image", None)


def describe(page: Page) -> Result:
    """A result as the search page shows it: the page, what kind of page, a short extract."""
    specific = page.specific
    kind = str(specific._meta.verbose_name)
    for field in ("search_description", "accroche", "hero_text", "introduction"):
        text = strip_tags(str(getattr(specific, field, "") or "")).strip()
        if text:
            return Result(specific, kind, Truncator(text).words(EXTRACT_WORDS))
    return Result(specific, kind, "")


def _known_words() -> dict[str, str]:
    """Words we know a search can use, unaccented → as written: titles and our vocabulary."""
    known: dict[str, str] = {}
    titles = Page.objects.live().public().exclude(depth__lte=1).values_list("title", flat=True)
    sources = [*titles, *FAMILLES, *SYNONYMES]
    for text in sources:
        for word in words(text):
            if len(word) > 3:
                known.setdefault(without_accents(word), word)
    return known


def suggestions(query: str, limit: int = 3) -> list[str]:
    """Close spellings of the typed words that we know: « soudeure » → « soudeur »."""
    known = _known_words()
    found: list[str] = []
    for word in words(query):
        plain = without_accents(word)
        for close in difflib.get_close_matches(plain, known.keys(), n=limit, cutoff=0.75):
            if close != plain and known[close] not in found:
                found.append(known[close])
    return found[:limit]
