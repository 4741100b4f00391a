"""Blocks and helpers every game kind's authoring uses.

The answer blocks (options with the right ones ticked, items in the right order, pairs) are
the same widgets in a quiz question and in an escape énigme: an editor learns them once, and
the solution is entered with them rather than typed as a code.
"""

from __future__ import annotations

import hashlib
from typing import Any

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.list_block import ListBlockValidationError

from games.engine.problems import Problem
from games.protocol.wording import say_problem

QUESTION_IMAGE_RENDITION = "max-960x540"


def item_id(text: str) -> str:
    """An id for an item to order or a pair to match, from its text.

    Not its position: phones receive the items shuffled with their ids, and ids numbered in
    the right order would hand the answer to anyone reading the frames.
    """
    return hashlib.blake2s(" ".join(text.casefold().split()).encode(), digest_size=4).hexdigest()


def metier_entry(metier) -> dict[str, Any]:
    """How the engine names a fiche métier: the debrief links to its public page."""
    return {"id": str(metier.pk), "title": metier.title, "url": metier.get_url() or ""}


def metier_entries(metiers) -> list[dict[str, Any]]:
    """The published fiches of a chooser list, once each, in the editor's order."""
    entries, seen = [], set()
    for metier in metiers:
        if metier is not None and metier.live and metier.pk not in seen:
            seen.add(metier.pk)
            entries.append(metier_entry(metier))
    return entries


def raise_on_fields(struct_block: blocks.StructBlock, errors: dict[str, list[str]]) -> None:
    """Raise `errors` ({field name: messages}) on the fields of `struct_block`, if any."""
    if errors:
        raise blocks.StructBlockValidationError(
            block_errors={
                name: field_error(struct_block.child_blocks[name], messages)
                for name, messages in errors.items()
            }
        )


def field_error(block: blocks.Block, messages: list[str]) -> ValidationError:
    if isinstance(block, blocks.ListBlock):
        # A list shows errors about the whole list above its items.
        return ListBlockValidationError(non_block_errors=ErrorList(messages))
    return ValidationError(messages)


def image_entry(image) -> dict[str, Any] | None:
    if image is None:
        return None
    rendition = image.get_rendition(QUESTION_IMAGE_RENDITION)
    return {
        "url": rendition.url,
        "alt": image.default_alt_text or "",
        "width": rendition.width,
        "height": rendition.height,
    }


class OptionBlock(blocks.StructBlock):
    """A proposed answer; never correct unless the editor ticks it (nothing is pre-ticked)."""

    text = blocks.CharBlock(label=_("Réponse proposée"), max_length=120)
    correct = blocks.BooleanBlock(label=_("Bonne réponse"), required=False, default=False)

    class Meta:
        icon = "radio-full"
        label = _("Réponse")
        form_layout = ["text", "correct"]


class PairBlock(blocks.StructBlock):
    left = blocks.CharBlock(
        label=_("À gauche"), max_length=80, help_text=_("Par exemple un métier.")
    )
    right = blocks.CharBlock(
        label=_("À droite"), max_length=120, help_text=_("Par exemple la tâche qu'il réalise.")
    )

    class Meta:
        icon = "link"
        label = _("Paire")


def options_block(help_text) -> blocks.ListBlock:
    """Proposed answers, the right ones ticked: two empty, unticked ones to start with."""
    return blocks.ListBlock(
        OptionBlock(),
        label=_("Réponses proposées"),
        help_text=help_text,
        default=[{"text": "", "correct": False}, {"text": "", "correct": False}],
    )


def ordered_items_block(help_text) -> blocks.ListBlock:
    """Items written in the right order; phones receive them shuffled."""
    return blocks.ListBlock(
        blocks.CharBlock(label=_("Élément"), max_length=120),
        label=_("Éléments, dans le bon ordre"),
        help_text=help_text,
        default=["", "", ""],
    )


def pairs_block(help_text) -> blocks.ListBlock:
    """Pairs that belong together; phones receive both columns shuffled."""
    return blocks.ListBlock(
        PairBlock(),
        label=_("Paires à associer"),
        help_text=help_text,
        default=[{"left": "", "right": ""}, {"left": "", "right": ""}],
    )


def errors_by_field(problems: list[Problem], fields: dict[str, str], fallback: str) -> dict:
    """The engine's problems as {block field: [messages]}, each on the field it names.

    `fields` maps the engine's field names to the block's; a problem about a field the block
    does not show goes to `fallback` (the answers, usually)."""
    errors: dict[str, list[str]] = {}
    for problem in problems:
        name = fields.get(getattr(problem, "field", ""), fallback)
        errors.setdefault(name, []).append(say_problem(problem, placed=False))
    return errors
