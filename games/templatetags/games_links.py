"""« Joue » on the trade pages: {% jeux_de_la_fiche page as jeux %}, {% jeux_de_la_filiere %}."""

from django import template

from games.services.links import games_for_fiches

register = template.Library()


@register.simple_tag
def jeux_de_la_fiche(fiche):
    return games_for_fiches({fiche.pk})


@register.simple_tag
def jeux_de_la_filiere(filiere):
    return games_for_fiches(set(filiere.metiers().values_list("pk", flat=True)))


@register.simple_tag
def jeux_a_la_une(nombre=3):
    """The games the home page puts forward: the first published ones, by title."""
    from games.services.links import published_games

    return published_games()[:nombre]


@register.simple_tag
def image_du_jeu(jeu):
    """A game's picture: its own, else its objet's, else its first fiche's (or None)."""
    from games.services.links import game_image

    return game_image(jeu)
