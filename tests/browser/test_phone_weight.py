"""What the quiz phone page costs a student's data plan: every response of one load, each body
compressed as a deployed server sends it (tests/support/page_weight.py)."""

import pytest

from tests.support.live_games import join_by_pin, launch_from_page, log_in_as_admin
from tests.support.page_weight import compressed

pytestmark = pytest.mark.browser

PHONE_BUDGET_BYTES = 150 * 1024


def test_the_quiz_phone_page_weighs_at_most_150_kb(projector_page, phone_page):
    log_in_as_admin(projector_page)
    pin = launch_from_page(projector_page, "/jeux/quiz-pile-a-combustible/")
    join_by_pin(phone_page, pin, "Castor")
    size, responses = compressed(phone_page, phone_page.url)
    print(f"phone page: {size} bytes compressed in {responses} responses")
    assert responses >= 5  # HTML, CSS and the ES modules were all counted
    assert size <= PHONE_BUDGET_BYTES, f"phone page: {size / 1024:.0f} KB"
