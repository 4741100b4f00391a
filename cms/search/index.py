"""What a page gives the stemmed search: add the mixin, list the page's texts, add the field."""

from __future__ import annotations

from wagtail.search import index

from .text import index_text


class StemmedSearchMixin:
    """A page whose texts are also indexed as French stems (see cms.search.text).

    Subclasses list their texts in `search_texts()` and put STEMMED_FIELD in `search_fields`.
    """

    def search_texts(self) -> list[str]:
        return [self.title, getattr(self, "search_description", "")]

    def termes_recherche(self) -> str:
        return index_text(*(str(text or "") for text in self.search_texts()))


STEMMED_FIELD = index.SearchField("termes_recherche")
