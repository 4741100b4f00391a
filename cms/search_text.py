"""What a visitor types in a search box, made safe for every search backend.

A NUL byte is refused by PostgreSQL ("string literal cannot contain NUL") and broke the SQLite
full-text query: both answered 500. Control and format characters, lone surrogates and private
use code points mean nothing in a search for a trade, so they become spaces; the query is then
trimmed to a length no one types by hand.
"""

import unicodedata

SEARCH_QUERY_MAX_LENGTH = 200
_DROPPED_CATEGORIES = {"Cc", "Cf", "Cs", "Co", "Cn"}


def clean_search_query(value: str | None, max_length: int = SEARCH_QUERY_MAX_LENGTH) -> str:
    if not value:
        return ""
    text = "".join(
        " " if unicodedata.category(char) in _DROPPED_CATEGORIES else char for char in value
    )
    return " ".join(text.split())[:max_length].strip()
