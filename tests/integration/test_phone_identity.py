"""A connecting phone found from its game cookies in one precompiled query
(games/services/phone_identity.py): the same answers as the ORM lookup it replaced."""

from __future__ import annotations

from games.models import GameSession, Team
from games.services.phone_identity import MAX_GAME_COOKIES, phone_by_pin
from games.services.sessions import join_session
from tests.support.games import launch_quiz, make_teacher


def joined(nickname="Lina"):
    session = launch_quiz(make_teacher(f"prof-{nickname}"))
    return session, join_session(session, nickname)


def test_the_cookie_of_a_player_gives_that_player_and_its_game(db):
    session, lina = joined()
    phone = phone_by_pin(session.pin, {session.pk: lina.token})
    assert phone.player_id == lina.player.engine_id
    assert phone.team_key is None
    # The session as the ORM would load it, its big JSON columns left for later.
    expected = GameSession.objects.defer("spec", "state").get(pk=session.pk)
    assert phone.session.pk == session.pk
    assert phone.session.created_at == expected.created_at
    assert phone.session.version == expected.version
    assert phone.session.get_deferred_fields() == {"spec", "state"}
    assert phone.session.spec == expected.spec  # read on demand when asked


def test_the_team_comes_with_the_player(db):
    session, lina = joined()
    team = Team.objects.create(session=session, key="t2", name="Les soudeurs")
    lina.player.team = team
    lina.player.save(update_fields=["team"])
    assert phone_by_pin(session.pin, {session.pk: lina.token}).team_key == "t2"


def test_one_good_cookie_among_others_is_enough(db):
    session, lina = joined()
    other, _ = joined("Noé")
    cookies = {other.pk: "not-a-token", 999_999: "x", session.pk: lina.token}
    assert phone_by_pin(session.pin, cookies).player_id == lina.player.engine_id


def test_what_does_not_open_the_game_gives_nothing(db):
    session, lina = joined()
    other, noe = joined("Noé")
    assert phone_by_pin(session.pin, {session.pk: "wrong"}) is None
    assert phone_by_pin(session.pin, {}) is None
    assert phone_by_pin("12345", {session.pk: lina.token}) is None  # not a PIN
    assert phone_by_pin("abcdef", {session.pk: lina.token}) is None
    assert phone_by_pin(session.pin, {session.pk: "a" * 101}) is None  # too long to be ours
    # A token of another game does not open this one, even under this game's id.
    assert phone_by_pin(session.pin, {session.pk: noe.token}) is None
    assert phone_by_pin(other.pin, {session.pk: lina.token}) is None


def test_a_removed_player_or_an_ended_game_gives_nothing(db):
    session, lina = joined()
    lina.player.kicked = True
    lina.player.save(update_fields=["kicked"])
    assert phone_by_pin(session.pin, {session.pk: lina.token}) is None

    session, noe = joined("Noé")
    GameSession.objects.filter(pk=session.pk).update(ended_at="2026-01-01T00:00:00Z")
    assert phone_by_pin(session.pin, {session.pk: noe.token}) is None


def test_past_the_cookies_a_phone_can_hold_the_rest_are_not_read(db):
    session, lina = joined()
    decoys = {1_000_000 + n: "x" for n in range(MAX_GAME_COOKIES)}
    assert phone_by_pin(session.pin, {**decoys, session.pk: lina.token}) is None
