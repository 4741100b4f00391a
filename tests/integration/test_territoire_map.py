"""The map of the companies: filters, clusters, zoom, the list and the company page."""

import re

import pytest

from metiers.territoire import carte as mapping
from metiers.territoire import projection
from tests.support import metiers_factories as f
from tests.support import territoire_factories as t

pytestmark = pytest.mark.django_db


@pytest.fixture
def entreprises():
    bois = f.filiere("Bois", slug="bois", couleur="#6d4c2f")
    energie = f.filiere("Énergie", slug="energie")
    scierie = f.entreprise("Scierie du Test", "Luxeuil-les-Bains", filieres=[bois])
    turbines = f.entreprise(
        "Turbines du Test",
        "Belfort",
        latitude="47.640000",
        longitude="6.860000",
        filieres=[energie],
    )
    jumelle = f.entreprise("Jumelle du Test", "Belfort", filieres=[energie])
    soudeur = f.metier("Soudeur / Soudeuse", slug="soudeur", entreprises=[turbines])
    return {"scierie": scierie, "turbines": turbines, "jumelle": jumelle, "soudeur": soudeur}


def noms_listes(response) -> list[str]:
    return re.findall(r'<h3 class="h5 mb-1"><a href="[^"]+">([^<]+)</a>', response.content.decode())


def test_map_lists_every_company_and_draws_the_base_layer(client, entreprises):
    t.carte()
    response = client.get("/carte/")
    assert response.status_code == 200
    assert noms_listes(response) == ["Jumelle du Test", "Scierie du Test", "Turbines du Test"]
    html = response.content.decode()
    assert "/static/territoire/fond-bfc.svg" in html
    assert 'viewBox="0 0 1000 785"' in html
    assert "3 entreprises trouvées" in html


def test_filter_by_filiere_metier_and_commune(client, entreprises):
    t.carte()
    assert noms_listes(client.get("/carte/?filiere=bois")) == ["Scierie du Test"]
    assert noms_listes(client.get("/carte/?metier=soudeur")) == ["Turbines du Test"]
    assert noms_listes(client.get("/carte/?commune=Belfort")) == [
        "Jumelle du Test",
        "Turbines du Test",
    ]
    assert noms_listes(client.get("/carte/?departement=70")) == ["Scierie du Test"]


def test_unknown_filter_value_is_reported_and_ignored(client, entreprises):
    t.carte()
    response = client.get("/carte/?filiere=inconnue")
    assert response.status_code == 200
    assert "n'a pas été compris" in response.content.decode()
    assert len(noms_listes(response)) == 3


def test_departement_filter_zooms_the_map(client, entreprises):
    t.carte()
    html = client.get("/carte/?departement=90").content.decode()
    view_box = re.search(r'class="carte-svg [^"]*" viewBox="([^"]+)"', html).group(1)
    x, y, width, height = map(float, view_box.split())
    assert width < 300 and x > 600  # Belfort is small and in the east
    assert "Voir toute la région" in html


def test_close_companies_merge_into_a_cluster_leading_closer(client, entreprises):
    t.carte()
    html = client.get("/carte/").content.decode()
    # The two Belfort companies are a few hundred metres apart: one numbered marker.
    assert re.search(r'<circle class="groupe"[^>]*/>\s*<text[^>]*>2</text>', html)
    assert 'href="?departement=90#carte"' in html


def test_place_keeps_far_markers_apart_and_merges_near_ones():
    def point(key, lon, lat):
        return mapping.Point(key, f"E{key}", f"/e/{key}/", lon, lat)

    markers = mapping.place(
        [point(1, 6.0, 47.2), point(2, 6.001, 47.2005), point(3, 4.0, 47.0)],
        mapping.FULL_VIEW,
        lambda points: "/groupe/",
    )
    assert sorted(m.count for m in markers) == [1, 2]
    assert [m.url for m in markers if m.count == 2] == ["/groupe/"]


def test_projection_puts_the_region_inside_the_frame():
    x, y = projection.project(6.0223, 47.2367)  # Besançon
    assert 0 < x < projection.WIDTH and 0 < y < projection.HEIGHT
    assert projection.project(projection.WEST, projection.NORTH) == (0, 0)


def test_company_page_links_its_fiches_and_events(client, entreprises):
    t.carte()
    turbines = entreprises["turbines"]
    t.evenement("Salon de l'énergie", entreprises=[turbines])
    t.evenement("Salon passé", jours=-30, entreprises=[turbines])
    response = client.get(f"/carte/entreprise/{turbines.pk}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Soudeur / Soudeuse" in html and entreprises["soudeur"].url in html
    assert "Salon de l&#x27;énergie" in html
    assert "Déjà passés" in html and "Salon passé" in html


def test_unknown_company_is_a_404(client):
    t.carte()
    assert client.get("/carte/entreprise/999999/").status_code == 404


def test_filtered_companies_take_the_colour_of_the_chosen_filiere(client, entreprises):
    t.carte()
    jaune = f.filiere("Luxe", slug="luxe", couleur="#ffc845")
    entreprises["scierie"].filieres.add(jaune)
    entreprises["scierie"].save()
    assert 'fill="#6d4c2f"' in client.get("/carte/?commune=Luxeuil-les-Bains").content.decode()
    assert 'fill="#ffc845"' in client.get("/carte/?filiere=luxe").content.decode()
