"""The métiers index: filters by filière, study level and centre d'intérêt, text search,
combined, paginated, and sturdy against whatever lands in the query string."""

import pytest

from metiers.catalogue import METIERS_PAR_PAGE
from tests.support import metiers_factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue():
    vehicules = f.filiere("Véhicules du futur", slug="vehicules-du-futur")
    energie = f.filiere("Énergie", slug="energie")
    mains = f.centre("Fabriquer avec mes mains", slug="mains")
    chiffres = f.centre("Calculer", slug="calculer")
    cap = f.formation("CAP Chaudronnerie", "cap")
    bts = f.formation("BTS Électrotechnique", "bts", apprentissage_possible=False)
    f.metier(
        "Chaudronnier / Chaudronnière",
        slug="chaudronnier",
        filieres=[vehicules],
        formations=[cap],
        centres_interet=[mains],
        appellations="Tôlier",
    )
    f.metier(
        "Électrotechnicien / Électrotechnicienne",
        slug="electrotechnicien",
        filieres=[vehicules, energie],
        formations=[bts],
        centres_interet=[chiffres],
    )
    f.metier("Éolien en brouillon", slug="eolien", filieres=[energie], publier=False)
    return f.index_metiers()


def titres(client, **params) -> tuple[list[str], str]:
    response = client.get("/metiers/", params)
    assert response.status_code == 200
    page = response.context["catalogue"].resultats
    return [metier.title for metier in page], response.content.decode()


def test_without_filters_all_published_metiers_are_listed(client, catalogue):
    trouves, html = titres(client)
    assert trouves == ["Chaudronnier / Chaudronnière", "Électrotechnicien / Électrotechnicienne"]
    assert '<p role="status" class="resultats-nombre">' in html and "2 métiers trouvés" in html


def test_filter_by_filiere(client, catalogue):
    assert titres(client, filiere="energie")[0] == ["Électrotechnicien / Électrotechnicienne"]
    assert len(titres(client, filiere="vehicules-du-futur")[0]) == 2


def test_filter_by_study_level(client, catalogue):
    assert titres(client, niveau="cap")[0] == ["Chaudronnier / Chaudronnière"]
    trouves, html = titres(client, niveau="ingenieur")
    assert trouves == [] and "Aucun métier trouvé" in html and "Aucun métier ne correspond" in html


def test_filter_by_centre_d_interet(client, catalogue):
    assert titres(client, centre="calculer")[0] == ["Électrotechnicien / Électrotechnicienne"]


def test_text_search_finds_titles_word_beginnings_and_other_names(client, catalogue):
    assert titres(client, q="chaudronnier")[0] == ["Chaudronnier / Chaudronnière"]
    assert titres(client, q="chaudron")[0] == ["Chaudronnier / Chaudronnière"]
    assert titres(client, q="Tôlier")[0] == ["Chaudronnier / Chaudronnière"]
    assert titres(client, q="éolien")[0] == []  # a draft is never found


def test_filters_combine(client, catalogue):
    assert titres(client, filiere="vehicules-du-futur", niveau="bts")[0] == [
        "Électrotechnicien / Électrotechnicienne"
    ]
    assert titres(client, filiere="energie", centre="mains")[0] == []
    assert titres(client, filiere="vehicules-du-futur", q="chaudron", niveau="cap", centre="mains")[
        0
    ] == ["Chaudronnier / Chaudronnière"]


def test_the_form_keeps_the_chosen_filters(client, catalogue):
    _, html = titres(client, filiere="energie", q="électro")
    assert '<option value="energie" selected>' in html
    assert 'value="électro"' in html
    assert "Effacer les filtres" in html


def test_garbage_parameters_are_ignored(client, catalogue):
    for params in (
        {"filiere": "nulle-part"},
        {"niveau": "doctorat"},
        {"centre": "'; DROP TABLE x; --"},
        {"q": "x" * 5000},
        {"page": "abc"},
        {"page": "-3"},
        {"page": "99999"},
        {"inconnu": "1"},
    ):
        trouves, _ = titres(client, **params)
        assert isinstance(trouves, list), params
    assert len(titres(client, niveau="doctorat")[0]) == 2  # an unknown level filters nothing


def test_pagination_keeps_the_filters(client, catalogue):
    energie = f.FilierePage.objects.get(slug="energie")
    for rang in range(METIERS_PAR_PAGE + 1):
        f.metier(f"Métier {rang:02d}", slug=f"metier-{rang}", filieres=[energie])
    trouves, html = titres(client, filiere="energie")
    assert len(trouves) == METIERS_PAR_PAGE
    assert "filiere=energie&amp;page=2" in html
    suite, html = titres(client, filiere="energie", page="2")
    assert len(suite) == 2 and "Page 2 sur 2" in html
