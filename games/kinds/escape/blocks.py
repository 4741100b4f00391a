"""StreamField blocks of the escape games: one block per kind of énigme.

Every énigme has a story, a prompt, hints, fragments, the fiches it reveals and where it leads
(`EnigmeBlock`); each kind adds only the fields it needs, so an editor never sees the
columns of a matching énigme on a padlock. Solutions are entered with the widgets of the kind:
the right options ticked, the items written in the right order, the pairs that belong together,
the arrows or colours of the padlock in order. The block computes the engine's codes from them.

Like the question blocks (games.kinds.quiz.blocks), an énigme converts to the engine's dict
(`games.kinds.escape.engine.spec.Enigme`) with `to_engine()`, and converts back with
`raw_from_engine()` (the demo is written in the engine's terms). `clean()` reuses the engine's
rules (`Enigme.problems()`) and puts each problem on the field it names. What only the whole
list can see (an identifier used twice, a branch towards an unknown énigme) is placed on the
right énigme by `EnigmesBlock`. Wagtail defers all of it while a draft is saved.

An énigme's `data`, which the engine hands to phones untouched, is what they draw it with:
    every kind:      {"story_html": the story, "image": {"url", "alt", "width", "height"} | None}
    padlocks:        + "length": symbols in the code, when all its solutions have the same
    padlock_colours: + "colours": the colour words on the padlock, when the editor chose them
    choice:          + "options": [{"key": "A", "text"}, ...], "multiple": several letters
    ordering:        + "items": [{"key": "A", "text"}, ...] shuffled; the code is keys in order
    matching:        + "left": [{"key": "1", "text"}, ...], "right": [{"key": "A", "text"}, ...]
    find_trade:      + "suggestions": [text, ...], possibly empty (a free answer)
"""

from __future__ import annotations

import re
import uuid
from string import ascii_uppercase
from typing import Any, ClassVar

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import BlockGroup
from wagtail.images.blocks import ImageChooserBlock

from games.authoring.blocks import (
    errors_by_field,
    field_error,
    image_entry,
    metier_entries,
    options_block,
    ordered_items_block,
    pairs_block,
    raise_on_fields,
)
from games.engine import EngineError
from games.engine.shuffle import seeded_order_unlike
from games.kinds.escape.engine import Enigme, EscapeSpec, canonical
from games.protocol.wording import say_problem

STORY_FEATURES = ["bold", "italic", "link"]
DIRECTIONS = [
    ("haut", _("Haut ↑")),
    ("bas", _("Bas ↓")),
    ("gauche", _("Gauche ←")),
    ("droite", _("Droite →")),
]
# The colour words the padlock understands (games.kinds.escape.engine.codes), as labels.
COLOURS = [
    ("rouge", _("Rouge")),
    ("orange", _("Orange")),
    ("jaune", _("Jaune")),
    ("vert", _("Vert")),
    ("bleu", _("Bleu")),
    ("violet", _("Violet")),
    ("rose", _("Rose")),
    ("marron", _("Marron")),
    ("noir", _("Noir")),
    ("gris", _("Gris")),
    ("blanc", _("Blanc")),
]
# The engine's énigme fields -> the block's (the rest is about the kind's answer fields).
ENIGME_FIELDS = {
    "id": "identifier",
    "title": "title",
    "hints": "hints",
    "fragments": "fragments",
    "branches": "branches",
    "next_default": "next_default",
}


def keyed(texts: list[str], keys) -> list[dict[str, str]]:
    return [{"key": key, "text": text} for key, text in zip(keys, texts, strict=False)]


def numbers(count: int) -> list[str]:
    return [str(number) for number in range(1, count + 1)]


def shuffled_positions(count: int, seed: str) -> list[int]:
    """Positions 0..count-1 in the order phones show them: the same on every phone, never the
    right order itself (it would give the answer away)."""
    return [int(key) for key in seeded_order_unlike([str(n) for n in range(count)], seed)]


