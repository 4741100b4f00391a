"""The search's understanding of French words, and the home page's optional event slot."""

import pytest
from django.template import Context, Template

from cms.search.query import query_terms
from cms.search.text import index_text, stem, words
from cms.search.vocabulary import related_stems


def test_accents_case_and_plurals_meet_on_one_stem():
    assert stem("Éoliennes") == stem("eolienne") == stem("éolien") == "eolien"
    assert index_text("<p>Des <b>YAOURTS</b></p>") == "yaourt"


def test_little_words_are_not_searched():
    assert words("un phare de voiture") == ["phare", "voiture"]


def test_a_word_family_finds_every_member():
    assert {stem("soudeur"), stem("soudure"), stem("soudage")} <= related_stems(stem("souder"))


def test_a_synonym_leads_one_way_only():
    assert stem("laiterie") in related_stems(stem("yaourt"))
    assert stem("yaourt") not in related_stems(stem("laiterie"))


def test_query_terms_keep_the_typed_words_first_and_drop_nothing_searchable():
    terms = query_terms("H2913 souder")
    assert terms[:2] == ["h2913", "souder"]
    assert stem("soudeur") in terms
    assert query_terms("   ") == [] and query_terms("!!!") == []


@pytest.mark.parametrize(
    ("name", "expected"),
    [("components/heading_block.html", '<h2 class="block-heading">Agenda</h2>'), ("nope.html", "")],
)
def test_the_event_slot_renders_a_template_when_it_exists_and_nothing_otherwise(name, expected):
    template = Template("{% load optional %}{% include_if_exists name %}")
    rendered = template.render(Context({"name": name, "value": {"text": "Agenda"}}))
    assert rendered.strip() == expected
