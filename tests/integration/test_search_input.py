"""Control characters in a search never reach the search backend (they were a 500)."""

import pytest

from cms.search_text import SEARCH_QUERY_MAX_LENGTH, clean_search_query
from tests.support import metiers_factories as f

pytestmark = pytest.mark.django_db

HOSTILE = ["%00", "chaudron%00nier", "%01%02%1F%7F", "%E2%80%8Bchaudronnier", "%C2%85", "a" * 5000]


@pytest.fixture
def fiche():
    return f.metier("Chaudronnier", slug="chaudronnier")


def test_control_and_format_characters_become_spaces():
    assert clean_search_query("chau\x00dron\x1fnier") == "chau dron nier"
    assert clean_search_query("\x00") == ""
    assert clean_search_query("\u200bsoudure\ud800") == "soudure"
    assert clean_search_query("  deux   mots ") == "deux mots"
    assert clean_search_query("é" * 500) == "é" * SEARCH_QUERY_MAX_LENGTH
    assert clean_search_query(None) == ""


@pytest.mark.parametrize("query", HOSTILE)
def test_site_search_answers_any_query(client, fiche, query):
    response = client.get(f"/recherche/?q={query}")
    assert response.status_code == 200
    shown = response.context["search_query"]
    assert "\x00" not in shown and len(shown) <= SEARCH_QUERY_MAX_LENGTH


@pytest.mark.parametrize("query", HOSTILE)
def test_api_search_answers_any_query(client, fiche, query):
    response = client.get(f"/api/v2/metiers/?search={query}")
    assert response.status_code == 200
    assert "items" in response.json()


@pytest.mark.parametrize("query", HOSTILE)
def test_metiers_index_search_answers_any_query(client, fiche, query):
    assert client.get(f"{fiche.get_parent().url}?q={query}").status_code == 200


def test_a_nul_byte_inside_a_word_still_finds_the_rest(client, fiche):
    html = client.get("/recherche/?q=%00chaudronnier").content.decode()
    assert "Chaudronnier" in html
    api = client.get("/api/v2/metiers/?search=%00chaudronnier").json()
    assert [item["title"] for item in api["items"]] == ["Chaudronnier"]