def shown_order(texts_: list[str], identifier: str) -> list[int]:
    """Where each text sits on the phones (a shuffle seeded by the énigme and its texts)."""
    return shuffled_positions(len(texts_), f"{identifier}:{'|'.join(texts_)}")


def letters_by_position(order: list[int]) -> dict[int, str]:
    """The letter phones show for each authored position, given the shown order."""
    return {position: ascii_uppercase[index] for index, position in enumerate(order)}


def texts(values) -> list[str]:
    return [text or "" for text in values]


def enigme_layout(*answer_fields: str) -> BlockGroup:
    """The story and the answers first; hints, fragments and branches folded away."""
    return BlockGroup(
        children=["identifier", "title", "story", "image", "prompt", *answer_fields, "metiers"],
        settings=["hints", "fragments", "branches", "next_default"],
    )


class HintBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Indice"), required=False, max_length=300, rows=2)
    penalty_s = blocks.IntegerBlock(
        label=_("Pénalité (secondes)"),
        min_value=0,
        max_value=600,
        default=60,
        help_text=_("Ajoutée au temps de l'équipe qui demande l'indice."),
    )

    class Meta:
        icon = "help"
        label = _("Indice")


class BranchBlock(blocks.StructBlock):
    answer = blocks.CharBlock(label=_("Si la réponse est"), max_length=120)
    target = blocks.CharBlock(
        label=_("aller à l'énigme"), max_length=40, help_text=_("Son identifiant.")
    )

    class Meta:
        icon = "redirect"
        label = _("Branche")


