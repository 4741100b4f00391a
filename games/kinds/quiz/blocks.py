"""StreamField blocks of the games: one named StructBlock per question kind of the engine.

Each question block converts both ways between its block value and the engine's question dict
(games.kinds.quiz.engine.questions): `to_engine(value, question_id)` when a game is launched or checked,
`raw_from_engine(question)` when questions are generated (the parcours "de A à Z").

The rules of a playable question live in the engine (`Question.problems()`); the blocks reuse
them in `clean()` and put each message on the field the editor has to fix. Wagtail defers those
checks while a draft is saved, so a half-written question can wait in a draft but cannot be
published.
"""

from __future__ import annotations

import uuid
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import BlockGroup
from wagtail.images.blocks import ImageChooserBlock

from games.authoring.blocks import (
    errors_by_field,
    image_entry,
    item_id,
    metier_entries,
    options_block,
    ordered_items_block,
    pairs_block,
    raise_on_fields,
)
from games.engine import EngineError
from games.kinds.quiz.engine import question_from_dict
from games.kinds.quiz.engine.questions import TIME_LIMIT_RANGE_S

MIN_TIME_S, MAX_TIME_S = TIME_LIMIT_RANGE_S
# The engine's question fields -> this block's (what is not here is about the answers).
QUESTION_FIELDS = {
    "prompt": "prompt",
    "time_limit_s": "time_limit",
    "points": "points",
    "value": "value",
    "tolerance": "tolerance",
}


def question_layout(*answer_fields: str) -> BlockGroup:
    """Prompt and answers first; time and points, rarely changed, folded away."""
    return BlockGroup(
        children=["prompt", "image", *answer_fields, "explanation", "metiers"],
        settings=["time_limit", "points"],
    )


class QuestionBlock(blocks.StructBlock):
    """What every question has, whatever its kind."""

    prompt = blocks.TextBlock(label=_("Question"), max_length=300, rows=2)
    image = ImageChooserBlock(
        label=_("Image"), required=False, help_text=_("Facultative, montrée avec la question.")
    )
    explanation = blocks.TextBlock(
        label=_("Explication"),
        required=False,
        max_length=600,
        rows=3,
        help_text=_(
            "Montrée avec la bonne réponse : une ou deux phrases simples pour des élèves de 13 à 17 ans."
        ),
    )
    metiers = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="metiers.MetierPage", label=_("Fiche métier")),
        label=_("Métiers liés"),
        help_text=_("Les fiches vers lesquelles la question mène les élèves, à la réponse."),
    )
    time_limit = blocks.IntegerBlock(
        label=_("Temps de réponse (secondes)"),
        min_value=MIN_TIME_S,
        max_value=MAX_TIME_S,
        default=20,
    )
    points = blocks.IntegerBlock(label=_("Points"), min_value=0, max_value=10_000, default=1000)

    kind = ""
    # The field that shows the engine's problems about the answers (options, items, pairs...).
    answers_field = ""

    class Meta:
        icon = "help"

    # -- engine dicts ------------------------------------------------------------------
    def answers_to_engine(self, value) -> dict[str, Any]:
        raise NotImplementedError

    def to_engine(self, value, question_id: str, *, with_media: bool = True) -> dict[str, Any]:
        """The engine's question dict. Without media, nothing is looked up or rendered."""
        metiers = metier_entries(value["metiers"]) if with_media else []
        return {
            "id": question_id,
            "kind": self.kind,
            "prompt": value["prompt"] or "",
            "time_limit_s": value["time_limit"] if value["time_limit"] is not None else 20,
            "points": value["points"] if value["points"] is not None else 1000,
            "explanation": value["explanation"] or "",
            "metiers": metiers,
            "image": image_entry(value["image"]) if with_media else None,
            **self.answers_to_engine(value),
        }

    @classmethod
    def answers_from_engine(cls, question: dict) -> dict[str, Any]:
        raise NotImplementedError

    @classmethod
    def raw_from_engine(cls, question: dict) -> dict[str, Any]:
        """Stream data for one engine question; its métiers' ids must be MetierPage pks."""
        return {
            "prompt": question["prompt"],
            "image": None,
            "explanation": question.get("explanation", ""),
            "metiers": [int(metier["id"]) for metier in question.get("metiers", [])],
            "time_limit": question.get("time_limit_s", 20),
            "points": question.get("points", 1000),
            **cls.answers_from_engine(question),
        }

    # -- validation --------------------------------------------------------------------
    def clean(self, value):
        value = super().clean(value)  # field by field first: required, ranges, lengths
        if getattr(self, "is_deferred_validation", False):
            return value  # a draft: the rules of play wait for publishing
        errors: dict[str, list[str]] = {}
        if not any(metier is not None for metier in value["metiers"]):
            errors.setdefault("metiers", []).append(
                _(
                    "Reliez la question à au moins une fiche métier : les élèves la découvrent à la réponse."
                )
            )
        try:
            problems = question_from_dict(self.to_engine(value, "q", with_media=False)).problems()
        except EngineError as error:
            problems = [error]
        for name, messages in errors_by_field(
            problems, QUESTION_FIELDS, self.answers_field
        ).items():
            errors.setdefault(name, []).extend(messages)
        raise_on_fields(self, errors)
        return value


