"""Ordinals and plurals in French and English: the Python helper (templates, exports) and the
screens' JavaScript (games/static/games/js/wording.js, run with node)."""

import json
from pathlib import Path

import pytest
from django.utils import translation
from django.utils.translation import ngettext

from games.wording import ordinal, ordinal_category, ordinal_forms, plural_forms
from tests.support.node import run_module

WORDING_JS = Path(__file__).resolve().parents[2] / "games/static/games/js/wording.js"


@pytest.mark.parametrize(
    ("number", "french", "english"),
    [(1, "1ʳᵉ", "1st"), (2, "2ᵉ", "2nd"), (3, "3ᵉ", "3rd"), (4, "4ᵉ", "4th"), (11, "11ᵉ", "11th"),
     (12, "12ᵉ", "12th"), (13, "13ᵉ", "13th"), (21, "21ᵉ", "21st"), (22, "22ᵉ", "22nd"), (101, "101ᵉ", "101st")],
)  # fmt: skip
def test_ordinals_in_both_languages(number, french, english):
    with translation.override("fr"):
        assert ordinal(number) == french
    with translation.override("en"):
        assert ordinal(number) == english


def test_french_has_no_second_or_third_form():
    assert {ordinal_category(n, "fr") for n in range(2, 200)} == {"other"}


def players(n):
    return ngettext("%(count)s joueur", "%(count)s joueurs", n)


def test_plural_forms_are_translated():
    with translation.override("fr"):
        assert plural_forms(players) == {"one": "%(count)s joueur", "other": "%(count)s joueurs"}


def run_node(script: str):
    return run_module(WORDING_JS, "{ ordinalText, pickForm, fill }", script)


def test_the_screens_pick_the_same_forms():
    with translation.override("fr"):
        french = {
            "ordinal": ordinal_forms(),
            "players": {"one": "%(n)s joueur", "other": "%(n)s joueurs"},
        }
    english = {"ordinal": {"one": "%(n)sst", "two": "%(n)snd", "few": "%(n)srd", "other": "%(n)sth"},
               "players": {"one": "%(n)s player", "other": "%(n)s players"}}  # fmt: skip
    texts = json.dumps({"fr": french, "en": english})
    out = run_node(
        f"const texts = {texts};\n"
        "const said = {};\n"
        "for (const lang of ['fr', 'en']) {\n"
        "  said[lang] = [0, 1, 2, 3, 11, 21, 22].map((n) => [ordinalText(texts[lang].ordinal, n, lang),\n"
        "    fill(pickForm(texts[lang].players, n, lang), { n })]);\n"
        "}\n"
        "console.log(JSON.stringify(said));"
    )
    assert [row[0] for row in out["fr"]] == ["0ᵉ", "1ʳᵉ", "2ᵉ", "3ᵉ", "11ᵉ", "21ᵉ", "22ᵉ"]
    assert [row[1] for row in out["fr"]][:3] == ["0 joueur", "1 joueur", "2 joueurs"]
    assert [row[0] for row in out["en"]] == ["0th", "1st", "2nd", "3rd", "11th", "21st", "22nd"]
    assert [row[1] for row in out["en"]][:3] == ["0 players", "1 player", "2 players"]


def test_a_sentence_without_forms_is_used_as_it_is():
    assert run_node("console.log(JSON.stringify(pickForm('Bonjour', 3, 'fr')))") == "Bonjour"


def test_the_template_filter():
    from django.template import Context, Template

    page = Template("{% load wording %}{{ rank|ordinal }} {{ nothing|ordinal }}")
    with translation.override("fr"):
        assert page.render(Context({"rank": 1})) == "1ʳᵉ "
