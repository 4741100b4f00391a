"""The map and agenda demo: 30 companies or more in the region over the 7 filières, a dozen
events some of them past, and a second load that changes nothing."""

from html import unescape

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Page, Revision

from metiers.models import Entreprise, FilierePage
from metiers.territoire import geo
from metiers.territoire.models import AgendaPage, CartePage, EvenementPage

pytestmark = pytest.mark.django_db
REGION = set(geo.departements())  # the region's départements


@pytest.fixture
def demo(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    call_command("load_demo", verbosity=0)


def test_companies_in_real_towns_of_the_region_over_the_seven_filieres(demo):
    in_region = [
        e for e in Entreprise.objects.all() if geo.find_communes(e.ville)[0].departement in REGION
    ]
    assert len(in_region) >= 30
    filieres = FilierePage.objects.filter(entreprises__in=in_region).distinct().count()
    assert filieres == 7


def test_a_dozen_events_some_past_and_both_indexes_in_the_menu(demo):
    evenements = EvenementPage.objects.live()
    assert evenements.count() >= 12
    assert 0 < evenements.filter(fin__lt=timezone.now()).count() < evenements.count()
    assert CartePage.objects.get().show_in_menus and AgendaPage.objects.get().show_in_menus


def test_loading_again_changes_nothing(demo):
    before = (Page.objects.count(), Revision.objects.count(), Entreprise.objects.count())
    call_command("load_demo", verbosity=0)
    assert (Page.objects.count(), Revision.objects.count(), Entreprise.objects.count()) == before


def test_the_map_and_the_agenda_of_the_demo_render(client, demo):
    assert client.get("/carte/").status_code == 200
    assert client.get("/agenda/").status_code == 200
    assert client.get("/agenda/?mois=" + timezone.localdate().strftime("%Y-%m")).status_code == 200


def test_the_home_page_shows_the_next_events_and_leads_to_the_agenda(client, demo):
    html = unescape(client.get("/").content.decode())
    soonest = EvenementPage.objects.live().filter(fin__gte=timezone.now()).order_by("debut").first()
    assert "À venir près de chez toi" in html
    assert soonest.title in html
    assert AgendaPage.objects.get().url in html
    past = EvenementPage.objects.live().filter(fin__lt=timezone.now()).first()
    assert past.title not in html