class ChoiceQuestionBlock(QuestionBlock):
    options = options_block(
        _(
            "De 2 à 6 réponses, dans l'ordre où elles s'affichent. Cochez la ou les bonnes : "
            "avec plusieurs bonnes réponses, les élèves peuvent en choisir plusieurs."
        )
    )

    kind = "choice"
    answers_field = "options"

    class Meta:
        icon = "list-ul"
        label = _("Choix multiple")
        form_layout = question_layout("options")

    def answers_to_engine(self, value) -> dict[str, Any]:
        options = list(value["options"])
        correct = [index for index, option in enumerate(options) if option["correct"]]
        return {
            "options": [option["text"] or "" for option in options],
            "correct": correct,
            "multiple": len(correct) > 1,
        }

    @classmethod
    def answers_from_engine(cls, question: dict) -> dict[str, Any]:
        correct = set(question["correct"])
        return {
            "options": [
                {"text": text, "correct": index in correct}
                for index, text in enumerate(question["options"])
            ]
        }


class TrueFalseQuestionBlock(QuestionBlock):
    correct = blocks.ChoiceBlock(
        label=_("Bonne réponse"),
        choices=[("true", _("Vrai")), ("false", _("Faux"))],
        widget=forms.RadioSelect,
    )

    kind = "true_false"
    answers_field = "correct"

    class Meta:
        icon = "tick-inverse"
        label = _("Vrai ou faux")
        form_layout = question_layout("correct")

    def answers_to_engine(self, value) -> dict[str, Any]:
        return {"correct": value["correct"] == "true"}

    @classmethod
    def answers_from_engine(cls, question: dict) -> dict[str, Any]:
        return {"correct": "true" if question["correct"] else "false"}


class OrderingQuestionBlock(QuestionBlock):
    items = ordered_items_block(_("De 3 à 8 éléments. Les téléphones les reçoivent mélangés."))

    kind = "ordering"
    answers_field = "items"

    class Meta:
        icon = "order"
        label = _("Remettre dans l'ordre")
        form_layout = question_layout("items")

    def answers_to_engine(self, value) -> dict[str, Any]:
        texts = [text or "" for text in value["items"]]
        return {"items": [{"id": item_id(text), "text": text} for text in texts]}

    @classmethod
    def answers_from_engine(cls, question: dict) -> dict[str, Any]:
        return {"items": [item["text"] for item in question["items"]]}


class MatchingQuestionBlock(QuestionBlock):
    pairs = pairs_block(
        _("De 2 à 6 paires, par exemple un métier et sa tâche. Les colonnes sont mélangées.")
    )

    kind = "matching"
    answers_field = "pairs"

    class Meta:
        icon = "link"
        label = _("Associer")
        form_layout = question_layout("pairs")

    def answers_to_engine(self, value) -> dict[str, Any]:
        pairs = [(pair["left"] or "", pair["right"] or "") for pair in value["pairs"]]
        return {
            "pairs": [
                {"id": item_id(f"{left}\n{right}"), "left": left, "right": right}
                for left, right in pairs
            ]
        }

    @classmethod
    def answers_from_engine(cls, question: dict) -> dict[str, Any]:
        return {"pairs": [{"left": p["left"], "right": p["right"]} for p in question["pairs"]]}


class EstimateQuestionBlock(QuestionBlock):
    value = blocks.FloatBlock(
        label=_("Valeur attendue"), help_text=_("Par exemple 1900 pour un salaire de début.")
    )
    tolerance = blocks.FloatBlock(
        label=_("Tolérance"),
        default=0,
        help_text=_(
            "Écart accepté de part et d'autre, par exemple 200 : de 1700 à 2100 compte juste."
        ),
    )
    unit = blocks.CharBlock(
        label=_("Unité"),
        required=False,
        max_length=30,
        help_text=_("Par exemple « € brut par mois »."),
    )

    kind = "estimate"
    answers_field = "tolerance"

    class Meta:
        icon = "pick"
        label = _("Estimation")
        form_layout = question_layout("value", "tolerance", "unit")

    def answers_to_engine(self, value) -> dict[str, Any]:
        return {
            "value": value["value"] if value["value"] is not None else 0,
            "tolerance": value["tolerance"] if value["tolerance"] is not None else 0,
            "unit": value["unit"] or "",
        }

    @classmethod
    def answers_from_engine(cls, question: dict) -> dict[str, Any]:
        return {
            "value": question["value"],
            "tolerance": question.get("tolerance", 0),
            "unit": question.get("unit", ""),
        }


class QuestionsBlock(blocks.StreamBlock):
    """The questions of a quiz or a parcours, in play order. Block names are engine kinds."""

    choice = ChoiceQuestionBlock()
    true_false = TrueFalseQuestionBlock()
    ordering = OrderingQuestionBlock()
    matching = MatchingQuestionBlock()
    estimate = EstimateQuestionBlock()

    class Meta:
        label = _("Questions")

    def to_engine(self, stream) -> list[dict[str, Any]]:
        """Engine question dicts, the stream child's id as question id (stable across edits)."""
        # Stream data written by code may have no ids until saved; the spec still needs them.
        return [
            child.block.to_engine(child.value, child.id or f"question-{number}")
            for number, child in enumerate(stream, start=1)
        ]

    @classmethod
    def raw_from_engine(cls, questions: list[dict]) -> list[dict[str, Any]]:
        """Stream data for engine questions (the block names are the engine's kinds)."""
        return [
            {
                "type": question["kind"],
                "id": str(uuid.uuid4()),
                "value": cls.base_blocks[question["kind"]].raw_from_engine(question),
            }
            for question in questions
        ]