class EnigmeBlock(blocks.StructBlock):
    """What every énigme has; a kind adds its answer fields (`answer_fields`)."""

    identifier = blocks.RegexBlock(
        regex=r"^[a-z0-9]+(?:-[a-z0-9]+)*$",
        max_length=40,
        label=_("Identifiant"),
        help_text=_(
            "Court, en minuscules et tirets, unique dans le jeu (par exemple « compresseur ») : "
            "les branches désignent l'énigme par lui."
        ),
        error_messages={
            "invalid": _(
                "Seulement des lettres minuscules sans accent, des chiffres et des tirets."
            )
        },
    )
    title = blocks.CharBlock(label=_("Titre"), max_length=80)
    story = blocks.RichTextBlock(
        label=_("Récit"),
        features=STORY_FEATURES,
        required=False,
        help_text=_("Ce qui arrive à l'équipe, en deux ou trois phrases."),
    )
    image = ImageChooserBlock(
        label=_("Image"), required=False, help_text=_("Facultative, montrée avec l'énigme.")
    )
    prompt = blocks.TextBlock(
        label=_("Énoncé"),
        max_length=400,
        rows=2,
        help_text=_("La consigne affichée sur les téléphones."),
    )
    metiers = blocks.ListBlock(
        # An empty chooser gets the message of clean(), clearer than « required ».
        blocks.PageChooserBlock(
            page_type="metiers.MetierPage", label=_("Fiche métier"), required=False
        ),
        label=_("Métiers révélés"),
        min_num=1,
        help_text=_("Les fiches que l'équipe découvre quand elle résout l'énigme."),
    )
    hints = blocks.ListBlock(
        HintBlock(),
        label=_("Indices"),
        max_num=3,
        default=[],
        help_text=_("Jusqu'à 3, du plus discret au plus clair : l'équipe les demande un à un."),
    )
    fragments = blocks.ListBlock(
        blocks.CharBlock(label=_("Fragment"), max_length=200, required=False),
        label=_("Fragments d'indice"),
        default=[],
        help_text=_(
            "Des morceaux d'information répartis entre les téléphones de l'équipe : chacun voit "
            "les siens, il faut se parler. Prévoyez-en 3 ou 4."
        ),
    )
    branches = blocks.ListBlock(
        BranchBlock(),
        label=_("Branches"),
        default=[],
        help_text=_(
            "Facultatif : selon la solution trouvée, l'équipe part vers une autre énigme. "
            "La réponse s'écrit comme sur le téléphone (par exemple « A » pour un choix)."
        ),
    )
    next_default = blocks.CharBlock(
        label=_("Sinon, aller à l'énigme"),
        max_length=40,
        required=False,
        help_text=_("Son identifiant. Vide : l'énigme suivante de la liste."),
    )

    kind: ClassVar[str] = ""
    # The kind's own fields, shown between the prompt and the fiches.
    answer_fields: ClassVar[tuple[str, ...]] = ()

    class Meta:
        icon = "key"

    # -- the kind's answers ---------------------------------------------------------------
    def solutions(self, value) -> list[str]:
        """The codes that open this énigme, as a phone would send them."""
        raise NotImplementedError

    def kind_data(self, value, identifier: str) -> dict[str, Any]:
        """What phones need to draw the kind's controls (never the solution)."""
        return {}

    @classmethod
    def answers_from_engine(cls, enigme: dict) -> dict[str, Any]:
        raise NotImplementedError

    def answer_problems(self, value) -> dict[str, list[str]]:
        """What the engine cannot see in the codes: the widgets filled in wrongly."""
        return {}

    # -- engine dicts ---------------------------------------------------------------------
    def to_engine(self, value, *, with_media: bool = True) -> dict[str, Any]:
        """The engine's énigme dict. Without media, nothing is looked up or rendered."""
        identifier = value["identifier"] or ""
        return {
            "id": identifier,
            "title": value["title"] or "",
            "kind": self.kind,
            "text": value["prompt"] or "",
            "solutions": self.solutions(value),
            "hints": [
                {"text": hint["text"] or "", "penalty_s": hint["penalty_s"] or 0}
                for hint in value["hints"]
            ],
            "fragments": texts(value["fragments"]),
            "metiers": metier_entries(value["metiers"]) if with_media else [],
            "next": self.next_to_engine(value),
            "data": {
                "story_html": value["story"].__html__() if with_media and value["story"] else "",
                "image": image_entry(value["image"]) if with_media else None,
                **self.kind_data(value, identifier),
            },
        }

    @staticmethod
    def next_to_engine(value) -> str | dict[str, str] | None:
        default = value["next_default"] or None
        branches = {branch["answer"] or "": branch["target"] or "" for branch in value["branches"]}
        if not branches:
            return default
        return {**branches, "*": default} if default else branches

    @classmethod
    def raw_from_engine(cls, enigme: dict) -> dict[str, Any]:
        """Stream data for one engine énigme; its métiers' ids must be MetierPage pks."""
        following = enigme.get("next")
        branches = following if isinstance(following, dict) else {}
        return {
            "identifier": enigme["id"],
            "title": enigme["title"],
            "story": enigme.get("data", {}).get("story_html", ""),
            "image": None,
            "prompt": enigme.get("text", ""),
            "metiers": [int(metier["id"]) for metier in enigme.get("metiers", [])],
            "hints": [
                {"text": hint["text"], "penalty_s": hint["penalty_s"]}
                for hint in enigme.get("hints", [])
            ],
            "fragments": list(enigme.get("fragments", [])),
            "branches": [
                {"answer": answer, "target": target}
                for answer, target in branches.items()
                if answer != "*"
            ],
            "next_default": (branches.get("*") if branches else following) or "",
            **cls.answers_from_engine(enigme),
        }

    # -- validation -----------------------------------------------------------------------
    def clean(self, value):
        value = super().clean(value)  # field by field first: required, formats, lengths
        if getattr(self, "is_deferred_validation", False):
            return value  # a draft: the rules of play wait for publishing
        errors: dict[str, list[str]] = {}
        if not any(metier is not None for metier in value["metiers"]):
            errors["metiers"] = [
                _(
                    "Reliez l'énigme à au moins une fiche métier : l'équipe la découvre en la résolvant."
                )
            ]
        for name, messages in self.answer_problems(value).items():
            errors.setdefault(name, []).extend(messages)
        if not any(name in errors for name in self.answer_fields):
            try:
                problems = Enigme.from_dict(self.to_engine(value, with_media=False)).problems()
            except EngineError as error:
                problems = [error]
            fallback = self.answer_fields[-1]
            for name, messages in errors_by_field(problems, ENIGME_FIELDS, fallback).items():
                errors.setdefault(name, []).extend(messages)
        raise_on_fields(self, errors)
        return value


