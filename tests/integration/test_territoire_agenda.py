"""The agenda: upcoming and past events, filters, the month view and the iCalendar feeds."""

import re

import pytest
from django.utils import timezone
from icalendar import Calendar

from tests.support import metiers_factories as f
from tests.support import territoire_factories as t

pytestmark = pytest.mark.django_db


@pytest.fixture
def evenements():
    t.agenda()
    bois = f.filiere("Bois", slug="bois")
    return {
        "forum": t.evenement("Forum à venir", jours=5, publics=[t.public("collegiens")]),
        "visite": t.evenement(
            "Visite de scierie",
            jours=20,
            type_evenement="visite",
            filieres=[bois],
            publics=[t.public("lyceens")],
        ),
        "passe": t.evenement("Salon passé", jours=-10, type_evenement="salon"),
        "brouillon": t.evenement("Brouillon caché", jours=8, publier=False),
    }


def titres(response) -> list[str]:
    return re.findall(r'<h3 class="h5 mb-1"><a href="[^"]+">([^<]+)</a>', response.content.decode())


def test_upcoming_events_in_date_order_past_ones_archived(client, evenements):
    assert titres(client.get("/agenda/")) == ["Forum à venir", "Visite de scierie"]
    assert titres(client.get("/agenda/archives/")) == ["Salon passé"]


def test_filters(client, evenements):
    assert titres(client.get("/agenda/?type=visite")) == ["Visite de scierie"]
    assert titres(client.get("/agenda/?public=collegiens")) == ["Forum à venir"]
    assert titres(client.get("/agenda/?filiere=bois")) == ["Visite de scierie"]
    assert titres(client.get("/agenda/?departement=21")) == []


def test_month_view_places_events_on_their_day(client, evenements):
    forum = evenements["forum"]
    jour = timezone.localtime(forum.debut).date()
    html = client.get(f"/agenda/?mois={jour:%Y-%m}").content.decode()
    assert f'href="#jour-{jour:%Y-%m-%d}"' in html
    assert f'id="jour-{jour:%Y-%m-%d}"' in html
    assert "Forum à venir" in html


def test_bad_month_is_reported(client, evenements):
    html = client.get("/agenda/?mois=2026-13").content.decode()
    assert "AAAA-MM" in html
    assert "Forum à venir" in html  # the list is shown instead


def parse(response) -> list:
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content).walk("VEVENT")


def test_ical_feed_per_filter(client, evenements):
    tous = parse(client.get("/agenda/ical/"))
    assert {str(e["SUMMARY"]) for e in tous} == {
        "Forum à venir",
        "Visite de scierie",
        "Salon passé",
    }
    visites = parse(client.get("/agenda/ical/?type=visite"))
    assert [str(e["SUMMARY"]) for e in visites] == ["Visite de scierie"]
    event = visites[0]
    assert event.decoded("DTSTART") == evenements["visite"].debut
    assert "Besançon" in str(event["LOCATION"])
    assert str(event["URL"]).endswith(evenements["visite"].url)


def test_event_page_shows_its_place_on_the_map(client, evenements):
    t.carte()
    html = client.get(evenements["forum"].url).content.decode()
    assert 'class="carte-svg ' in html and '<circle class="repere"' in html
    assert "Collégiens" in html


def test_past_event_page_says_it_is_past(client, evenements):
    html = client.get(evenements["passe"].url).content.decode()
    assert "Cet événement est passé" in html
