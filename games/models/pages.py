"""The game pages editors write in Wagtail: the quizzes and the parcours "de A à Z".

A game page describes a game; playing it is a live session (games.models.live) launched by a
teacher from the page. `game_spec()` is the page in the engine's words, frozen into the session
at launch, so editing a page never changes a game being played.

Drafts may be incomplete (Wagtail defers validation while saving a draft); a page is checked
against the engine's rules before it is published, and again by `launch_session`.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.search.index import STEMMED_FIELD, StemmedSearchMixin

from ..blocks import QuestionsBlock, metier_entry
from ..engine import EngineError, QuizSpec, parcours_questions
from ..rules import rules_for

INTRO_FEATURES = ["bold", "italic", "link"]


class GameIndexPage(Page):
    """« Jeux » : the list of games a teacher can launch."""

    introduction = RichTextField(_("introduction"), features=INTRO_FEATURES, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["games.QuizPage", "games.ParcoursPage", "games.EscapeGamePage"]
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

    A page sets `game_kind` (a kind of games.rules), `game_field` (its StreamField, whose
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
        from ..permissions import can_host

        context = super().get_context(request, *args, **kwargs)
        context["can_host"] = can_host(request.user)
        return context


def game_level_problems(spec: QuizSpec) -> list[str]:
    """The spec's problems that no question block can see (no question at all, ...).

    The blocks already report each question's own problems on its fields; repeating them
    above the form would say everything twice.
    """
    own = {
        f"Question {number} : {problem}"
        for number, question in enumerate(spec.questions, start=1)
        for problem in question.problems()
    }
    return [problem for problem in spec.problems() if problem not in own]


class GamePage(PlayableGame, Page):
    """What a quiz and a parcours share: an introduction, questions, a spec for the engine."""

    introduction = models.TextField(
        _("introduction"),
        max_length=600,
        blank=True,
        help_text=_("Ce que les élèves vont découvrir, en deux ou trois phrases."),
    )
    questions = StreamField(
        QuestionsBlock(),
        verbose_name=_("questions"),
        blank=True,
        help_text=_("Dans l'ordre du jeu. Chaque question mène à au moins une fiche métier."),
    )

    parent_page_types = ["games.GameIndexPage"]
    subpage_types = []
    search_fields = [*Page.search_fields, index.SearchField("introduction"), STEMMED_FIELD]

    game_field = "questions"

    class Meta:
        abstract = True

    def game_spec(self) -> dict[str, Any]:
        """The game in the engine's words: what `launch_session` and `QuizSpec` read."""
        return {
            "title": self.title,
            "kind": self.game_kind,
            "questions": self.questions.stream_block.to_engine(self.questions),
        }

    def game_level_problems(self) -> list[str]:
        return game_level_problems(QuizSpec.from_dict(self.game_spec()))

    def taille_du_jeu(self) -> str:
        """For the list of games: how long the game is."""
        nombre = len(self.questions)
        return ngettext("%(nombre)s question", "%(nombre)s questions", nombre) % {"nombre": nombre}


class QuizPage(GamePage):
    """A quiz written question by question."""

    game_kind = "quiz"
    content_panels = [*Page.content_panels, FieldPanel("introduction"), FieldPanel("questions")]
    template = "pages/quiz_page.html"

    class Meta:
        verbose_name = _("quiz")
        verbose_name_plural = _("quiz")


class ParcoursPageForm(GamePageForm):
    regenerer = forms.BooleanField(
        label=_("Régénérer les questions depuis l'objet"),
        required=False,
        help_text=_(
            "Remplace toutes les questions par celles tirées de la chaîne de l'objet "
            "(vos modifications sont perdues). Les questions sont aussi générées quand la "
            "liste est vide."
        ),
    )

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("regenerer"):
            # An empty list is filled from the objet by ParcoursPage.clean().
            cleaned_data["questions"] = []
        return cleaned_data


class ParcoursPage(GamePage):
    """« De A à Z » : follow an objet along its chain, one trade at each step.

    Its questions are generated from the objet's chain when the list is empty (on creation,
    or when the editor ticks « régénérer »); the editor then edits them like a quiz's.
    """

    objet = models.ForeignKey(
        "metiers.ObjetPage",
        verbose_name=_("objet de A à Z"),
        # The questions are copied into the page: a parcours whose objet is deleted stays
        # playable, it only loses the source it could be regenerated from.
        null=True,
        on_delete=models.SET_NULL,
        related_name="parcours",
        help_text=_("Les questions suivent la chaîne de cet objet, de la matière au client."),
    )

    game_kind = "parcours"
    base_form_class = ParcoursPageForm
    content_panels = [
        *Page.content_panels,
        FieldPanel("objet"),
        FieldPanel("introduction"),
        FieldPanel("regenerer"),
        FieldPanel("questions"),
    ]
    template = "pages/parcours_page.html"

    class Meta:
        verbose_name = _("parcours de A à Z")
        verbose_name_plural = _("parcours de A à Z")

    def clean(self):
        if not self.questions and self.objet_id is not None:
            self.questions = self.generated_questions()
        super().clean()

    def generated_questions(self) -> list[dict]:
        """Stream data of the questions the engine draws from the objet's chain."""
        objet = self.objet
        chaine = objet.chaine()
        chain_metiers = {m.pk: m for etape in chaine for m in etape.metiers_en_ligne}
        objet_data = {
            "id": objet.slug,
            "title": objet.title,
            "etapes": [
                {
                    "id": str(etape.pk),
                    "title": etape.titre,
                    "text": etape.description,
                    "metiers": [metier_entry(m) for m in etape.metiers_en_ligne],
                }
                for etape in chaine
            ],
            "filieres": [
                {"id": str(f.pk), "title": f.title} for f in objet.filieres.live().order_by("title")
            ],
        }
        questions = parcours_questions(objet_data, distractor_pool(objet), seed=self.slug)
        for question in questions:
            # Every question leads back to fiches: the filière question names none itself,
            # so it points to the trades met along the chain.
            if not question.get("metiers"):
                question["metiers"] = [{"id": pk} for pk in chain_metiers]
        return QuestionsBlock.raw_from_engine(questions)


def distractor_pool(objet) -> dict[str, list[dict]]:
    """Other published métiers and filières, for the wrong options of generated questions."""
    from metiers.models import FilierePage, MetierPage

    return {
        "metiers": [
            {"id": str(pk), "title": title}
            for pk, title in MetierPage.objects.live().public().values_list("pk", "title")
        ],
        "filieres": [
            {"id": str(pk), "title": title}
            for pk, title in FilierePage.objects.live()
            .public()
            .exclude(pk__in=objet.filieres.values("pk"))
            .values_list("pk", "title")
        ],
    }
