"""The retention purge runs from the application itself, off the request path."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.utils import timezone

from games.models import GameSession, Player
from games.services.retention import PURGE_CLAIM_KEY, PurgeScheduler, scheduler
from tests.support.games import join, launch_quiz, make_teacher

pytestmark = pytest.mark.django_db(transaction=True)


def played_and_ended(teacher, nickname, days_ago):
    session = launch_quiz(teacher)
    join(session, nickname)
    GameSession.objects.filter(pk=session.pk).update(
        created_at=timezone.now() - timedelta(days=days_ago + 1),
        ended_at=timezone.now() - timedelta(days=days_ago),
    )
    return session


@pytest.fixture
def games_of_two_ages(settings):
    settings.GAMES_RETENTION_DAYS = 30
    settings.GAMES_PURGE_INTERVAL = 3600
    cache.delete(PURGE_CLAIM_KEY)
    scheduler._next_check = 0.0
    teacher = make_teacher()
    old = played_and_ended(teacher, "Ancien", days_ago=31)
    fresh = played_and_ended(teacher, "Récent", days_ago=2)
    yield old, fresh
    scheduler._next_check = 0.0
    cache.delete(PURGE_CLAIM_KEY)


def test_any_page_view_purges_a_game_ended_31_days_ago_and_keeps_a_fresh_one(
    client, games_of_two_ages
):
    old, fresh = games_of_two_ages
    assert client.get("/jouer/").status_code == 200
    scheduler.last_thread.join(timeout=10)
    assert set(GameSession.objects.values_list("pk", flat=True)) == {fresh.pk}
    assert list(Player.objects.values_list("nickname", flat=True)) == ["Récent"]


def test_the_purge_runs_at_most_once_per_interval(client, games_of_two_ages):
    client.get("/jouer/")
    first = scheduler.last_thread
    first.join(timeout=10)
    client.get("/jouer/")
    assert scheduler.last_thread is first  # this process waits for the next interval


def test_another_process_skips_the_purge_another_one_claimed(games_of_two_ages):
    old, _ = games_of_two_ages
    cache.add(PURGE_CLAIM_KEY, "claimed by another process", timeout=3600)
    other_process = PurgeScheduler()
    other_process.maybe_start().join(timeout=10)
    assert GameSession.objects.filter(pk=old.pk).exists()


def test_interval_zero_leaves_the_purge_to_the_command(client, games_of_two_ages, settings):
    settings.GAMES_PURGE_INTERVAL = 0
    assert PurgeScheduler().maybe_start() is None
