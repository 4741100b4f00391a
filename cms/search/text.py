"""French text into search stems: lower case, no accents, no little words, Snowball stems.

The same function runs when a page is indexed and when a query is typed, so « Éoliennes »,
« eolienne » and « éolien » all become the stem `eolien`, whatever the database does with text.
"""

from __future__ import annotations

import functools
import re
import unicodedata

import snowballstemmer
from django.utils.html import strip_tags

WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
# Words that say nothing about a trade; kept out so that « phare de voiture » needs no « de ».
STOPWORDS = frozenset(
    [
        "a",
        "au",
        "aux",
        "avec",
        "ce",
        "ces",
        "cette",
        "dans",
        "de",
        "des",
        "du",
        "elle",
        "en",
        "et",
        "est",
        "il",
        "ils",
        "je",
        "la",
        "le",
        "les",
        "leur",
        "lui",
        "ma",
        "mais",
        "me",
        "mes",
        "moi",
        "mon",
        "ne",
        "nos",
        "notre",
        "nous",
        "on",
        "ou",
        "par",
        "pas",
        "pour",
        "qu",
        "que",
        "qui",
        "sa",
        "se",
        "ses",
        "son",
        "sur",
        "ta",
        "te",
        "tes",
        "toi",
        "ton",
        "tu",
        "un",
        "une",
        "vos",
        "votre",
        "vous",
        "c",
        "d",
        "j",
        "l",
        "m",
        "n",
        "s",
        "t",
        "y",
        "comment",
        "quoi",
        "quel",
        "quelle",
        "quels",
        "quelles",
        "veux",
        "faire",
        "fait",
        "metier",
        "metiers",
    ]
)
MIN_WORD_LENGTH = 2


@functools.cache
def _stemmer():
    return snowballstemmer.stemmer("french")


def without_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def words(text: str) -> list[str]:
    """The meaningful words of a text, lower case, accents kept (the stemmer needs them)."""
    text = text.replace("œ", "oe").replace("æ", "ae")
    found = WORD.findall(text.lower())
    return [
        word
        for word in found
        if len(word) >= MIN_WORD_LENGTH and without_accents(word) not in STOPWORDS
    ]


@functools.lru_cache(maxsize=4096)
def stem(word: str) -> str:
    return without_accents(_stemmer().stemWord(word.lower()))


def stems(text: str) -> list[str]:
    """Every word's stem, in order, repeats kept (they weigh in the ranking)."""
    return [stem(word) for word in words(strip_tags(text or ""))]


def index_text(*parts: str) -> str:
    """What a page gives the search index: the stems of its texts, space-separated."""
    return " ".join(s for part in parts for s in stems(part))