class CodeListMixin:
    """Padlocks opened by a typed code: one or several codes accepted."""

    @classmethod
    def codes_block(cls, help_text) -> blocks.ListBlock:
        return blocks.ListBlock(
            # Blank ones are left out; none at all is the engine's « no solution ».
            blocks.CharBlock(label=_("Code"), max_length=60, required=False),
            label=_("Codes acceptés"),
            min_num=1,
            default=[""],
            help_text=help_text,
        )

    def solutions(self, value) -> list[str]:
        return [code for code in value["codes"] if code and code.strip()]

    def kind_data(self, value, identifier: str) -> dict[str, Any]:
        lengths = {len(code) for code in accepted_codes(self.kind, self.solutions(value))}
        return {"length": lengths.pop()} if len(lengths) == 1 else {}

    @classmethod
    def answers_from_engine(cls, enigme: dict) -> dict[str, Any]:
        return {"codes": list(enigme["solutions"])}


class PadlockDigitsBlock(CodeListMixin, EnigmeBlock):
    codes = CodeListMixin.codes_block(_("Des chiffres, par exemple « 4721 »."))

    kind = "padlock_digits"
    answer_fields = ("codes",)

    class Meta:
        icon = "lock"
        label = _("Cadenas à chiffres")
        form_layout = enigme_layout("codes")


class PadlockLettersBlock(CodeListMixin, EnigmeBlock):
    codes = CodeListMixin.codes_block(_("Des lettres, par exemple « USINE »."))

    kind = "padlock_letters"
    answer_fields = ("codes",)

    class Meta:
        icon = "lock"
        label = _("Cadenas à lettres")
        form_layout = enigme_layout("codes")


class SequenceMixin:
    """Padlocks opened by pressing buttons in order (arrows, colours): one sequence."""

    sign_choices: ClassVar[list] = []

    @classmethod
    def sequence_block(cls, choices, label, help_text) -> blocks.ListBlock:
        return blocks.ListBlock(
            blocks.ChoiceBlock(choices=choices, label=label),
            label=_("Le code, dans l'ordre"),
            min_num=1,
            max_num=12,
            default=[],
            help_text=help_text,
        )

    def solutions(self, value) -> list[str]:
        signs = [sign for sign in value["sequence"] if sign]
        return [", ".join(signs)] if signs else []

    def kind_data(self, value, identifier: str) -> dict[str, Any]:
        signs = [sign for sign in value["sequence"] if sign]
        return {"length": len(signs)} if signs else {}

    @classmethod
    def words_of(cls, code: str) -> list[str]:
        raise NotImplementedError

    @classmethod
    def answers_from_engine(cls, enigme: dict) -> dict[str, Any]:
        return {"sequence": cls.words_of(enigme["solutions"][0]) if enigme["solutions"] else []}


class PadlockDirectionsBlock(SequenceMixin, EnigmeBlock):
    sequence = SequenceMixin.sequence_block(
        DIRECTIONS, _("Direction"), _("Les flèches à presser, une par ligne, dans l'ordre.")
    )

    kind = "padlock_directions"
    answer_fields = ("sequence",)

    class Meta:
        icon = "lock"
        label = _("Cadenas à directions")
        form_layout = enigme_layout("sequence")

    @classmethod
    def words_of(cls, code: str) -> list[str]:
        letters = canonical("padlock_directions", code) or ""
        word = {"H": "haut", "B": "bas", "G": "gauche", "D": "droite"}
        return [word[letter] for letter in letters]


