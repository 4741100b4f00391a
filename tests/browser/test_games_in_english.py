"""A class plays the demo quiz (with its picture) and the parcours to the end with the site in
English: every word of the class screen and the phones comes from the English catalogue,
ordinals and plurals included ("1st place", "2 answers")."""

import re

import pytest
from django.utils import translation
from django.utils.translation import gettext
from playwright.sync_api import expect

from tests.support.browser import PHONE
from tests.support.live_games import answer_as_shown, log_in_as_admin, watch

pytestmark = pytest.mark.browser

NICKNAMES = ["Beaver", "Otter", "Lynx 42"]


def say(text: str, **params) -> str:
    with translation.override("en"):
        english = gettext(text)
    assert english != text or text in {"Score", "Place"}, f"not translated: {text!r}"
    return english % params if params else english


@pytest.mark.parametrize(
    "game_page", ["/jeux/quiz-pile-a-combustible/", "/jeux/parcours-pile-a-combustible/"]
)
def test_a_class_plays_to_the_end_in_english(browser, site_server, game_page):
    teacher = browser.new_context(
        base_url=site_server.url, viewport={"width": 1366, "height": 768}, locale="en-GB"
    )
    teacher.set_default_timeout(10_000)
    host = teacher.new_page()
    problems = watch(host, site_server.url)
    log_in_as_admin(host)
    host.goto(game_page)
    host.get_by_role("button", name=say("Lancer le jeu en classe")).click()
    host.wait_for_url(re.compile(r"/jeu/\d{6}/hote/$"))
    pin = re.search(r"/jeu/(\d{6})/hote/", host.url).group(1)

    phones = []
    for nickname in NICKNAMES:
        context = browser.new_context(base_url=site_server.url, **{**PHONE, "locale": "en-GB"})
        context.set_default_timeout(10_000)
        phone = context.new_page()
        phone.goto(f"/jouer/{pin}/")
        phone.get_by_label(say("Ton pseudo")).fill(nickname)
        phone.get_by_role("button", name=say("C'est parti !")).click()
        phone.wait_for_url(re.compile(rf"/jouer/{pin}/partie/$"))
        phones.append(phone)
    expect(
        host.get_by_role("heading", name=say("Joueurs connectés : %(count)s", count=3))
    ).to_be_visible()
    host.get_by_role("button", name=say("Démarrer")).click()

    first = host.get_by_role(
        "heading", name=re.compile(say("Question %(number)s sur %(count)s", number=1, count=r"\d+"))
    )
    expect(first).to_be_visible()
    count = int(first.text_content().split()[-1])
    words = {
        "send": say("Valider"),
        "estimate": say("Ta réponse"),
        "down": say("Descendre « %(text)s »").split("«")[0].strip(),
    }
    for number in range(1, count + 1):
        heading = say("Question %(number)s sur %(count)s", number=number, count=count)
        expect(host.get_by_role("heading", name=heading)).to_be_visible()
        for choice, phone in enumerate(phones):
            expect(phone.get_by_role("heading", name=heading)).to_be_visible()
            answer_as_shown(phone, choice, words)
        expect(host.get_by_role("heading", name=say("La bonne réponse"))).to_be_visible()
        for phone in phones:
            # "Score: 1,234 points · 2nd place out of 3"
            expect(phone.get_by_text(re.compile(r"(1st|2nd|3rd) place out of 3"))).to_be_visible()
        last = number == count
        host.get_by_role(
            "button", name=say("Voir le podium") if last else say("Question suivante")
        ).click()

    expect(host.get_by_role("heading", name=say("Bravo à toutes et à tous !"))).to_be_visible()
    expect(host.get_by_role("button", name=say("Rejouer"))).to_be_visible()
    for phone in phones:
        expect(
            phone.get_by_text(re.compile(r"You finish in (1st|2nd|3rd) place out of 3"))
        ).to_be_visible()
        expect(
            phone.get_by_role("heading", name=say("Les métiers que tu as découverts"))
        ).to_be_visible()
    assert problems == []
    teacher.close()
    for phone in phones:
        phone.context.close()
