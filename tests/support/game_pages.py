"""Builders shared by the game authoring tests (quiz, parcours, escape game)."""

from django.contrib.auth import get_user_model
from django.urls import reverse

from cms.demo import ensure_home_page
from games.access.permissions import ensure_teachers_group
from games.demo import ensure_index
from games.models import GameIndexPage


def game_index() -> GameIndexPage:
    return ensure_index(ensure_home_page())


def teacher(username="prof"):
    """A user of the "Enseignants" group: may launch games."""
    user = get_user_model().objects.create_user(username=username, password="x")
    user.groups.add(ensure_teachers_group(game_index()))
    return user


def launch_url(page) -> str:
    return reverse("games:launch", kwargs={"page_id": page.pk})
