"""The map and the agenda in a real Chromium: filters, a partner's proposal through moderation,
the iCalendar feed, no third-party request, axe at 360 px."""

import re
import time
import urllib.request
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from metiers.territoire import antispam
from tests.support.a11y import assert_accessible, assert_no_horizontal_scroll
from tests.support.live_games import log_in_as_admin

pytestmark = pytest.mark.browser

PAGES = [
    "/carte/",
    "/carte/?departement=25",
    "/agenda/",
    "/agenda/archives/",
    "/agenda/proposer/",
    "/agenda/forum-industrie-besancon/",
]


def record_hosts(page) -> set[str]:
    hosts: set[str] = set()
    page.on("request", lambda request: hosts.add(urlsplit(request.url).netloc))
    return hosts


def test_filter_the_map_and_open_a_company_fiche(phone_page, site_server):
    hosts = record_hosts(phone_page)
    phone_page.goto("/carte/")
    phone_page.get_by_label("Filière", exact=True).select_option(label="Microtechniques")
    phone_page.get_by_role("button", name="Voir sur la carte").click()
    phone_page.wait_for_url("**filiere=microtechniques**")
    liste = phone_page.get_by_role("region", name="Liste des entreprises")
    assert "Ampoulix" not in liste.inner_text()  # no microtechniques there
    liste.get_by_role("link", name="Capteurs Comtois").click()
    assert phone_page.get_by_role("heading", level=1).inner_text() == "Capteurs Comtois"
    fiche = (
        phone_page.get_by_role("region", name="Les métiers qu'on y exerce")
        .get_by_role("link")
        .first
    )
    nom = fiche.inner_text()
    fiche.click()
    assert phone_page.get_by_role("heading", level=1).inner_text() == nom
    assert hosts == {urlsplit(site_server.url).netloc}


def test_a_cluster_leads_to_a_closer_view(desktop_page, site_server):
    desktop_page.goto("/carte/")
    groupe = desktop_page.locator("svg.carte-svg a:has(circle.groupe)").first
    groupe.click()
    desktop_page.wait_for_url(re.compile(r"departement=\d+"))
    assert desktop_page.get_by_role("link", name="Voir toute la région").is_visible()


@pytest.mark.parametrize("path", PAGES)
def test_map_and_agenda_pages_on_a_phone(phone_page, site_server, path):
    hosts = record_hosts(phone_page)
    phone_page.goto(path)
    phone_page.wait_for_load_state("networkidle")
    assert hosts == {urlsplit(site_server.url).netloc}, f"third-party request from {path}"
    assert_no_horizontal_scroll(phone_page)
    assert_accessible(phone_page)


def test_month_view_on_a_phone(phone_page, site_server):
    hosts = record_hosts(phone_page)
    phone_page.goto("/agenda/")
    phone_page.get_by_role("link", name="Vue par mois").click()
    assert phone_page.get_by_role("table").is_visible()
    assert hosts == {urlsplit(site_server.url).netloc}
    assert_no_horizontal_scroll(phone_page)
    assert_accessible(phone_page)


def fetch(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - our live server
        return response.read()


def test_propose_approve_then_find_it_in_the_agenda_and_the_feed(
    phone_page, desktop_page, site_server
):
    titre = f"Atelier robotique {int(time.time())}"
    # A partner fills the form on a phone.
    phone_page.goto("/agenda/")
    phone_page.get_by_role("link", name="Proposer un événement").click()
    phone_page.get_by_label("Titre de l'événement").fill(titre)
    phone_page.get_by_label("Type").select_option(label="Atelier")
    phone_page.get_by_label("Description").fill(
        "Programmer un bras robotisé en équipe, puis le voir trier des pièces."
    )
    phone_page.get_by_label("Début").fill("2027-05-12T14:00")
    phone_page.get_by_label("Fin").fill("2027-05-12T17:00")
    phone_page.get_by_label("Lieu").fill("Lycée des métiers, 2 rue de l'Industrie")
    phone_page.get_by_label("Commune").fill("Montbéliard")
    phone_page.get_by_label("Lycéens").check()
    phone_page.get_by_label("Votre organisation").fill("Lycée des métiers")
    phone_page.get_by_label("Adresse électronique de contact").fill("ddfpt@lycee.example")
    assert_accessible(phone_page)
    phone_page.wait_for_timeout(antispam.MIN_SECONDS * 1000)  # a person takes that long at least
    phone_page.get_by_role("button", name="Proposer l'événement").click()
    assert phone_page.get_by_role("heading", name="Merci, votre proposition est reçue").is_visible()
    assert titre not in fetch(site_server.url + "/agenda/").decode()

    # An editor approves it in Wagtail's admin.
    log_in_as_admin(desktop_page)
    desktop_page.get_by_role("link", name=titre).first.click()
    desktop_page.wait_for_url(re.compile(r"/admin/pages/\d+/edit/"))
    desktop_page.get_by_role("button", name="Plus d'actions").last.click()
    desktop_page.get_by_role("button", name="Approuver et Publier").click()
    desktop_page.wait_for_url(re.compile(r"/admin/pages/\d+/$"))  # back to the agenda's pages

    # It is in the agenda and in the iCalendar feed of its type.
    phone_page.goto("/agenda/?type=atelier")
    phone_page.get_by_role("link", name=titre).click()
    assert phone_page.get_by_role("heading", level=1).inner_text() == titre
    calendar = Calendar.from_ical(fetch(site_server.url + "/agenda/ical/?type=atelier"))
    events = [e for e in calendar.walk("VEVENT") if str(e["SUMMARY"]) == titre]
    assert len(events) == 1
    assert "Montbéliard" in str(events[0]["LOCATION"])
    assert events[0].decoded("DTSTART").astimezone(ZoneInfo("Europe/Paris")).hour == 14
