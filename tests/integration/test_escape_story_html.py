"""The escape game's story HTML reaches phones as HTML: it is cleaned at launch with the site's
allow-list (metiers/sanitize.py), and again when the screens render it."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from games.models import GameSession
from games.services.spec_html import clean_spec_html
from tests.support.escape_games import COFFRE, escape_spec, join_team, launch_escape
from tests.support.games import make_teacher

HOSTILE = (
    '<p style="position:fixed">Lundi, <b>8 heures</b>.</p>'
    "<script>alert(1)</script>"
    '<img src="x" onerror="alert(2)">'
    '<a href="javascript:alert(3)" onclick="alert(4)">le plan</a>'
    '<a href="/metiers/soudeur/">la fiche</a>'
)
# what would run or restyle the page; the page's own scripts are not from the spec
DANGERS = ("alert(", "onerror", "onclick", "javascript:", "position:fixed", '<img src="x"')


def assert_clean(text: str) -> None:
    for danger in DANGERS:
        assert danger not in text, danger


def test_every_html_key_is_cleaned_at_any_depth_and_nothing_else():
    spec = {
        "title": "<b>titre</b>",
        "introduction_html": HOSTILE,
        "enigmes": [{"text": "<i>énoncé</i>", "data": {"story_html": HOSTILE, "length": 4}}],
    }
    cleaned = clean_spec_html(spec)
    assert_clean(cleaned["introduction_html"])
    assert "<script" not in cleaned["introduction_html"]
    assert "style=" not in cleaned["introduction_html"]
    assert_clean(cleaned["enigmes"][0]["data"]["story_html"])
    assert "<b>8 heures</b>" in cleaned["introduction_html"]  # prose and allowed tags stay
    assert '<a href="/metiers/soudeur/">la fiche</a>' in cleaned["introduction_html"]
    # plain-text fields are escaped where shown, not cleaned here
    assert cleaned["title"] == "<b>titre</b>"
    assert cleaned["enigmes"][0]["text"] == "<i>énoncé</i>"
    assert cleaned["enigmes"][0]["data"]["length"] == 4
    assert spec["introduction_html"] == HOSTILE  # a copy: the caller's spec is untouched


@pytest.fixture
def hostile_game(db):
    teacher = make_teacher()
    enigme = {**COFFRE, "data": {**COFFRE["data"], "story_html": HOSTILE}}
    spec = escape_spec(
        introduction_html=HOSTILE,
        conclusion_html=HOSTILE,
        enigmes=[enigme, *escape_spec()["enigmes"][1:]],
    )
    return teacher, launch_escape(teacher, spec)


def test_the_stored_spec_is_clean(hostile_game):
    _teacher, session = hostile_game
    stored = GameSession.objects.get(pk=session.pk).spec
    assert_clean(stored["introduction_html"])
    assert_clean(stored["conclusion_html"])
    assert_clean(stored["enigmes"][0]["data"]["story_html"])
    assert "Lundi, <b>8 heures</b>." in stored["introduction_html"]


def test_the_phone_and_the_class_screen_get_no_hostile_html(hostile_game):
    teacher, session = hostile_game
    # A game stored before cleaning at launch existed (or written by other means).
    GameSession.objects.filter(pk=session.pk).update(
        spec={**session.spec, "introduction_html": HOSTILE, "conclusion_html": HOSTILE}
    )
    phone = Client()
    url = reverse("games:nickname", kwargs={"pin": session.pin})
    joined = phone.post(url, {"nickname": "Léa", "team": "t1"})
    page = phone.get(joined["Location"]).content.decode()
    assert "Lundi, <b>8 heures</b>." in page
    assert_clean(page)

    host = Client()
    host.force_login(teacher)
    board = host.get(reverse("games:host", kwargs={"pin": session.pin})).content.decode()
    assert "Lundi, <b>8 heures</b>." in board
    assert_clean(board)


def test_a_team_member_joins_the_hostile_game_normally(hostile_game):
    _teacher, session = hostile_game
    assert join_team(session, "Tom", "t2") is not None
