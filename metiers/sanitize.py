"""The one allow-list of HTML our trade pages accept, for every text that comes from outside.

The ROME importer passes every imported text through here before it reaches a page; rich text
typed in the admin is already limited by its editor features (metiers.blocks.TEXTE_RICHE_FEATURES).
"""

import re
from html import escape

import bleach

ALLOWED_TAGS = frozenset({"p", "br", "strong", "b", "em", "i", "ul", "ol", "li", "a", "h3", "h4"})
ALLOWED_ATTRIBUTES = {"a": ["href"]}
ALLOWED_PROTOCOLS = frozenset({"http", "https", "mailto"})

# bleach strips a disallowed tag but keeps its text; a script's or a style's text is code, not
# prose, so those elements go whole. Anything this misses (say an unclosed <script>) still goes
# through bleach, which leaves only inert, escaped text.
_CODE_ELEMENTS = re.compile(r"<(script|style)\b[^>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL)

_cleaner = bleach.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
    protocols=ALLOWED_PROTOCOLS,
    # Drop what is not allowed rather than show it escaped: imported text must read as prose.
    strip=True,
    strip_comments=True,
)


def clean_html(text: str) -> str:
    """Keep only the allowed tags, attributes and link schemes of an HTML fragment."""
    if not text:
        return ""
    return _cleaner.clean(_CODE_ELEMENTS.sub("", text)).strip()


def text_to_html(paragraphs) -> str:
    """Plain text to safe HTML: one <p> per paragraph (a string's blank-line-separated blocks,
    or the items of a list); single line breaks become <br>."""
    if isinstance(paragraphs, str):
        paragraphs = paragraphs.replace("\r\n", "\n").split("\n\n")
    html_paragraphs = []
    for paragraph in paragraphs:
        lines = [escape(line.strip(), quote=False) for line in str(paragraph).strip().splitlines()]
        lines = [line for line in lines if line]
        if lines:
            html_paragraphs.append("<p>" + "<br>".join(lines) + "</p>")
    return "".join(html_paragraphs)
