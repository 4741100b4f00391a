"""The English catalogue is complete: a string left out shows up in French on the English site."""

import re
from pathlib import Path

PO = Path(__file__).resolve().parents[2] / "locale" / "en" / "LC_MESSAGES" / "django.po"


def entries():
    for block in PO.read_text(encoding="utf-8").split("\n\n"):
        if 'msgid ""\nmsgstr ""' in block and "Content-Type" in block:
            continue  # the header
        if "msgid " in block:
            yield block


def test_every_message_has_an_english_translation():
    untranslated = [
        re.search(r'msgid "(.*)"', block).group(1)
        for block in entries()
        if re.search(r'msgstr(\[\d\])? ""\s*$', block)
        and not re.search(r'msgstr(\[\d\])? ""\n"', block)
    ]
    assert not untranslated, f"{len(untranslated)} untranslated: {untranslated[:10]}"


def test_no_fuzzy_translation_is_left():
    fuzzy = [block for block in entries() if re.search(r"^#,.*fuzzy", block, re.M)]
    assert not fuzzy, fuzzy[:3]


def test_the_compiled_catalogue_is_there():
    assert PO.with_suffix(".mo").stat().st_size > 10_000
