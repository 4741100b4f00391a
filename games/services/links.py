"""Which published games lead to a fiche or a filière: the « Joue » links of the trade pages.

A game leads to the fiches its questions or énigmes name; a parcours also to every fiche of
its objet's chain. There are a handful of games, so they are read whole rather than indexed.
"""

from __future__ import annotations

from wagtail.models import Page

from games.models import EscapeGamePage, ParcoursPage, QuizPage

GAME_MODELS = (QuizPage, ParcoursPage, EscapeGamePage)


def published_games() -> list[Page]:
    games = [game for model in GAME_MODELS for game in model.objects.live().public()]
    return sorted(games, key=lambda game: game.title)


def fiche_ids(game) -> set[int]:
    ids = {metier.pk for metier in game.metiers_en_jeu()}
    objet = getattr(game, "objet", None)
    if objet is not None:
        ids |= {metier.pk for etape in objet.chaine() for metier in etape.metiers_en_ligne}
    return ids


def games_for_fiches(ids: set[int]) -> list[Page]:
    """Published games leading to at least one of these fiches, by title."""
    return [game for game in published_games() if fiche_ids(game) & ids]


def game_image(game):
    """The picture a card shows for a game: its own, its objet's, or its first fiche's."""
    own = getattr(game, "image", None)
    if own is not None:
        return own
    objet = getattr(game, "objet", None)
    if objet is not None and objet.image_id:
        return objet.image
    fiches = game.metiers_en_jeu()
    return fiches[0].image if fiches else None
