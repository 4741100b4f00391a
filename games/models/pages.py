"""What every game page shares, and the list of games (« Jeux »).

A game page describes a game; playing it is a live session (games.models.live) launched by a
teacher from the page. `game_spec()` is the page in the engine's words, frozen into the session
at launch, so editing a page never changes a game being played.

Drafts may be incomplete (Wagtail defers validation while saving a draft); a page is checked
against the engine's rules before it is published, and again by `launch_session`.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from cms.search.index import StemmedSearchMixin
from games.engine import EngineError
from games.kinds.registry import rules_for

INTRO_FEATURES = ["bold", "italic", "link"]


class GameIndexPage(Page):
    """« Jeux » : the list of games a teacher can launch."""

    introduction = RichTextField(_("introduction"), features=INTRO_FEATURES, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    parent_page_types = ["cms.HomePage"]
    subpage_types: list[str] = []  # one per game kind: filled in by games.models from the registry
    max_count = 1
    template = "pages/game_index_page.html"

    class Meta:
        verbose_name = _("index des jeux")
        verbose_name_plural = _("index des jeux")

    def games(self):
        return self.get_children().live().public().specific().order_by("title")


class GamePageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned_data = super().clean()
        # A draft may hold a game that cannot be played yet; publishing it may not. When
        # the questions were refused, their errors say it all: the page-level check (which
        # would see no question at all) waits for the next attempt.
        self.instance.playability_deferred = self.is_deferred_validation or self.has_error(
            self.instance.game_field
        )
        return cleaned_data


class PlayableGame(StemmedSearchMixin):
    """What every game page shares, whatever its engine: the admin form that checks the game
    before publishing, the fiches it leads to, and the « Lancer » button for hosts.

    A page sets `game_kind` (a kind of games.kinds.registry), `game_field` (its StreamField, whose
    blocks report their own problems on their fields), `game_spec()`, and
    `game_level_problems()`: the engine's problems no block can show.
    """

    game_kind = ""
    game_field = ""
    base_form_class = GamePageForm
    # Set by the admin form for a draft save: see GamePageForm.
    playability_deferred = False

    def game_spec(self) -> dict[str, Any]:
        raise NotImplementedError

    def game_level_problems(self) -> list[str]:
        raise NotImplementedError

    def game_problems(self) -> list[str]:
        """Every problem that keeps this game from being played, as `launch_session` sees it."""
        try:
            return rules_for(self.game_kind).load_spec(self.game_spec()).problems()
        except EngineError as error:
            return [error.message]

    def search_texts(self) -> list[str]:
        return [*super().search_texts(), str(getattr(self, "introduction", ""))]

    def metiers_en_jeu(self) -> list:
        """The published fiches the game leads to, once each, in order of appearance."""
        found = {}
        for child in getattr(self, self.game_field):
            for metier in child.value["metiers"]:
                if metier is not None and metier.live:
                    found.setdefault(metier.pk, metier)
        return list(found.values())

    def clean(self):
        super().clean()
        if self.playability_deferred:
            return
        try:
            problems = self.game_level_problems()
        except EngineError as error:
            problems = [error.message]
        if problems:
            raise ValidationError({self.game_field: problems})

    def get_context(self, request, *args, **kwargs):
        from games.access.permissions import can_host

        context = super().get_context(request, *args, **kwargs)
        context["can_host"] = can_host(request.user)
        return context