class PadlockColoursBlock(SequenceMixin, EnigmeBlock):
    colours = blocks.ListBlock(
        blocks.ChoiceBlock(choices=COLOURS, label=_("Couleur")),
        label=_("Les couleurs du cadenas"),
        default=[],
        help_text=_(
            "Facultatif : les boutons montrés aux équipes. Vide : rouge, vert, bleu, jaune."
        ),
    )
    sequence = SequenceMixin.sequence_block(
        COLOURS, _("Couleur"), _("Les couleurs à presser, une par ligne, dans l'ordre.")
    )

    kind = "padlock_colours"
    answer_fields = ("colours", "sequence")

    class Meta:
        icon = "lock"
        label = _("Cadenas à couleurs")
        form_layout = enigme_layout("colours", "sequence")

    def kind_data(self, value, identifier: str) -> dict[str, Any]:
        data = super().kind_data(value, identifier)
        colours = [colour for colour in value["colours"] if colour]
        return {**data, "colours": colours} if colours else data

    def answer_problems(self, value) -> dict[str, list[str]]:
        offered = {colour for colour in value["colours"] if colour}
        missing = [sign for sign in value["sequence"] if sign and offered and sign not in offered]
        if missing:
            return {
                "sequence": [
                    _("« %(colour)s » n'est pas une couleur du cadenas.") % {"colour": missing[0]}
                ]
            }
        return {}

    @classmethod
    def words_of(cls, code: str) -> list[str]:
        return (canonical("padlock_colours", code) or "").split(",") if code else []

    @classmethod
    def answers_from_engine(cls, enigme: dict) -> dict[str, Any]:
        return {
            **super().answers_from_engine(enigme),
            "colours": enigme.get("data", {}).get("colours", []),
        }


class ChoiceEnigmeBlock(EnigmeBlock):
    options = options_block(
        _("De 2 à 6 réponses, lettrées A, B, C… sur les téléphones. Cochez la ou les bonnes.")
    )
    together = blocks.BooleanBlock(
        label=_("Les bonnes réponses se cochent ensemble"),
        required=False,
        default=False,
        help_text=_(
            "Coché : l'équipe doit choisir toutes les bonnes réponses à la fois. Sinon, chacune "
            "ouvre le cadenas seule (et peut mener à sa propre branche)."
        ),
    )

    kind = "choice"
    answer_fields = ("options", "together")

    class Meta:
        icon = "list-ul"
        label = _("Choix")
        form_layout = enigme_layout("options", "together")

    def right_letters(self, value) -> str:
        pairs = zip(ascii_uppercase, value["options"], strict=False)
        return "".join(letter for letter, option in pairs if option["correct"])

    def solutions(self, value) -> list[str]:
        letters = self.right_letters(value)
        if value["together"]:
            return [letters] if letters else []
        return list(letters)

    def kind_data(self, value, identifier: str) -> dict[str, Any]:
        options = [option["text"] or "" for option in value["options"]]
        several = bool(value["together"]) and len(self.right_letters(value)) > 1
        return {"options": keyed(options, ascii_uppercase), "multiple": several}

    def answer_problems(self, value) -> dict[str, list[str]]:
        problems = count_problem("options", len(value["options"]), 2, 6)
        if not problems and not self.right_letters(value):
            problems = {"options": [_("Cochez la ou les bonnes réponses : aucune n'est cochée.")]}
        return problems

    @classmethod
    def answers_from_engine(cls, enigme: dict) -> dict[str, Any]:
        codes = [canonical("choice", code) or "" for code in enigme["solutions"]]
        right = set("".join(codes))
        options = enigme.get("data", {}).get("options", [])
        return {
            "options": [
                {"text": option["text"], "correct": option["key"] in right} for option in options
            ],
            "together": any(len(code) > 1 for code in codes),
        }


