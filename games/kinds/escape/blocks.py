"""StreamField blocks of the escape games: the énigmes, their indices, fragments and branches.

Like the question blocks (games.kinds.quiz.blocks), an énigme converts to the engine's dict
(`games.kinds.escape.engine.spec.Enigme`) with `to_engine()`, and its `clean()` reuses the engine's
rules (`Enigme.problems()`, `codes.canonical`) and puts each message on the field to fix. What
only the whole list can see (an identifiant used twice, a branch towards an unknown énigme) is
placed on the right énigme by `EnigmesBlock`. Wagtail defers all of it while a draft is saved.

An énigme's `data`, which the engine hands to phones untouched, is what they draw it with:
    every kind:      {"story_html": the récit, "image": {"url", "alt", "width", "height"} | None}
    padlocks:        + "length": symbols in the code, when all its solutions have the same
    padlock_colours: + "colours": the colour words on the padlock, when the editor chose them
    choice:          + "options": [{"key": "A", "text"}, ...], "multiple": several letters
    ordering:        + "items": [{"key": "A", "text"}, ...] as shown; the code is keys in order
    matching:        + "left": [{"key": "1", "text"}, ...], "right": [{"key": "A", "text"}, ...]
    find_trade:      + "suggestions": [text, ...], possibly empty (a free answer)
"""

from __future__ import annotations

import re
from string import ascii_uppercase
from typing import Any

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import BlockGroup
from wagtail.images.blocks import ImageChooserBlock

from games.engine import EngineError
from games.kinds.escape.engine import Enigme, EscapeSpec, canonical
from games.kinds.quiz.blocks import field_error, image_entry, metier_entries, raise_on_fields

STORY_FEATURES = ["bold", "italic", "link"]
PADLOCKS = ("padlock_digits", "padlock_letters", "padlock_directions", "padlock_colours")
KIND_CHOICES = [
    ("padlock_digits", _("Cadenas à chiffres")),
    ("padlock_letters", _("Cadenas à lettres")),
    ("padlock_directions", _("Cadenas à directions")),
    ("padlock_colours", _("Cadenas à couleurs")),
    ("choice", _("Choix")),
    ("ordering", _("Remettre dans l'ordre")),
    ("matching", _("Associer")),
    ("find_trade", _("Trouve le métier")),
]
# How many options each kind that uses them shows: (fewest, most).
OPTION_COUNTS = {"choice": (2, 6), "ordering": (3, 8), "matching": (2, 6)}

# Which field an engine problem about one énigme is about, by a word of its message; the
# first match wins ("Un fragment d'indice est vide." is about the fragments).
PROBLEM_FIELDS = (
    ("fragment", "fragments"),
    ("indice", "indices"),
    ("branche", "suite"),
    ("suite", "suite"),
    ("solution", "solutions"),
    ("identifiant", "identifiant"),
    ("titre", "titre"),
    ("type", "type"),
)
NUMBERED_PROBLEM = re.compile(r"^Énigme (\d+) : (.*)$", re.DOTALL)
DUPLICATE_IDS = "Deux énigmes ont le même identifiant."
LAST_HAS_NEXT = "La dernière énigme termine le jeu : elle ne peut pas avoir de suite."
UNKNOWN_TARGET = re.compile(r"^la suite « (.*) » n'existe pas\.$", re.DOTALL)


def keyed(texts: list[str], keys: str) -> list[dict[str, str]]:
    return [{"key": key, "text": text} for key, text in zip(keys, texts, strict=False)]


def numbers(count: int) -> list[str]:
    return [str(number) for number in range(1, count + 1)]


