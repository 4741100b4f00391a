"""Demo content of the games: the « Jeux » index, the teachers' group, a demo teacher account,
and the demo games of every kind (games.kinds.<kind>.demo).

Built by code, idempotent: a page is found by its slug and created only when missing (an
editor's changes are kept); the account is created once. Runs after metiers.demo, whose fiches
and objets the games link to.
"""

from __future__ import annotations

from django.db import transaction

from cms.accounts import create_account_once
from cms.models import HomePage
from games.access.permissions import ensure_teachers_group
from games.kinds.registry import demo_loaders
from games.models import GameIndexPage

INDEX_SLUG = "jeux"
TEACHER_USERNAME = "prof.demo"
TEACHER_PASSWORD_ENV = "DEMO_TEACHER_PASSWORD"  # noqa: S105 (the variable's name, not a password)


def ensure_index(home: HomePage) -> GameIndexPage:
    index = GameIndexPage.objects.first()  # max_count = 1: an editor may have renamed it
    if index is None:
        index = GameIndexPage(
            title="Jeux",
            slug=INDEX_SLUG,
            show_in_menus=True,  # « Jeux » in the site's main navigation
            introduction=(
                "<p>Des quiz et des parcours « de A à Z » à lancer en classe : l'enseignant "
                "projette le jeu, les élèves répondent sur leur téléphone, sans compte.</p>"
            ),
        )
        home.add_child(instance=index)
        index.save_revision().publish()
    return index


def ensure_game(index: GameIndexPage, model, slug: str, **fields) -> tuple[object, bool]:
    page = model.objects.child_of(index).filter(slug=slug).first()
    if page is not None:
        return page, False
    page = model(slug=slug, **fields)
    index.add_child(instance=page)  # a parcours fills its questions from its objet here
    page.save_revision().publish()
    return page, True


def ensure_teacher(group, stdout) -> None:
    account = create_account_once(TEACHER_USERNAME, env_var=TEACHER_PASSWORD_ENV)
    if account is None:
        from django.contrib.auth import get_user_model

        user = get_user_model().objects.get(username=TEACHER_USERNAME)
    else:
        user = account.user
        if stdout:
            stdout.write(account.announcement("Compte enseignant de démonstration"))
    user.groups.add(group)


@transaction.atomic
def load(stdout=None) -> None:
    home = HomePage.objects.first()
    index = ensure_index(home)
    group = ensure_teachers_group(index)
    ensure_teacher(group, stdout)
    created = [
        slug for load_games in demo_loaders() for slug in load_games(index, ensure_game, stdout)
    ]
    if stdout:
        detail = f"créés : {', '.join(created)}" if created else "déjà en place"
        stdout.write(f"Jeux : index, groupe « Enseignants » et jeux de démonstration ({detail}).")
