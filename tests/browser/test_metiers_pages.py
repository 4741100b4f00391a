"""The trade pages of the demo content in a real Chromium at phone size, with the axe check."""

import urllib.request
from urllib.error import HTTPError

import pytest

from tests.support.a11y import assert_accessible, assert_no_horizontal_scroll

pytestmark = pytest.mark.browser

FICHE = "/metiers/chaudronnier/"
FILIERE = "/filieres/vehicules-du-futur/"
OBJET = "/objets-de-a-a-z/pile-a-combustible/"


def ouvrir(page, site_server, chemin: str):
    """Open a demo page; skip (with the reason) while the demo content lacks it."""
    try:
        with urllib.request.urlopen(site_server.url + chemin, timeout=10):  # noqa: S310
            pass
    except HTTPError as error:
        if error.code == 404:
            pytest.skip(f"demo page {chemin} is missing (metiers/demo.py does not create it)")
        raise
    page.goto(chemin)


def test_fiche_on_a_phone(phone_page, site_server):
    ouvrir(phone_page, site_server, FICHE)
    assert phone_page.get_by_role("heading", level=1).is_visible()
    assert phone_page.get_by_text("Ce que je gagne en débutant").is_visible()
    competences = phone_page.locator("summary", has_text="Mes compétences")
    if competences.count():
        details = competences.locator("xpath=..")
        assert details.get_attribute("open") is None
        competences.click()
        assert details.get_attribute("open") is not None
    assert phone_page.get_by_text("Source : France Travail, ROME 4.0.").is_visible()
    assert_no_horizontal_scroll(phone_page)
    assert_accessible(phone_page)


def test_filiere_on_a_phone(phone_page, site_server):
    ouvrir(phone_page, site_server, FILIERE)
    assert phone_page.get_by_role("heading", name="Les métiers de la filière").is_visible()
    assert phone_page.locator(".cartes li").count() > 0
    assert_no_horizontal_scroll(phone_page)
    assert_accessible(phone_page)


def test_objet_timeline_on_a_phone_leads_to_the_fiches(phone_page, site_server):
    ouvrir(phone_page, site_server, OBJET)
    etapes = phone_page.locator("ol.chaine > li")
    assert etapes.count() >= 2
    assert_no_horizontal_scroll(phone_page)
    assert_accessible(phone_page)
    premier_metier = phone_page.locator("a.etape-metier").first
    nom = premier_metier.inner_text()
    premier_metier.click()
    assert phone_page.get_by_role("heading", level=1).inner_text() == nom


def test_metiers_index_filtered_on_a_phone(phone_page, site_server):
    ouvrir(phone_page, site_server, "/metiers/")
    statut = phone_page.get_by_role("status")
    avant = statut.inner_text()
    phone_page.get_by_label("Filière").select_option("vehicules-du-futur")
    phone_page.get_by_role("button", name="Voir les métiers").click()
    phone_page.wait_for_url("**filiere=vehicules-du-futur**")
    assert phone_page.get_by_label("Filière").input_value() == "vehicules-du-futur"
    assert phone_page.get_by_role("status").inner_text() != avant or "trouvé" in avant
    assert phone_page.locator(".cartes li").count() > 0
    assert_no_horizontal_scroll(phone_page)
    assert_accessible(phone_page)
