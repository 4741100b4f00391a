"""The escape game page: a story, énigmes that lead to fiches métiers, played in teams.

`game_spec()` is the engine's escape spec (games.kinds.escape.engine.spec) plus what the live screens
show around the énigmes: the teams created at launch, the story and its conclusion.
"""

from __future__ import annotations

from typing import Any

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.rich_text import expand_db_html
from wagtail.search import index

from cms.search.index import STEMMED_FIELD
from games.authoring.blocks import image_entry
from games.kinds.escape.blocks import STORY_FEATURES, EnigmesBlock, split_problems
from games.kinds.escape.trade_answers import with_trade_names
from games.models.pages import PlayableGame

# The teams a launch creates, in this order; the host may rename them during the game.
TEAM_NAMES = (
    "Les Castors",
    "Les Étincelles",
    "Les Boulons",
    "Les Turbines",
    "Les Engrenages",
    "Les Fusées",
    "Les Aimants",
    "Les Lucioles",
    "Les Tournevis",
    "Les Comètes",
    "Les Pistons",
    "Les Hiboux",
)


class EscapeGamePage(PlayableGame, Page):
    """An escape game: teams solve énigmes at their own pace, each one revealing trades."""

    introduction = RichTextField(
        _("introduction"),
        features=STORY_FEATURES,
        blank=True,
        help_text=_("Le début de l'histoire, lu par la classe avant de commencer."),
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    duree_minutes = models.PositiveSmallIntegerField(
        _("durée (minutes)"),
        default=45,
        validators=[MinValueValidator(10), MaxValueValidator(120)],
    )
    taille_equipe = models.PositiveSmallIntegerField(
        _("joueurs par équipe"),
        default=4,
        validators=[MinValueValidator(2), MaxValueValidator(6)],
        help_text=_("Au plus ; chaque téléphone d'une équipe voit des fragments différents."),
    )
    nombre_equipes = models.PositiveSmallIntegerField(
        _("nombre d'équipes"),
        default=6,
        validators=[MinValueValidator(1), MaxValueValidator(len(TEAM_NAMES))],
        help_text=_("Créées au lancement, avec des noms que l'enseignant peut changer."),
    )
    enigmes = StreamField(
        EnigmesBlock(),
        verbose_name=_("énigmes"),
        blank=True,
        help_text=_(
            "Dans l'ordre du jeu ; la dernière termine la partie. Chaque énigme révèle au moins "
            "une fiche métier."
        ),
    )
    conclusion = RichTextField(
        _("conclusion"),
        features=STORY_FEATURES,
        blank=True,
        help_text=_("Montrée à la fin de la partie."),
    )

    game_kind = "escape"
    game_field = "enigmes"
    parent_page_types = ["games.GameIndexPage"]
    subpage_types = []
    template = "pages/escape_game_page.html"
    search_fields = [*Page.search_fields, index.SearchField("introduction"), STEMMED_FIELD]
    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        FieldPanel("image"),
        MultiFieldPanel(
            [
                FieldPanel("duree_minutes"),
                FieldPanel("taille_equipe"),
                FieldPanel("nombre_equipes"),
            ],
            heading=_("Partie"),
        ),
        FieldPanel("enigmes"),
        FieldPanel("conclusion"),
    ]

    class Meta:
        verbose_name = _("escape game")
        verbose_name_plural = _("escape games")

    def game_spec(self) -> dict[str, Any]:
        return {
            **self.game_settings(),
            "enigmes": with_trade_names(self.enigmes.stream_block.to_engine(self.enigmes)),
            "teams": self.teams(),
            "introduction_html": expand_db_html(self.introduction),
            "conclusion_html": expand_db_html(self.conclusion),
            "image": image_entry(self.image),
        }

    def game_settings(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "duration_s": (self.duree_minutes or 0) * 60,
            "team_size": self.taille_equipe or 0,
        }

    def teams(self) -> list[dict[str, str]]:
        """The teams to create at launch: ids t1, t2… and their names."""
        count = min(self.nombre_equipes or 0, len(TEAM_NAMES))
        return [
            {"id": f"t{number}", "name": TEAM_NAMES[number - 1]} for number in range(1, count + 1)
        ]

    def game_level_problems(self) -> list[str]:
        # The énigmes' own problems are on their fields (EnigmesBlock); a spec without media
        # is enough for the rest, and checks no fiche.
        enigmes = self.enigmes.stream_block.to_engine(self.enigmes, with_media=False)
        _placed, general = split_problems(enigmes, **self.game_settings())
        return general

    def taille_du_jeu(self) -> str:
        nombre = len(self.enigmes)
        enigmes = ngettext("%(nombre)s énigme", "%(nombre)s énigmes", nombre) % {"nombre": nombre}
        return _("%(enigmes)s en %(minutes)s minutes") % {
            "enigmes": enigmes,
            "minutes": self.duree_minutes,
        }
