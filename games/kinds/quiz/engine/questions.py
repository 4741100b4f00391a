"""Quiz questions: loading, what a phone may see, grading and authoring checks.

Each kind is a frozen dataclass with the same small interface:

- `from_dict(data)` / `to_dict()`: the authoring form (it holds the solution);
- `public()`: what a phone may see while the question is open, never the solution;
- `solution()`: what the reveal shows;
- `parse_answer(payload)`: the normalised answer, or `EngineError("invalid_answer")`
  when the payload has the wrong type, range or length (strict on purpose: a
  malformed answer is a client bug or a forged frame, not a wrong answer);
- `grade(answer)`: a fraction in [0, 1];
- `tally(answers)`: per-option counts for the reveal, or None for kinds without options;
- `problems()`: authoring mistakes, in French, empty when the question is playable.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, ClassVar

from games.engine.errors import EngineError
from games.engine.fields import (
    INVALID_FIELD,
    is_number,
    read_bool,
    read_id,
    read_int,
    read_list,
    read_number,
    read_str,
    require_dict,
)
from games.engine.problems import Problem, gettext_noop
from games.engine.shuffle import seeded_order, seeded_order_unlike

TIME_LIMIT_RANGE_S = (5, 240)
SPEC = "invalid_spec"


def _invalid(message: str) -> EngineError:
    return EngineError("invalid_answer", message)


def _duplicates(texts: list[str]) -> list[str]:
    seen: set[str] = set()
    repeated: list[str] = []
    for text in texts:
        key = " ".join(text.casefold().split())
        if key in seen and text not in repeated:
            repeated.append(text)
        seen.add(key)
    return repeated


@dataclass(frozen=True, kw_only=True)
class Question:
    kind: ClassVar[str] = ""

    id: str
    prompt: str
    time_limit_s: int = 20
    points: int = 1000
    explanation: str = ""
    metiers: list[dict] = field(default_factory=list)
    image: dict | None = None

    # -- loading -----------------------------------------------------------
    @classmethod
    def _common(cls, data: dict) -> dict[str, Any]:
        where = f"Question {data.get('id', '?')}"
        image = data.get("image")
        if image is not None and not isinstance(image, dict):
            raise EngineError(SPEC, INVALID_FIELD, where=where, field="image")
        metiers = read_list(data, "metiers", where, SPEC, default=[])
        if not all(isinstance(metier, dict) for metier in metiers):
            raise EngineError(SPEC, INVALID_FIELD, where=where, field="metiers")
        return {
            "id": read_id(data, "id", where, SPEC),
            "prompt": read_str(data, "prompt", where, SPEC),
            "time_limit_s": read_int(data, "time_limit_s", where, SPEC, default=20),
            "points": read_int(data, "points", where, SPEC, default=1000),
            "explanation": read_str(data, "explanation", where, SPEC, default=""),
            "metiers": [dict(metier) for metier in metiers],
            "image": dict(image) if image is not None else None,
        }

    @classmethod
    def from_dict(cls, data: dict) -> Question:
        raise NotImplementedError

    # -- shapes ------------------------------------------------------------
    def _base_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "prompt": self.prompt,
            "time_limit_s": self.time_limit_s,
            "points": self.points,
            "explanation": self.explanation,
            "metiers": [dict(metier) for metier in self.metiers],
            "image": dict(self.image) if self.image is not None else None,
        }

    def to_dict(self) -> dict[str, Any]:
        raise NotImplementedError

    def public(self) -> dict[str, Any]:
        """The question as shown while open. Explanation and métiers wait for the reveal:
        they often name the answer."""
        return {
            "id": self.id,
            "kind": self.kind,
            "prompt": self.prompt,
            "time_limit_s": self.time_limit_s,
            "points": self.points,
            "image": dict(self.image) if self.image is not None else None,
        }

    def solution(self) -> dict[str, Any]:
        raise NotImplementedError

    # -- play ----------------------------------------------------------------
    def parse_answer(self, payload: Any) -> Any:
        raise NotImplementedError

    def grade(self, answer: Any) -> float:
        raise NotImplementedError

    def tally(self, answers: list[Any]) -> Any:
        return None

    # -- authoring -----------------------------------------------------------
    def problems(self) -> list[Problem]:
        found: list[Problem] = []
        if not self.id.strip():
            found.append(
                Problem("no_id", gettext_noop("La question n'a pas d'identifiant."), field="id")
            )
        if not self.prompt.strip():
            found.append(
                Problem("empty_prompt", gettext_noop("L'énoncé est vide."), field="prompt")
            )
        low, high = TIME_LIMIT_RANGE_S
        if not low <= self.time_limit_s <= high:
            found.append(
                Problem(
                    "time_limit_out_of_range",
                    gettext_noop(
                        "Le temps de réponse doit être entre %(low)s et %(high)s secondes."
                    ),
                    field="time_limit_s",
                    low=low,
                    high=high,
                )
            )
        if self.points < 0:
            found.append(
                Problem(
                    "negative_points",
                    gettext_noop("Les points ne peuvent pas être négatifs."),
                    field="points",
                )
            )
        return found + self._kind_problems()

    def _kind_problems(self) -> list[Problem]:
        return []


@dataclass(frozen=True, kw_only=True)
class ChoiceQuestion(Question):
    """Options shown in authoring order (a teacher may say "answer B").

    Answer: a list of option indexes; exactly one when `multiple` is false.
    Grade: 1 when the chosen set is exactly the correct set, else 0.
    """

    kind: ClassVar[str] = "choice"
    options: list[str]
    correct: list[int]
    multiple: bool = False

    @classmethod
    def from_dict(cls, data: dict) -> ChoiceQuestion:
        where = f"Question {data.get('id', '?')}"
        options = read_list(data, "options", where, SPEC)
        correct = read_list(data, "correct", where, SPEC)
        if not all(isinstance(option, str) for option in options):
            raise EngineError(SPEC, INVALID_FIELD, where=where, field="options")
        if any(isinstance(i, bool) or not isinstance(i, int) for i in correct):
            raise EngineError(SPEC, INVALID_FIELD, where=where, field="correct")
        return cls(
            **cls._common(data),
            options=options,
            correct=correct,
            multiple=read_bool(data, "multiple", where, SPEC, default=False),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            **self._base_dict(),
            "options": list(self.options),
            "correct": list(self.correct),
            "multiple": self.multiple,
        }

    def public(self) -> dict[str, Any]:
        # `multiple` tells the phone to allow several taps; it does not say how many are right.
        return {**super().public(), "options": list(self.options), "multiple": self.multiple}

    def solution(self) -> dict[str, Any]:
        return {"correct": sorted(self.correct)}

    def parse_answer(self, payload: Any) -> list[int]:
        if not isinstance(payload, list) or not payload:
            raise _invalid(gettext_noop("Choisis au moins une réponse."))
        if any(isinstance(i, bool) or not isinstance(i, int) for i in payload):
            raise _invalid(gettext_noop("Réponse invalide."))
        if any(not 0 <= i < len(self.options) for i in payload):
            raise _invalid(gettext_noop("Cette réponse n'existe pas."))
        if len(set(payload)) != len(payload):
            raise _invalid(gettext_noop("Une réponse est choisie deux fois."))
        if not self.multiple and len(payload) != 1:
            raise _invalid(gettext_noop("Choisis une seule réponse."))
        return sorted(payload)

    def grade(self, answer: list[int]) -> float:
        return 1.0 if set(answer) == set(self.correct) else 0.0

    def tally(self, answers: list[list[int]]) -> list[int]:
        counts = [0] * len(self.options)
        for answer in answers:
            for index in answer:
                counts[index] += 1
        return counts

    def _kind_problems(self) -> list[Problem]:
        found: list[Problem] = []
        if not 2 <= len(self.options) <= 6:
            found.append(
                Problem(
                    "option_count",
                    gettext_noop("Il faut entre %(low)s et %(high)s réponses proposées."),
                    field="options",
                    low=2,
                    high=6,
                )
            )
        if any(not option.strip() for option in self.options):
            found.append(
                Problem(
                    "empty_option", gettext_noop("Une réponse proposée est vide."), field="options"
                )
            )
        for text in _duplicates(self.options):
            found.append(
                Problem(
                    "duplicate_option",
                    gettext_noop("La réponse « %(text)s » est proposée deux fois."),
                    field="options",
                    text=text,
                )
            )
        if not self.correct:
            found.append(
                Problem(
                    "no_correct_answer",
                    gettext_noop(
                        "Aucune bonne réponse n'est cochée : cochez la ou les bonnes réponses."
                    ),
                    field="correct",
                )
            )
        if any(not 0 <= i < len(self.options) for i in self.correct):
            found.append(
                Problem(
                    "correct_out_of_range",
                    gettext_noop("Une bonne réponse désigne une option qui n'existe pas."),
                    field="correct",
                )
            )
        if len(set(self.correct)) != len(self.correct):
            found.append(
                Problem(
                    "duplicate_correct",
                    gettext_noop("Une bonne réponse est indiquée deux fois."),
                    field="correct",
                )
            )
        if not self.multiple and len(self.correct) > 1:
            found.append(
                Problem(
                    "several_correct_not_multiple",
                    gettext_noop(
                        "Plusieurs bonnes réponses : cochez « plusieurs réponses possibles »."
                    ),
                    field="multiple",
                )
            )
        if self.options and len(set(self.correct)) >= len(self.options):
            found.append(
                Problem(
                    "all_correct",
                    gettext_noop(
                        "Toutes les réponses sont bonnes : il faut au moins une mauvaise réponse."
                    ),
                    field="correct",
                )
            )
        return found


@dataclass(frozen=True, kw_only=True)
class TrueFalseQuestion(Question):
    """Answer: a JSON boolean. Grade: 1 when it equals `correct`, else 0."""

    kind: ClassVar[str] = "true_false"
    correct: bool

    @classmethod
    def from_dict(cls, data: dict) -> TrueFalseQuestion:
        where = f"Question {data.get('id', '?')}"
        return cls(**cls._common(data), correct=read_bool(data, "correct", where, SPEC))

    def to_dict(self) -> dict[str, Any]:
        return {**self._base_dict(), "correct": self.correct}

    def solution(self) -> dict[str, Any]:
        return {"correct": self.correct}

    def parse_answer(self, payload: Any) -> bool:
        if not isinstance(payload, bool):
            raise _invalid(gettext_noop("Réponds par vrai ou faux."))
        return payload

    def grade(self, answer: bool) -> float:
        return 1.0 if answer == self.correct else 0.0

    def tally(self, answers: list[bool]) -> dict[str, int]:
        true_count = sum(1 for answer in answers if answer)
        return {"true": true_count, "false": len(answers) - true_count}


def _read_items(data: dict, key: str, names: tuple[str, ...]) -> list[dict[str, str]]:
    where = f"Question {data.get('id', '?')}"
    raw = read_list(data, key, where, SPEC)
    items = []
    for entry in raw:
        entry = require_dict(entry, where, SPEC)
        items.append({name: read_str(entry, name, where, SPEC) for name in names})
    return items


@dataclass(frozen=True, kw_only=True)
class OrderingQuestion(Question):
    """`items` are listed in the correct order; phones get them shuffled.

    Answer: the list of item ids in the order the player chose (a permutation).
    Grade: 1 when the whole order is right; otherwise half a point per share of
    items in their right place (0.5 * right_places / n), so a nearly right order
    earns something but always less than a right one.
    """

    kind: ClassVar[str] = "ordering"
    items: list[dict[str, str]]

    @classmethod
    def from_dict(cls, data: dict) -> OrderingQuestion:
        return cls(**cls._common(data), items=_read_items(data, "items", ("id", "text")))

    def to_dict(self) -> dict[str, Any]:
        return {**self._base_dict(), "items": [dict(item) for item in self.items]}

    @property
    def order(self) -> list[str]:
        return [item["id"] for item in self.items]

    def public(self) -> dict[str, Any]:
        by_id = {item["id"]: item for item in self.items}
        shown = seeded_order_unlike(self.order, f"ordering:{self.id}")
        return {**super().public(), "items": [dict(by_id[item_id]) for item_id in shown]}

    def solution(self) -> dict[str, Any]:
        return {"order": self.order}

    def parse_answer(self, payload: Any) -> list[str]:
        if not isinstance(payload, list) or not all(isinstance(i, str) for i in payload):
            raise _invalid(gettext_noop("Réponse invalide."))
        if len(payload) != len(self.items) or set(payload) != set(self.order):
            raise _invalid(gettext_noop("Il faut placer chaque étape une fois."))
        return list(payload)

    def grade(self, answer: list[str]) -> float:
        if answer == self.order:
            return 1.0
        in_place = sum(
            1 for chosen, right in zip(answer, self.order, strict=True) if chosen == right
        )
        return 0.5 * in_place / len(self.order)

    def _kind_problems(self) -> list[Problem]:
        found: list[Problem] = []
        if not 3 <= len(self.items) <= 8:
            found.append(
                Problem(
                    "item_count",
                    gettext_noop(
                        "Il faut entre %(low)s et %(high)s éléments à remettre dans l'ordre."
                    ),
                    field="items",
                    low=3,
                    high=8,
                )
            )
        if any(not item["id"] or not item["text"].strip() for item in self.items):
            found.append(
                Problem(
                    "empty_item",
                    gettext_noop("Un élément n'a pas d'identifiant ou de texte."),
                    field="items",
                )
            )
        if len(set(self.order)) != len(self.order):
            found.append(
                Problem(
                    "duplicate_item_ids",
                    gettext_noop("Deux éléments ont le même identifiant."),
                    field="items",
                )
            )
        for text in _duplicates([item["text"] for item in self.items]):
            found.append(
                Problem(
                    "duplicate_item",
                    gettext_noop("L'élément « %(text)s » apparaît deux fois."),
                    field="items",
                    text=text,
                )
            )
        return found


def _right_label(position: int) -> str:
    return "ABCDEFGH"[position]


@dataclass(frozen=True, kw_only=True)
class MatchingQuestion(Question):
    """Pairs (left, right) to match. Phones get both columns shuffled.

    Lefts keep their pair id; rights are labelled "A", "B"... in their shown order,
    because reusing the pair id on the right would tell which left it belongs to.
    Answer: {left id: right label} covering every left, each right used once.
    Grade: the fraction of lefts matched with their own right.
    """

    kind: ClassVar[str] = "matching"
    pairs: list[dict[str, str]]

    @classmethod
    def from_dict(cls, data: dict) -> MatchingQuestion:
        return cls(**cls._common(data), pairs=_read_items(data, "pairs", ("id", "left", "right")))

    def to_dict(self) -> dict[str, Any]:
        return {**self._base_dict(), "pairs": [dict(pair) for pair in self.pairs]}

    def _columns(self) -> tuple[list[str], list[str]]:
        ids = [pair["id"] for pair in self.pairs]
        lefts = seeded_order(ids, f"matching-left:{self.id}")
        # Rights lined up with their lefts would hand out every pair, so that one
        # order is avoided; but not with two pairs, where avoiding it would make
        # the crossed order the answer every time.
        if len(ids) >= 3:
            rights = seeded_order_unlike(lefts, f"matching-right:{self.id}")
        else:
            rights = seeded_order(ids, f"matching-right:{self.id}")
        return lefts, rights

    def _labels(self) -> dict[str, str]:
        """Pair id -> label of its right side."""
        _, rights = self._columns()
        return {pair_id: _right_label(position) for position, pair_id in enumerate(rights)}

    def public(self) -> dict[str, Any]:
        by_id = {pair["id"]: pair for pair in self.pairs}
        lefts, rights = self._columns()
        return {
            **super().public(),
            "lefts": [{"id": pair_id, "text": by_id[pair_id]["left"]} for pair_id in lefts],
            "rights": [
                {"id": _right_label(position), "text": by_id[pair_id]["right"]}
                for position, pair_id in enumerate(rights)
            ],
        }

    def solution(self) -> dict[str, Any]:
        return {"pairs": self._labels()}

    def parse_answer(self, payload: Any) -> dict[str, str]:
        labels = set(self._labels().values())
        if not isinstance(payload, dict) or not all(isinstance(v, str) for v in payload.values()):
            raise _invalid(gettext_noop("Réponse invalide."))
        if set(payload) != {pair["id"] for pair in self.pairs}:
            raise _invalid(gettext_noop("Il faut associer chaque élément."))
        if not set(payload.values()) <= labels or len(set(payload.values())) != len(payload):
            raise _invalid(gettext_noop("Chaque élément de droite s'utilise une seule fois."))
        return dict(payload)

    def grade(self, answer: dict[str, str]) -> float:
        labels = self._labels()
        right = sum(1 for pair_id, label in labels.items() if answer.get(pair_id) == label)
        return right / len(labels)

    def _kind_problems(self) -> list[Problem]:
        found: list[Problem] = []
        if not 2 <= len(self.pairs) <= 6:
            found.append(
                Problem(
                    "pair_count",
                    gettext_noop("Il faut entre %(low)s et %(high)s paires à associer."),
                    field="pairs",
                    low=2,
                    high=6,
                )
            )
        if any(not p["id"] or not p["left"].strip() or not p["right"].strip() for p in self.pairs):
            found.append(
                Problem(
                    "empty_pair",
                    gettext_noop("Une paire a un côté vide ou pas d'identifiant."),
                    field="pairs",
                )
            )
        ids = [pair["id"] for pair in self.pairs]
        if len(set(ids)) != len(ids):
            found.append(
                Problem(
                    "duplicate_pair_ids",
                    gettext_noop("Deux paires ont le même identifiant."),
                    field="pairs",
                )
            )
        for side in ("left", "right"):
            for text in _duplicates([pair[side] for pair in self.pairs]):
                found.append(
                    Problem(
                        "duplicate_pair_side",
                        gettext_noop("« %(text)s » apparaît deux fois dans la même colonne."),
                        field="pairs",
                        text=text,
                    )
                )
        return found


@dataclass(frozen=True, kw_only=True)
class EstimateQuestion(Question):
    """Answer: a number. Grade: 1 when |answer - value| <= tolerance, else 0."""

    kind: ClassVar[str] = "estimate"
    value: float
    tolerance: float = 0.0
    unit: str = ""

    @classmethod
    def from_dict(cls, data: dict) -> EstimateQuestion:
        where = f"Question {data.get('id', '?')}"
        return cls(
            **cls._common(data),
            value=read_number(data, "value", where, SPEC),
            tolerance=read_number(data, "tolerance", where, SPEC, default=0),
            unit=read_str(data, "unit", where, SPEC, default=""),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            **self._base_dict(),
            "value": self.value,
            "tolerance": self.tolerance,
            "unit": self.unit,
        }

    def public(self) -> dict[str, Any]:
        return {**super().public(), "unit": self.unit}

    def solution(self) -> dict[str, Any]:
        return {"value": self.value, "tolerance": self.tolerance, "unit": self.unit}

    def parse_answer(self, payload: Any) -> float:
        if not is_number(payload):
            raise _invalid(gettext_noop("Un nombre est attendu."))
        return payload

    def grade(self, answer: float) -> float:
        # A hair of slack so that 0.1 + 0.2 within a tolerance of 0.3 still counts.
        slack = 1e-9 * max(1.0, abs(self.value))
        return 1.0 if abs(answer - self.value) <= self.tolerance + slack else 0.0

    def _kind_problems(self) -> list[Problem]:
        found: list[Problem] = []
        if not math.isfinite(self.value):
            found.append(
                Problem(
                    "value_not_a_number",
                    gettext_noop("La valeur attendue n'est pas un nombre."),
                    field="value",
                )
            )
        if self.tolerance < 0:
            found.append(
                Problem(
                    "negative_tolerance",
                    gettext_noop("La tolérance ne peut pas être négative."),
                    field="tolerance",
                )
            )
        return found


KINDS: dict[str, type[Question]] = {
    kind.kind: kind
    for kind in (
        ChoiceQuestion,
        TrueFalseQuestion,
        OrderingQuestion,
        MatchingQuestion,
        EstimateQuestion,
    )
}


def question_from_dict(data: Any) -> Question:
    data = require_dict(data, "Question", SPEC)
    name = data.get("kind")
    kind = KINDS.get(name) if isinstance(name, str) else None
    if kind is None:
        raise EngineError(
            SPEC,
            gettext_noop("Type de question inconnu : %(kind)r."),
            field="kind",
            kind=data.get("kind"),
        )
    return kind.from_dict(data)
