"""The quiz and parcours pages editors write in Wagtail.

A quiz is written question by question; a parcours "de A à Z" draws its questions from an
objet's chain, then the editor edits them like a quiz's. `game_spec()` is the page in the
engine's words, frozen into the session at launch.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.search.index import STEMMED_FIELD
from games.authoring.blocks import metier_entry
from games.kinds.quiz.blocks import QuestionsBlock
from games.kinds.quiz.engine import QuizSpec, parcours_questions
from games.models.pages import GamePageForm, PlayableGame


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
