"""The read-only API v2: /api/v2/metiers/, /api/v2/filieres/, /api/v2/objets/."""

import pytest

from tests.support import metiers_factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def contenu():
    filiere = f.filiere("Véhicules du futur", slug="vehicules-du-futur", couleur="#12355B")
    f.filiere("Filière en brouillon", slug="brouillon-filiere", publier=False)
    fiche = f.metier(
        slug="chaudronnier",
        description='<p>Il <a href="https://example.org">façonne</a> le métal.</p>',
        competences=[f.groupe("Mettre en forme", "Cintrer")],
        salaire_min=1850,
        salaire_max=2300,
        code_rome="H2902",
        riasec="RI",
        appellations="Tôlier\nTôlière",
        formations=[f.formation()],
        filieres=[filiere],
        centres_interet=[f.centre("Fabriquer", slug="fabriquer")],
        entreprises=[f.entreprise(latitude="45.764043", longitude="4.835659")],
    )
    f.ambassadeur(fiche, prenom="Inès")
    f.ambassadeur(fiche, prenom="Sam", consentement=False)
    f.metier("Brouillon", slug="brouillon-metier", publier=False)
    objet = f.objet(
        slug="pile-a-combustible",
        etapes=[("Découper", [fiche]), ("Assembler", [])],
        filieres=[filiere],
    )
    return {"fiche": fiche, "filiere": filiere, "objet": objet}


def test_metiers_listing_has_published_fiches_only(client, contenu):
    body = client.get("/api/v2/metiers/").json()
    assert body["meta"]["total_count"] == 1
    item = body["items"][0]
    assert item["title"] == "Chaudronnier / Chaudronnière"
    assert item["meta"]["type"] == "metiers.MetierPage"
    assert item["accroche"] and item["code_rome"] == "H2902"


def test_metier_detail_has_the_fiche_content(client, contenu):
    body = client.get(f"/api/v2/metiers/{contenu['fiche'].pk}/").json()
    assert body["salaire_min"] == 1850 and body["salaire_max"] == 2300
    assert body["riasec"] == "RI" and body["riasec_libelles"] == ["Réaliste", "Investigateur"]
    assert body["appellations"] == ["Tôlier", "Tôlière"]
    assert body["competences"][0]["value"] == {"titre": "Mettre en forme", "elements": ["Cintrer"]}
    assert 'href="https://example.org"' in body["description"]
    assert (
        body["formations"][0]["niveau"] == "cap"
        and body["formations"][0]["niveau_libelle"] == "CAP"
    )
    assert body["centres_interet"] == [{"libelle": "Fabriquer", "slug": "fabriquer"}]
    assert [f["slug"] for f in body["filieres"]] == ["vehicules-du-futur"]
    assert [a["prenom"] for a in body["ambassadeurs_visibles"]] == ["Inès"]
    assert body["entreprises"][0]["latitude"] == pytest.approx(45.764043)


def test_filieres_and_objets_endpoints(client, contenu):
    filieres = client.get("/api/v2/filieres/").json()
    assert [item["title"] for item in filieres["items"]] == ["Véhicules du futur"]
    detail = client.get(f"/api/v2/filieres/{contenu['filiere'].pk}/").json()
    assert [m["slug"] for m in detail["metiers"]] == ["chaudronnier"]
    assert [o["slug"] for o in detail["objets"]] == ["pile-a-combustible"]
    assert detail["couleur"] == "#12355B"

    objets = client.get("/api/v2/objets/").json()
    assert [item["meta"]["slug"] for item in objets["items"]] == ["pile-a-combustible"]
    detail = client.get(f"/api/v2/objets/{contenu['objet'].pk}/").json()
    assert [etape["titre"] for etape in detail["etapes"]] == ["Découper", "Assembler"]
    assert [m["slug"] for m in detail["etapes"][0]["metiers"]] == ["chaudronnier"]


def test_drafts_and_other_types_are_not_served(client, contenu):
    brouillon = f.MetierPage.objects.get(slug="brouillon-metier")
    assert client.get(f"/api/v2/metiers/{brouillon.pk}/").status_code == 404
    # A filière's id on the métiers endpoint, and the "type" parameter, widen nothing.
    assert client.get(f"/api/v2/metiers/{contenu['filiere'].pk}/").status_code == 404
    assert client.get("/api/v2/metiers/", {"type": "metiers.FilierePage"}).status_code == 400


def test_the_api_accepts_no_writes(client, contenu):
    assert client.post("/api/v2/metiers/", {"title": "x"}).status_code == 405
    assert client.delete(f"/api/v2/metiers/{contenu['fiche'].pk}/").status_code == 405