class OrderingEnigmeBlock(EnigmeBlock):
    items = ordered_items_block(
        _("De 3 à 8 éléments. Les téléphones les montrent mélangés, lettrés A, B, C…")
    )

    kind = "ordering"
    answer_fields = ("items",)

    class Meta:
        icon = "order"
        label = _("Remettre dans l'ordre")
        form_layout = enigme_layout("items")

    def solutions(self, value) -> list[str]:
        items = texts(value["items"])
        letter_of = letters_by_position(shown_order(items, value["identifier"] or ""))
        return ["".join(letter_of[position] for position in range(len(items)))] if items else []

    def kind_data(self, value, identifier: str) -> dict[str, Any]:
        items = texts(value["items"])
        shown = [items[position] for position in shown_order(items, identifier)]
        return {"items": keyed(shown, ascii_uppercase)}

    def answer_problems(self, value) -> dict[str, list[str]]:
        return count_problem("items", len(value["items"]), 3, 8)

    @classmethod
    def answers_from_engine(cls, enigme: dict) -> dict[str, Any]:
        shown = {item["key"]: item["text"] for item in enigme.get("data", {}).get("items", [])}
        order = canonical("ordering", enigme["solutions"][0]) or "" if enigme["solutions"] else ""
        return {"items": [shown[key] for key in order if key in shown]}


class MatchingEnigmeBlock(EnigmeBlock):
    pairs = pairs_block(
        _("De 2 à 6 paires. À gauche numérotées 1, 2, 3… ; à droite mélangées, lettrées A, B, C…")
    )

    kind = "matching"
    answer_fields = ("pairs",)

    class Meta:
        icon = "link"
        label = _("Associer")
        form_layout = enigme_layout("pairs")

    def solutions(self, value) -> list[str]:
        rights = [pair["right"] or "" for pair in value["pairs"]]
        letter_of = letters_by_position(shown_order(rights, value["identifier"] or ""))
        pairs = [f"{number + 1}{letter_of[number]}" for number in range(len(rights))]
        return [" ".join(pairs)] if pairs else []

    def kind_data(self, value, identifier: str) -> dict[str, Any]:
        lefts = [pair["left"] or "" for pair in value["pairs"]]
        rights = [pair["right"] or "" for pair in value["pairs"]]
        shown = [rights[position] for position in shown_order(rights, identifier)]
        return {"left": keyed(lefts, numbers(len(lefts))), "right": keyed(shown, ascii_uppercase)}

    def answer_problems(self, value) -> dict[str, list[str]]:
        return count_problem("pairs", len(value["pairs"]), 2, 6)

    @classmethod
    def answers_from_engine(cls, enigme: dict) -> dict[str, Any]:
        data = enigme.get("data", {})
        lefts = {item["key"]: item["text"] for item in data.get("left", [])}
        rights = {item["key"]: item["text"] for item in data.get("right", [])}
        code = canonical("matching", enigme["solutions"][0]) or "" if enigme["solutions"] else ""
        pairs = re.findall(r"(\d+)([A-Z])", code)
        return {
            "pairs": [{"left": lefts[number], "right": rights[letter]} for number, letter in pairs]
        }


class FindTradeBlock(EnigmeBlock):
    answers = blocks.ListBlock(
        blocks.CharBlock(label=_("Réponse"), max_length=120, required=False),
        label=_("Réponses acceptées"),
        min_num=1,
        default=[""],
        help_text=_(
            "Le nom du métier et ses variantes (« soudeur », « soudeuse »). Majuscules, "
            "accents et espaces ne comptent pas."
        ),
    )
    suggestions = blocks.ListBlock(
        blocks.CharBlock(label=_("Suggestion"), max_length=120),
        label=_("Suggestions"),
        default=[],
        help_text=_("Facultatif : des noms de métiers proposés sur les téléphones."),
    )

    kind = "find_trade"
    answer_fields = ("answers", "suggestions")

    class Meta:
        icon = "user"
        label = _("Trouve le métier")
        form_layout = enigme_layout("answers", "suggestions")

    def solutions(self, value) -> list[str]:
        return [text for text in value["answers"] if text and text.strip()]

    def kind_data(self, value, identifier: str) -> dict[str, Any]:
        return {"suggestions": texts(value["suggestions"])}

    @classmethod
    def answers_from_engine(cls, enigme: dict) -> dict[str, Any]:
        return {
            "answers": list(enigme["solutions"]),
            "suggestions": list(enigme.get("data", {}).get("suggestions", [])),
        }


