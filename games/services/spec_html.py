"""The HTML inside a game's spec, cleaned once at launch with the site's one allow-list.

A spec's HTML (the escape game's story before and after, each énigme's récit) is the page's
rich text expanded at launch, but a spec can also come from elsewhere (an import, a script, a
migration, old content saved past the editor's features), and the phones insert it as HTML.
So every string under a key ending in `_html`, at any depth, goes through metiers.sanitize
before the spec is stored: what the screens receive is already clean.
"""

from __future__ import annotations

from typing import Any

from metiers.sanitize import clean_html

HTML_SUFFIX = "_html"


def clean_spec_html(value: Any) -> Any:
    """A copy of `value` (a spec, or any part of one) with every `*_html` string cleaned."""
    if isinstance(value, dict):
        return {
            key: clean_html(item)
            if key.endswith(HTML_SUFFIX) and isinstance(item, str)
            else clean_spec_html(item)
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [clean_spec_html(item) for item in value]
    return value
