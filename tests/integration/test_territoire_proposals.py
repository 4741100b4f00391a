"""Partners propose events: a valid proposal waits for moderation; every refusal writes nothing."""

import time

import pytest
from django.core import signing
from django.core.cache import cache
from django.test import Client
from wagtail.models import WorkflowState

from metiers.territoire import antispam
from metiers.territoire.models import EvenementPage
from tests.support import territoire_factories as t

pytestmark = pytest.mark.django_db
URL = "/agenda/proposer/"


@pytest.fixture(autouse=True)
def agenda():
    cache.clear()
    return t.agenda()


def jeton(age_seconds: float = 60) -> str:
    return signing.dumps(time.time() - age_seconds, salt=antispam.SALT)


def proposition(**changes) -> dict:
    data = {
        "titre": "Portes ouvertes de l'atelier",
        "type_evenement": "portes_ouvertes",
        "debut": "2027-03-14T09:00",
        "fin": "2027-03-14T17:00",
        "lieu": "Atelier des Tanneurs, 3 rue du Moulin",
        "commune": "Dole",
        "publics": [str(t.public("collegiens").pk), str(t.public("parents").pk)],
        "description": "Visite des ateliers, démonstrations de soudure et rencontre avec les apprentis.",
        "organisateur": "Atelier des Tanneurs",
        "contact": "contact@atelier.example",
        "inscription": "",
        "site_internet": "",
        "jeton": jeton(),
    }
    data.update(changes)
    return data


def test_the_form_is_rendered_with_crispy_and_a_time_stamp(client):
    html = client.get(URL).content.decode()
    assert 'name="jeton"' in html and 'name="site_internet"' in html
    assert "csrfmiddlewaretoken" in html
    assert "form-control" in html  # crispy-bootstrap5 rendering


def test_a_valid_proposal_becomes_a_draft_in_moderation(client, agenda):
    response = client.post(URL, proposition())
    assert response.status_code == 302 and response["Location"].endswith("/proposer/merci/")
    evenement = EvenementPage.objects.get(title="Portes ouvertes de l'atelier")
    assert not evenement.live
    assert evenement.code_commune == "39198"
    assert {p.slug for p in evenement.publics.all()} == {"collegiens", "parents"}
    state = WorkflowState.objects.get(object_id=str(evenement.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert "Portes ouvertes de l&#x27;atelier" not in client.get("/agenda/").content.decode()
    assert client.get(evenement.url or f"/agenda/{evenement.slug}/").status_code == 404


def refused(response, status: int, message: str):
    assert response.status_code == status
    assert message in response.content.decode()
    assert not EvenementPage.objects.exists()


def test_honeypot_refused(client):
    refused(client.post(URL, proposition(site_internet="http://spam.example")), 400, "robots")


def test_too_fast_refused(client):
    refused(client.post(URL, proposition(jeton=jeton(age_seconds=1))), 400, "trop vite")


def test_forged_or_expired_time_stamp_refused(client):
    refused(client.post(URL, proposition(jeton="abc")), 400, "expiré")
    old = jeton(age_seconds=antispam.MAX_AGE + 60)
    refused(client.post(URL, proposition(jeton=old)), 400, "expiré")


def test_rate_limit_per_address(client):
    for _ in range(antispam.POSTS_PER_HOUR):
        client.post(URL, proposition(titre="x"), REMOTE_ADDR="203.0.113.7")
    refused(client.post(URL, proposition(), REMOTE_ADDR="203.0.113.7"), 429, "Trop d")
    # Another address is not affected.
    assert client.post(URL, proposition(), REMOTE_ADDR="203.0.113.8").status_code == 302


def test_oversized_request_refused(client):
    refused(client.post(URL, proposition(description="x" * 20_000)), 413, "trop long")


def test_post_without_csrf_token_refused():
    response = Client(enforce_csrf_checks=True).post(URL, proposition())
    assert response.status_code == 403
    assert not EvenementPage.objects.exists()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"fin": "2027-03-14T08:00"}, "La fin doit venir après le début."),
        ({"commune": "Atlantide"}, "Nous ne trouvons pas la commune"),
        ({"description": "Trop court"}, "au moins 30"),
        ({"contact": "pas-une-adresse"}, "adresse e-mail valide"),
        ({"publics": []}, "Champ requis"),
        ({"titre": "x" * 121}, "au plus 120"),
    ],
)
def test_bad_input_refused_field_by_field(client, changes, message):
    response = client.post(URL, proposition(**changes))
    refused(response, 400, message)
