"""Admin login brute force: django-axes on Wagtail's login form, per username and address."""

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.test import Client

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"
SCHOOL_NAT = "192.0.2.10"
LIMIT = settings.AXES_FAILURE_LIMIT


@pytest.fixture(autouse=True)
def fresh_counters():
    cache.clear()  # axes counts in the cache
    yield
    cache.clear()


@pytest.fixture
def teachers():
    users = get_user_model().objects
    return {
        name: users.create_user(name, password=f"{name}-bon-mot-de-passe", is_superuser=True)
        for name in ("prof.martin", "prof.durand")
    }


def log_in(username, password, address=SCHOOL_NAT):
    return Client(REMOTE_ADDR=address).post(LOGIN, {"username": username, "password": password})


def test_wrong_passwords_lock_the_account_from_that_address(teachers):
    for _ in range(LIMIT - 1):
        response = log_in("prof.martin", "mauvais")
        assert response.status_code == 200  # the form again, with Wagtail's error
    locked = log_in("prof.martin", "mauvais")
    assert locked.status_code == 429
    assert "Connexion bloquée" in locked.content.decode()

    # The right password is refused while locked, with the same clear page.
    still = log_in("prof.martin", "prof.martin-bon-mot-de-passe")
    assert still.status_code == 429
    page = still.content.decode()
    assert "Trop de mots de passe erronés" in page
    assert f"{settings.AXES_COOLOFF_TIME.seconds // 60} minutes" in page
    assert "sessionid" not in still.cookies  # not logged in


def test_others_behind_the_same_address_and_the_owner_elsewhere_are_unaffected(teachers):
    for _ in range(LIMIT):
        log_in("prof.martin", "mauvais")
    # Another teacher behind the same school NAT logs in.
    assert log_in("prof.durand", "prof.durand-bon-mot-de-passe").status_code == 302
    # The locked teacher, from home (another address), too: a pupil cannot lock them out.
    assert log_in("prof.martin", "prof.martin-bon-mot-de-passe", "198.51.100.3").status_code == 302


def test_a_successful_login_resets_the_count(teachers):
    for _ in range(LIMIT - 1):
        log_in("prof.martin", "mauvais")
    assert log_in("prof.martin", "prof.martin-bon-mot-de-passe").status_code == 302
    for _ in range(LIMIT - 1):
        assert log_in("prof.martin", "mauvais").status_code == 200
    assert log_in("prof.martin", "prof.martin-bon-mot-de-passe").status_code == 302


def test_no_address_is_written_to_the_database(teachers):
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    for _ in range(LIMIT + 1):
        log_in("prof.martin", "mauvais")
    log_in("prof.durand", "prof.durand-bon-mot-de-passe")
    assert not AccessAttempt.objects.exists()
    assert not AccessLog.objects.exists()
    assert not AccessFailureLog.objects.exists()


def test_the_lockout_page_is_translated(teachers):
    for _ in range(LIMIT):
        log_in("prof.martin", "mauvais")
    client = Client(REMOTE_ADDR=SCHOOL_NAT, HTTP_ACCEPT_LANGUAGE="en")
    response = client.post(LOGIN, {"username": "prof.martin", "password": "x"})
    assert response.status_code == 429
    assert "Too many wrong passwords" in response.content.decode()
