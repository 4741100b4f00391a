"""The impact figures of a session: counted when it ends, kept after the purge of play data."""

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from games.engine.commands import End, Kick, Start
from games.impact.models import SessionFiliere, SessionImpact, SessionTrade
from games.impact.record import record_session_impact
from games.models import GameSession, Player
from games.services.clock import now_ms
from games.services.play import apply_commands
from tests.support import metiers_factories as factories
from tests.support.games import join, launch_quiz, make_teacher
from tests.support.impact import (
    metier_entry,
    play_escape_to_the_end,
    play_quiz_to_the_end,
    quiz_with_metiers,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def teacher():
    return make_teacher()


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Runs a game as the server does: the end-of-game count happens after the commit."""

    def run(play, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return play(*args, **kwargs)

    return run


def trades_of(impact):
    return dict(impact.trades.values_list("title", "players_reached"))


def test_a_quiz_is_counted_when_it_ends(teacher, committed):
    session = committed(play_quiz_to_the_end, teacher)
    impact = SessionImpact.objects.get(session=session)
    assert impact.recorded_at is not None and impact.finished
    assert (impact.kind, impact.game_title) == ("quiz", "Quiz de test")
    assert (impact.players, impact.teams, impact.answers, impact.questions) == (3, 0, 4, 2)
    # Question 1 (Chaudronnier) was answered by all three, question 2 (Horloger) by one.
    assert trades_of(impact) == {"Chaudronnier": 3, "Horloger": 1}
    assert (impact.trades_shown, impact.trade_discoveries) == (2, 4)
    assert impact.played_on == timezone.localdate(session.created_at)
    assert impact.month == impact.played_on.replace(day=1)
    assert impact.duration_s is not None


def test_nothing_personal_is_kept(teacher, committed):
    session = committed(play_quiz_to_the_end, teacher)
    impact = SessionImpact.objects.get(session=session)
    stored = " ".join(str(value) for value in impact.__dict__.values())
    stored += " ".join(str(row) for row in impact.trades.values())
    for nickname in ("Zoé", "Malik", "Inès"):
        assert nickname not in stored


def test_a_session_played_then_purged_still_counts(teacher, committed, settings):
    settings.GAMES_RETENTION_DAYS = 30
    session = committed(play_quiz_to_the_end, teacher)
    GameSession.objects.filter(pk=session.pk).update(ended_at=timezone.now() - timedelta(days=31))
    call_command("purge_games", stdout=io.StringIO())
    assert not GameSession.objects.filter(pk=session.pk).exists()
    assert not Player.objects.filter(session_id=session.pk).exists()
    impact = SessionImpact.objects.get()
    assert impact.session is None
    assert impact.players == 3
    assert trades_of(impact) == {"Chaudronnier": 3, "Horloger": 1}


def test_the_purge_counts_a_session_the_end_hook_missed(teacher, committed, settings):
    settings.GAMES_RETENTION_DAYS = 30
    session = committed(play_quiz_to_the_end, teacher)
    SessionImpact.objects.all().delete()  # as if counting had failed at the end of the game
    GameSession.objects.filter(pk=session.pk).update(ended_at=timezone.now() - timedelta(days=31))
    call_command("purge_games", stdout=io.StringIO())
    assert SessionImpact.objects.get().players == 3
    assert SessionTrade.objects.count() == 2


def test_an_abandoned_game_with_players_is_counted_by_the_purge(teacher, committed, settings):
    settings.GAMES_RETENTION_DAYS = 30
    session = launch_quiz(teacher)
    join(session, "Zoé")
    GameSession.objects.filter(pk=session.pk).update(created_at=timezone.now() - timedelta(days=32))
    call_command("purge_games", stdout=io.StringIO())
    impact = SessionImpact.objects.get()
    assert (impact.players, impact.finished, impact.duration_s) == (1, False, None)


def test_a_game_nobody_joined_is_not_counted(teacher, committed):
    session = launch_quiz(teacher)
    assert record_session_impact(session.pk) is None
    assert not SessionImpact.objects.exists()


def test_counting_twice_changes_nothing(teacher, committed):
    session = committed(play_quiz_to_the_end, teacher)
    first = SessionImpact.objects.get()
    again = record_session_impact(session.pk)
    assert again.pk == first.pk and again.recorded_at == first.recorded_at
    assert SessionImpact.objects.count() == 1 and SessionTrade.objects.count() == 2


def test_filieres_count_each_player_once(teacher, committed):
    vehicules = factories.filiere("Véhicules du futur")
    soudeur = factories.metier("Soudeur", filieres=[vehicules])
    peintre = factories.metier("Peintre automobile", filieres=[vehicules])
    spec = quiz_with_metiers([metier_entry(soudeur)], [metier_entry(peintre)])
    committed(play_quiz_to_the_end, teacher, spec)
    row = SessionFiliere.objects.get()
    # Three players answered about the soudeur, one of them also about the peintre.
    assert (row.title, row.players_reached, row.filiere_id) == (
        "Véhicules du futur",
        3,
        vehicules.pk,
    )
    assert set(SessionTrade.objects.values_list("metier_id", flat=True)) == {soudeur.pk, peintre.pk}


def test_an_escape_game_counts_teams_and_the_trades_they_unlocked(teacher, committed):
    session = committed(play_escape_to_the_end, teacher)
    impact = SessionImpact.objects.get(session=session)
    assert (impact.kind, impact.players, impact.teams) == ("escape", 3, 2)
    assert (impact.answers, impact.questions) == (2, 1)
    # Only team t1 (two members) solved the coffre, which reveals one trade.
    assert trades_of(impact) == {"Technicienne de maintenance": 2}


def test_kicked_players_are_not_counted(teacher, committed):
    session = launch_quiz(teacher)
    zoe, intrus = (join(session, name).player for name in ("Zoé", "Intrus"))

    def play():
        apply_commands(session.pk, [Start(), Kick(intrus.engine_id), End()], now_ms())

    committed(play)
    assert SessionImpact.objects.get(session=session).players == 1
