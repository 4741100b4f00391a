"""The page a locked-out admin login gets, in Chromium: clear, readable at phone size, accessible."""

import pytest
from django.conf import settings
from playwright.sync_api import expect

from tests.support.a11y import assert_accessible, assert_no_horizontal_scroll

pytestmark = pytest.mark.browser

# Not "admin": the live server is shared by the session, whose other tests log in as admin.
USERNAME = "intrus"


def test_wrong_passwords_end_on_the_lockout_page(phone_page):
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        phone_page.goto("/admin/login/")
        phone_page.locator("#id_username").fill(USERNAME)
        phone_page.locator("#id_password").fill(f"essai-{attempt}")
        phone_page.locator("#id_password").press("Enter")
        phone_page.wait_for_load_state()
    expect(phone_page.get_by_role("heading", name="Connexion bloquée")).to_be_visible()
    expect(phone_page.get_by_text("la connexion est bloquée pendant 15 minutes")).to_be_visible()
    assert_no_horizontal_scroll(phone_page)
    assert_accessible(phone_page)
