"""Rebuilding fiche texts from their sentences."""

from __future__ import annotations

from metiers.rome.model import BlocTexte
from metiers.rome.texts import build_texte, clean_phrase


def test_clean_phrase_normalises_doubled_apostrophe_and_spaces():
    assert clean_phrase("  Règle l''outil\tsur  l''axe. ") == "Règle l'outil sur l'axe."


def test_each_sentence_is_a_paragraph():
    texte = build_texte(["Première.", "Seconde."])
    assert texte.phrases == ("Première.", "Seconde.")
    assert texte.blocs == (
        BlocTexte("paragraphe", ("Première.",)),
        BlocTexte("paragraphe", ("Seconde.",)),
    )
    assert texte.texte == "Première.\nSeconde."


def test_bulleted_list_after_colon_then_paragraph():
    texte = build_texte(["Il faut :", "- un diplôme ;", "-\tde l''expérience.", "Ensuite."])
    assert texte.blocs == (
        BlocTexte("paragraphe", ("Il faut :",)),
        BlocTexte("liste", ("un diplôme ;", "de l'expérience.")),
        BlocTexte("paragraphe", ("Ensuite.",)),
    )


def test_unmarked_items_after_colon_form_a_list():
    texte = build_texte(["Ses missions :", "Monter", "Régler", "Contrôler"])
    assert texte.blocs[1] == BlocTexte("liste", ("Monter", "Régler", "Contrôler"))


def test_dot_bullets_numbers_and_lone_dot():
    texte = build_texte([". Monte les pièces", ". Règle", "1.\tPremier point", ".", "Fin."])
    assert texte.blocs == (
        BlocTexte("liste", ("Monte les pièces", "Règle", "1. Premier point")),
        BlocTexte("paragraphe", ("Fin.",)),
    )
    assert "." not in texte.phrases


def test_empty_text_is_falsy():
    assert not build_texte([])
    assert build_texte(["Un."])