class HintBlock(blocks.StructBlock):
    texte = blocks.TextBlock(label=_("Indice"), required=False, max_length=300, rows=2)
    penalite_s = blocks.IntegerBlock(
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
    reponse = blocks.CharBlock(label=_("Si la réponse est"), max_length=120)
    vers = blocks.CharBlock(
        label=_("aller à l'énigme"), max_length=40, help_text=_("Son identifiant.")
    )

    class Meta:
        icon = "redirect"
        label = _("Branche")


class EnigmeBlock(blocks.StructBlock):
    identifiant = blocks.RegexBlock(
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
    titre = blocks.CharBlock(label=_("Titre"), max_length=80)
    recit = blocks.RichTextBlock(
        label=_("Récit"),
        features=STORY_FEATURES,
        required=False,
        help_text=_("Ce qui arrive à l'équipe, en deux ou trois phrases."),
    )
    image = ImageChooserBlock(label=_("Image"), required=False)
    type = blocks.ChoiceBlock(label=_("Type d'énigme"), choices=KIND_CHOICES)
    enonce = blocks.TextBlock(
        label=_("Énoncé"),
        max_length=400,
        rows=2,
        help_text=_("La consigne affichée sur les téléphones."),
    )
    options = blocks.ListBlock(
        blocks.CharBlock(label=_("Proposition"), max_length=120),
        label=_("Propositions"),
        default=[],
        help_text=_(
            "Choix : les réponses, lettrées A, B, C… Remettre dans l'ordre : les éléments dans "
            "l'ordre où ils s'affichent, lettrés A, B, C… Associer : la colonne de gauche, "
            "numérotée 1, 2, 3… Cadenas à couleurs : les couleurs du cadenas (facultatif). "
            "Trouve le métier : des suggestions (facultatif)."
        ),
    )
    colonne_droite = blocks.ListBlock(
        blocks.CharBlock(label=_("Élément"), max_length=120),
        label=_("Colonne de droite (Associer)"),
        default=[],
        help_text=_("Pour « Associer » seulement : lettrée A, B, C… dans l'ordre affiché."),
    )
    solutions = blocks.ListBlock(
        # Not required one by one: blank ones are left out, and none at all is the engine's
        # « Aucune solution n'est indiquée. » on the list.
        blocks.CharBlock(label=_("Solution"), max_length=120, required=False),
        label=_("Solutions acceptées"),
        min_num=1,
        default=[""],
        help_text=_(
            "Comparées sans majuscules, accents ni espaces. Chiffres : « 4721 ». Directions : "
            "« haut, gauche » ou « HG ». Couleurs : « rouge, vert ». Choix : la ou les lettres "
            "(« B »). Ordre : les lettres dans le bon ordre (« CADB »). Associer : « 1B 2A 3C ». "
            "Trouve le métier : le nom du métier, et ses variantes (« soudeuse »)."
        ),
    )
    indices = blocks.ListBlock(
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
    metiers = blocks.ListBlock(
        # An empty chooser gets the message of clean(), clearer than « required ».
        blocks.PageChooserBlock(
            page_type="metiers.MetierPage", label=_("Fiche métier"), required=False
        ),
        label=_("Métiers révélés"),
        min_num=1,
        help_text=_("Les fiches que l'équipe découvre quand elle résout l'énigme."),
    )
    suite = blocks.ListBlock(
        BranchBlock(),
        label=_("Branches"),
        default=[],
        help_text=_("Facultatif : selon la solution trouvée, l'équipe part vers une autre énigme."),
    )
    suite_par_defaut = blocks.CharBlock(
        label=_("Sinon, aller à l'énigme"),
        max_length=40,
        required=False,
        help_text=_("Son identifiant. Vide : l'énigme suivante de la liste."),
    )

    class Meta:
        icon = "key"
        label = _("Énigme")
        form_layout = BlockGroup(
            children=[
                "identifiant",
                "titre",
                "recit",
                "image",
                "type",
                "enonce",
                "options",
                "colonne_droite",
                "solutions",
                "metiers",
            ],
            settings=["indices", "fragments", "suite", "suite_par_defaut"],
        )

    # -- engine dicts ------------------------------------------------------------------
    def to_engine(self, value, *, with_media: bool = True) -> dict[str, Any]:
        """The engine's énigme dict. Without media, nothing is looked up or rendered."""
        kind = value["type"] or ""
        return {
            "id": value["identifiant"] or "",
            "title": value["titre"] or "",
            "kind": kind,
            "text": value["enonce"] or "",
            "solutions": [text for text in value["solutions"] if text and text.strip()],
            "hints": [
                {"text": hint["texte"] or "", "penalty_s": hint["penalite_s"] or 0}
                for hint in value["indices"]
            ],
            "fragments": [text or "" for text in value["fragments"]],
            "metiers": metier_entries(value["metiers"]) if with_media else [],
            "next": self.next_to_engine(value),
            "data": {
                "story_html": value["recit"].__html__() if with_media and value["recit"] else "",
                "image": image_entry(value["image"]) if with_media else None,
                **self.kind_data(kind, value),
            },
        }

    @staticmethod
    def next_to_engine(value) -> str | dict[str, str] | None:
        default = value["suite_par_defaut"] or None
        branches = {branch["reponse"] or "": branch["vers"] or "" for branch in value["suite"]}
        if not branches:
            return default
        return {**branches, "*": default} if default else branches

    @staticmethod
    def kind_data(kind: str, value) -> dict[str, Any]:
        options = [text or "" for text in value["options"]]
        if kind in PADLOCKS:
            data: dict[str, Any] = {}
            lengths = {
                len(code.split(",")) if kind == "padlock_colours" else len(code)
                for code in accepted_codes(kind, value["solutions"])
            }
            if len(lengths) == 1:
                data["length"] = lengths.pop()
            if kind == "padlock_colours" and options:
                data["colours"] = [canonical(kind, option) or option for option in options]
            return data
        if kind == "choice":
            codes = accepted_codes(kind, value["solutions"])
            return {
                "options": keyed(options, ascii_uppercase),
                "multiple": any(len(code) > 1 for code in codes),
            }
        if kind == "ordering":
            return {"items": keyed(options, ascii_uppercase)}
        if kind == "matching":
            right = [text or "" for text in value["colonne_droite"]]
            return {
                "left": keyed(options, numbers(len(options))),
                "right": keyed(right, ascii_uppercase),
            }
        if kind == "find_trade":
            return {"suggestions": options}
        return {}

    # -- validation --------------------------------------------------------------------
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
        try:
            enigme = Enigme.from_dict(self.to_engine(value, with_media=False))
            problems = enigme.problems()
        except EngineError as error:
            enigme, problems = None, [error.message]
        for problem in problems:
            errors.setdefault(problem_field(problem), []).append(readable(problem, value["type"]))
        if enigme is not None and "solutions" not in errors:
            for name, messages in self.answer_problems(value, enigme).items():
                errors.setdefault(name, []).extend(messages)
        raise_on_fields(self, errors)
        return value

    @staticmethod
    def answer_problems(value, enigme: Enigme) -> dict[str, list[str]]:
        """What the engine cannot see: answers against the options phones show (its `data`
        is opaque to it). Every solution is already readable in the énigme's kind."""
        kind, options = enigme.kind, list(value["options"])
        errors: dict[str, list[str]] = {}
        if kind in OPTION_COUNTS:
            low, high = OPTION_COUNTS[kind]
            if not low <= len(options) <= high:
                errors["options"] = [
                    _("Il faut entre %(low)s et %(high)s propositions.")
                    % {"low": low, "high": high}
                ]
        elif kind in PADLOCKS and kind != "padlock_colours" and options:
            errors["options"] = [_("Ce cadenas n'utilise pas de propositions : videz la liste.")]
        if kind == "padlock_colours":
            wrong = [option for option in options if "," in (canonical(kind, option) or ",")]
            if wrong:
                errors["options"] = [
                    _("« %(option)s » n'est pas une couleur du cadenas.") % {"option": wrong[0]}
                ]
        if kind == "matching" and len(value["colonne_droite"]) < len(options):
            errors["colonne_droite"] = [
                _("Il faut au moins autant d'éléments à droite qu'à gauche.")
            ]
        if kind != "matching" and value["colonne_droite"]:
            errors["colonne_droite"] = [
                _("Seule une énigme « Associer » a une colonne de droite : videz la liste.")
            ]
        refused = [
            solution
            for solution in enigme.solutions
            if not fits_options(kind, canonical(kind, solution), len(options), value)
        ]
        if refused and "options" not in errors:
            errors["solutions"] = [
                _("La solution « %(solution)s » ne correspond pas aux propositions.")
                % {"solution": solution}
                for solution in refused
            ]
        return errors


def accepted_codes(kind: str, solutions) -> list[str]:
    return [code for text in solutions if (code := canonical(kind, text or "")) is not None]


def fits_options(kind: str, code: str, count: int, value) -> bool:
    """Whether a canonical answer can be entered with the options shown on the phones."""
    letters = set(ascii_uppercase[:count])
    if kind == "choice":
        return set(code) <= letters
    if kind == "ordering":
        return sorted(code) == sorted(letters)  # every item, once each
    if kind == "matching":
        rights = set(ascii_uppercase[: len(value["colonne_droite"])])
        pairs = re.findall(r"(\d+)([A-Z])", code)
        lefts = sorted(int(number) for number, _letter in pairs)
        return lefts == list(range(1, count + 1)) and all(
            letter in rights for _number, letter in pairs
        )
    return True


def problem_field(problem: str) -> str:
    lowered = problem.casefold()
    return next((name for word, name in PROBLEM_FIELDS if word in lowered), "solutions")


def readable(problem: str, kind: str | None) -> str:
    """The engine names kinds by code, « (padlock_colours) »: the editor knows their labels."""
    labels = dict(KIND_CHOICES)
    if kind in labels:
        return problem.replace(f"({kind})", f"({str(labels[kind]).lower()})")
    return problem


class EnigmesBlock(blocks.StreamBlock):
    """The énigmes of an escape game; the last one ends it."""

    enigme = EnigmeBlock()

    class Meta:
        label = _("Énigmes")

    def to_engine(self, stream, *, with_media: bool = True) -> list[dict[str, Any]]:
        return [child.block.to_engine(child.value, with_media=with_media) for child in stream]

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
                            name: field_error(self.child_blocks["enigme"].child_blocks[name], msgs)
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
    field ({index: {field: messages}}), and the others (no énigme, a loop, a game setting).

    `game` gives title, duration_s and team_size; without them only the énigmes are judged.
    """
    spec = {"title": "·", "duration_s": 3600, "team_size": 4, **game, "enigmes": enigmes}
    try:
        problems = EscapeSpec.from_dict(spec).problems()
    except EngineError as error:
        return {}, [error.message]
    placed: dict[int, dict[str, list[str]]] = {}

    def place(index: int, name: str, message: str) -> None:
        placed.setdefault(index, {}).setdefault(name, []).append(message)

    general = []
    for problem in problems:
        numbered = NUMBERED_PROBLEM.match(problem)
        if numbered:
            index, message = int(numbered.group(1)) - 1, numbered.group(2)
            target = UNKNOWN_TARGET.match(message)
            if target and target.group(1) == default_target(enigmes[index]["next"]):
                place(index, "suite_par_defaut", message)
            else:
                place(index, problem_field(message), readable(message, enigmes[index]["kind"]))
        elif problem == DUPLICATE_IDS:
            seen = set()
            for index, enigme in enumerate(enigmes):
                if enigme["id"] in seen:
                    place(index, "identifiant", problem)
                seen.add(enigme["id"])
        elif problem == LAST_HAS_NEXT:
            branches = isinstance(enigmes[-1]["next"], dict)
            place(len(enigmes) - 1, "suite" if branches else "suite_par_defaut", problem)
        else:
            general.append(problem)
    return placed, general


def default_target(next_value: str | dict[str, str] | None) -> str | None:
    """Where an énigme leads whatever the answer: its « sinon » field."""
    if isinstance(next_value, dict):
        return next_value.get("*")
    return next_value