def count_problem(name: str, count: int, low: int, high: int) -> dict[str, list[str]]:
    if low <= count <= high:
        return {}
    return {name: [_("Il faut entre %(low)s et %(high)s éléments.") % {"low": low, "high": high}]}


def accepted_codes(kind: str, solutions) -> list[str]:
    return [code for text in solutions if (code := canonical(kind, text or "")) is not None]


class EnigmesBlock(blocks.StreamBlock):
    """The énigmes of an escape game, in list order; the last one ends it. Block names are the
    engine's kinds."""

    padlock_digits = PadlockDigitsBlock()
    padlock_letters = PadlockLettersBlock()
    padlock_directions = PadlockDirectionsBlock()
    padlock_colours = PadlockColoursBlock()
    choice = ChoiceEnigmeBlock()
    ordering = OrderingEnigmeBlock()
    matching = MatchingEnigmeBlock()
    find_trade = FindTradeBlock()

    class Meta:
        label = _("Énigmes")

    def to_engine(self, stream, *, with_media: bool = True) -> list[dict[str, Any]]:
        return [child.block.to_engine(child.value, with_media=with_media) for child in stream]

    @classmethod
    def raw_from_engine(cls, enigmes: list[dict]) -> list[dict[str, Any]]:
        """Stream data for engine énigmes (the block names are the engine's kinds)."""
        return [
            {
                "type": enigme["kind"],
                "id": str(uuid.uuid4()),
                "value": cls.base_blocks[enigme["kind"]].raw_from_engine(enigme),
            }
            for enigme in enigmes
        ]

    def clean(self, value):
        value = super().clean(value)  # each énigme on its own first
        if getattr(self, "is_deferred_validation", False):
            return value
        placed, _general = split_problems(self.to_engine(value, with_media=False))
        if placed:
            # The path problems nobody can place (a loop...) are the page's: see EscapeGamePage.
            raise blocks.StreamBlockValidationError(
                block_errors={
                    index: blocks.StructBlockValidationError(
                        block_errors={
                            name: field_error(value[index].block.child_blocks[name], msgs)
                            for name, msgs in fields.items()
                        }
                    )
                    for index, fields in placed.items()
                }
            )
        return value


def split_problems(
    enigmes: list[dict[str, Any]], **game: Any
) -> tuple[dict[int, dict[str, list[str]]], list[str]]:
    """The engine's problems with these énigmes: those about one énigme, by its position and
    field ({index: {field: messages}}), and the others (no énigme, a loop, a game setting),
    in the editor's language.

    `game` gives title, duration_s and team_size; without them only the énigmes are judged.
    """
    spec = {"title": "·", "duration_s": 3600, "team_size": 4, **game, "enigmes": enigmes}
    try:
        problems = EscapeSpec.from_dict(spec).problems()
    except EngineError as error:
        return {}, [say_problem(error)]
    placed: dict[int, dict[str, list[str]]] = {}
    general = []
    for problem in problems:
        if problem.code == "duplicate_ids":
            seen = set()
            for index, enigme in enumerate(enigmes):
                if enigme["id"] in seen:
                    placed.setdefault(index, {}).setdefault("identifier", []).append(
                        say_problem(problem)
                    )
                seen.add(enigme["id"])
        elif problem.index is not None and problem.field in ENIGME_FIELDS:
            name = ENIGME_FIELDS[problem.field]
            placed.setdefault(problem.index, {}).setdefault(name, []).append(
                say_problem(problem, placed=False)
            )
        elif problem.index is None or problem.code in ("unreachable", "loop"):
            general.append(say_problem(problem))
        # the rest is about one énigme's own fields: EnigmeBlock.clean() shows it there
    return placed, general
