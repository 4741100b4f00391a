"""The escape game description: énigmes, their solutions, indices, fragments and branches.

The path through the énigmes: after an énigme comes
- the énigme named by `next` when it is a string;
- when `next` is a dict, the énigme named for the accepted answer
  ({solution: enigme_id}, keys compared in canonical form), else its "*" entry,
  else the following énigme in the list;
- when `next` is None, the following énigme in the list.
The last énigme of the list is the only end: every path must reach it. With no
cycle allowed, branches therefore always join again before the end.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from games.engine.errors import EngineError
from games.engine.fields import (
    INVALID_FIELD,
    read_id,
    read_int,
    read_list,
    read_number,
    read_str,
    require_dict,
)
from games.engine.problems import Problem, gettext_noop
from games.kinds.escape.engine.codes import KINDS, canonical, trade_names

SPEC = "invalid_spec"
MAX_HINTS = 3
DEFAULT_BRANCH = "*"
DURATION_RANGE_S = (60, 4 * 3600)
TEAM_SIZE_RANGE = (1, 12)


@dataclass(frozen=True, kw_only=True)
class Enigme:
    id: str
    title: str
    kind: str
    solutions: list[str]
    text: str = ""
    hints: list[dict[str, Any]] = field(default_factory=list)  # {"text", "penalty_s"}
    fragments: list[str] = field(default_factory=list)
    metiers: list[dict] = field(default_factory=list)
    next: str | dict[str, str] | None = None
    # What phones need to draw the énigme (options, items...): opaque, and public.
    data: dict[str, Any] | None = None
    # find_trade: more names of the trade, accepted like the solutions and as secret: the
    # titles and ROME appellations of the énigme's fiches (games/kinds/escape/trade_answers.py).
    also_accepted: list[str] = field(default_factory=list)
    # The énigme's picture on the phones, as the quiz questions': {url, width, height, alt}.
    image: dict[str, Any] | None = None

    @classmethod
    def from_dict(cls, raw: Any) -> Enigme:
        raw = require_dict(raw, "Énigme", SPEC)
        where = f"Énigme {raw.get('id', '?')}"
        hints = []
        for hint in read_list(raw, "hints", where, SPEC, default=[]):
            hint = require_dict(hint, where, SPEC)
            hints.append(
                {
                    "text": read_str(hint, "text", where, SPEC),
                    "penalty_s": read_number(hint, "penalty_s", where, SPEC, default=0),
                }
            )
        next_value = raw.get("next")
        if not (
            next_value is None
            or isinstance(next_value, str)
            or (
                isinstance(next_value, dict)
                and all(isinstance(k, str) and isinstance(v, str) for k, v in next_value.items())
            )
        ):
            raise EngineError(SPEC, INVALID_FIELD, where=where, field="next")
        data = raw.get("data")
        if data is not None and not isinstance(data, dict):
            raise EngineError(SPEC, INVALID_FIELD, where=where, field="data")
        image = raw.get("image")
        if image is not None and not (
            isinstance(image, dict) and isinstance(image.get("url"), str)
        ):
            raise EngineError(SPEC, INVALID_FIELD, where=where, field="image")
        strings = ("solutions", "fragments", "also_accepted")
        lists = {key: read_list(raw, key, where, SPEC, default=[]) for key in strings}
        for key, values in lists.items():
            if not all(isinstance(value, str) for value in values):
                raise EngineError(SPEC, INVALID_FIELD, where=where, field=key)
        metiers = read_list(raw, "metiers", where, SPEC, default=[])
        if not all(isinstance(metier, dict) for metier in metiers):
            raise EngineError(SPEC, INVALID_FIELD, where=where, field="metiers")
        return cls(
            id=read_id(raw, "id", where, SPEC),
            title=read_str(raw, "title", where, SPEC),
            kind=read_str(raw, "kind", where, SPEC),
            solutions=lists["solutions"],
            text=read_str(raw, "text", where, SPEC, default=""),
            hints=hints,
            fragments=lists["fragments"],
            metiers=[dict(metier) for metier in metiers],
            next=dict(next_value) if isinstance(next_value, dict) else next_value,
            data=dict(data) if data is not None else None,
            also_accepted=lists["also_accepted"],
            image=dict(image) if image is not None else None,
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "kind": self.kind,
            "text": self.text,
            "solutions": list(self.solutions),
            "hints": [dict(hint) for hint in self.hints],
            "fragments": list(self.fragments),
            "metiers": [dict(metier) for metier in self.metiers],
            "next": dict(self.next) if isinstance(self.next, dict) else self.next,
            "data": dict(self.data) if self.data is not None else None,
            "also_accepted": list(self.also_accepted),
            "image": dict(self.image) if self.image is not None else None,
        }

    def public(self) -> dict[str, Any]:
        """What a phone may see: no solution, no branch map (its keys are solutions),
        no hint text before it is asked for, no fragments (each phone gets its own)."""
        return {
            "id": self.id,
            "title": self.title,
            "kind": self.kind,
            "text": self.text,
            "data": dict(self.data) if self.data is not None else None,
            "hint_count": len(self.hints),
            # What each hint will cost, so that a phone says it before the team asks.
            "hint_penalties_s": [hint["penalty_s"] for hint in self.hints],
            "image": dict(self.image) if self.image is not None else None,
        }

    def accepted(self) -> set[str]:
        if self.kind == "find_trade":
            texts = [*self.solutions, *self.also_accepted]
            return {name for text in texts for name in trade_names(text)}
        return {form for s in self.solutions if (form := canonical(self.kind, s)) is not None}

    def problems(self) -> list[Problem]:
        found: list[Problem] = []
        if not self.id.strip():
            found.append(
                Problem("no_id", gettext_noop("L'énigme n'a pas d'identifiant."), field="id")
            )
        if not self.title.strip():
            found.append(
                Problem("no_title", gettext_noop("L'énigme n'a pas de titre."), field="title")
            )
        if self.kind not in KINDS:
            found.append(
                Problem(
                    "unknown_kind",
                    gettext_noop("Type d'énigme inconnu : %(kind)s."),
                    field="kind",
                    kind=self.kind,
                )
            )
            return found
        if not self.solutions:
            found.append(
                Problem(
                    "no_solution",
                    gettext_noop("Aucune solution n'est indiquée."),
                    field="solutions",
                )
            )
        for solution in self.solutions:
            if canonical(self.kind, solution) is None:
                found.append(
                    Problem(
                        "solution_not_enterable",
                        gettext_noop(
                            "La solution « %(solution)s » ne peut pas être saisie sur ce type d'énigme."
                        ),
                        field="solutions",
                        solution=solution,
                    )
                )
        if len(self.hints) > MAX_HINTS:
            found.append(
                Problem(
                    "too_many_hints",
                    gettext_noop("Pas plus de %(max)s indices par énigme."),
                    field="hints",
                    max=MAX_HINTS,
                )
            )
        for hint in self.hints:
            if not hint["text"].strip():
                found.append(
                    Problem("empty_hint", gettext_noop("Un indice est vide."), field="hints")
                )
            if hint["penalty_s"] < 0:
                found.append(
                    Problem(
                        "negative_penalty",
                        gettext_noop("La pénalité d'un indice ne peut pas être négative."),
                        field="hints",
                    )
                )
        if any(not fragment.strip() for fragment in self.fragments):
            found.append(
                Problem(
                    "empty_fragment",
                    gettext_noop("Un fragment d'indice est vide."),
                    field="fragments",
                )
            )
        if isinstance(self.next, dict):
            accepted = self.accepted()
            for answer in self.next:
                if answer != DEFAULT_BRANCH and canonical(self.kind, answer) not in accepted:
                    found.append(
                        Problem(
                            "branch_without_solution",
                            gettext_noop(
                                "La branche « %(answer)s » ne correspond à aucune solution."
                            ),
                            field="branches",
                            answer=answer,
                        )
                    )
        return found


@dataclass(frozen=True)
class EscapeSpec:
    title: str
    duration_s: int
    team_size: int
    enigmes: list[Enigme]

    @classmethod
    def from_dict(cls, data: Any) -> EscapeSpec:
        data = require_dict(data, "Escape game", SPEC)
        where = "Escape game"
        return cls(
            title=read_str(data, "title", where, SPEC),
            duration_s=read_int(data, "duration_s", where, SPEC),
            team_size=read_int(data, "team_size", where, SPEC),
            enigmes=[Enigme.from_dict(e) for e in read_list(data, "enigmes", where, SPEC)],
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "duration_s": self.duration_s,
            "team_size": self.team_size,
            "enigmes": [enigme.to_dict() for enigme in self.enigmes],
        }

    # -- the path ----------------------------------------------------------------
    def enigme(self, enigme_id: str) -> Enigme:
        for enigme in self.enigmes:
            if enigme.id == enigme_id:
                return enigme
        raise EngineError(SPEC, gettext_noop("Énigme inconnue : %(enigme)s."), enigme=enigme_id)

    def first_id(self) -> str | None:
        return self.enigmes[0].id if self.enigmes else None

    def _following_in_list(self, enigme_id: str) -> str | None:
        ids = [enigme.id for enigme in self.enigmes]
        position = ids.index(enigme_id)
        return ids[position + 1] if position + 1 < len(ids) else None

    def next_id(self, enigme: Enigme, answer: str) -> str | None:
        """The énigme after `enigme` solved with canonical `answer`; None after the last."""
        if enigme.id == self.enigmes[-1].id:
            return None
        if isinstance(enigme.next, str):
            return enigme.next
        if isinstance(enigme.next, dict):
            for key, target in enigme.next.items():
                if key != DEFAULT_BRANCH and canonical(enigme.kind, key) == answer:
                    return target
            if DEFAULT_BRANCH in enigme.next:
                return enigme.next[DEFAULT_BRANCH]
        return self._following_in_list(enigme.id)

    def successors(self, enigme: Enigme) -> set[str]:
        """Every énigme that may come after `enigme`, whatever the answer."""
        if enigme.id == self.enigmes[-1].id:
            return set()
        return {self.next_id(enigme, answer) for answer in enigme.accepted() or {""}} - {None}

    def remaining_from(self, enigme_id: str | None) -> int:
        """How many énigmes a team still plays from `enigme_id` (itself included) to the end.

        On a fork, the longest way: « Énigme 3 sur 7 » may not grow once the team chose.
        The path has no cycle (an authoring problem), but a spec read from storage is not
        trusted: an énigme met twice on one way ends the count there.
        """
        lengths: dict[str, int] = {}

        def length(current: str, seen: frozenset[str]) -> int:
            if current in lengths:
                return lengths[current]
            if current in seen:
                return 0
            after = self.successors(self.enigme(current))
            longest = max((length(target, seen | {current}) for target in after), default=0)
            lengths[current] = 1 + longest
            return lengths[current]

        return length(enigme_id, frozenset()) if enigme_id is not None else 0

    # -- authoring ---------------------------------------------------------------
    def problems(self) -> list[Problem]:
        found: list[Problem] = []
        if not self.title.strip():
            found.append(
                Problem("no_title", gettext_noop("L'escape game n'a pas de titre."), field="title")
            )
        low, high = DURATION_RANGE_S
        if not low <= self.duration_s <= high:
            found.append(
                Problem(
                    "duration_out_of_range",
                    gettext_noop("La durée doit être entre %(low)s et %(high)s minutes."),
                    field="duration_s",
                    low=low // 60,
                    high=high // 60,
                )
            )
        low, high = TEAM_SIZE_RANGE
        if not low <= self.team_size <= high:
            found.append(
                Problem(
                    "team_size_out_of_range",
                    gettext_noop("Une équipe compte entre %(low)s et %(high)s joueurs."),
                    field="team_size",
                    low=low,
                    high=high,
                )
            )
        if not self.enigmes:
            return [
                *found,
                Problem(
                    "no_enigmes", gettext_noop("L'escape game n'a aucune énigme."), field="enigmes"
                ),
            ]
        ids = [enigme.id for enigme in self.enigmes]
        if len(set(ids)) != len(ids):
            return [
                *found,
                Problem(
                    "duplicate_ids",
                    gettext_noop("Deux énigmes ont le même identifiant."),
                    field="id",
                ),
            ]
        for number, enigme in enumerate(self.enigmes, start=1):
            found += [problem.placed("enigme", number - 1) for problem in enigme.problems()]
            targets = [enigme.next] if isinstance(enigme.next, str) else []
            if isinstance(enigme.next, dict):
                targets = list(enigme.next.values())
            default = (
                enigme.next.get(DEFAULT_BRANCH) if isinstance(enigme.next, dict) else enigme.next
            )
            for target in targets:
                if target not in ids:
                    found.append(
                        Problem(
                            "unknown_next",
                            gettext_noop("la suite « %(target)s » n'existe pas."),
                            # The « sinon » field, or one of the branches: the editor's two inputs.
                            field="next_default" if target == default else "branches",
                            index=number - 1,
                            item="enigme",
                            target=target,
                        )
                    )
            if number == len(self.enigmes) and enigme.next:
                found.append(
                    Problem(
                        "last_has_next",
                        gettext_noop(
                            "La dernière énigme termine le jeu : elle ne peut pas avoir de suite."
                        ),
                        field="branches" if isinstance(enigme.next, dict) else "next_default",
                        index=number - 1,
                    )
                )
        if not found:
            found += self._path_problems()
        return found

    def _path_problems(self) -> list[Problem]:
        """A cycle would trap a team; an énigme nobody can reach is a mistake."""
        by_id = {enigme.id: enigme for enigme in self.enigmes}
        state: dict[str, str] = {}  # id -> "open" while on the current path, "done" after
        found: list[Problem] = []

        def visit(enigme_id: str) -> None:
            state[enigme_id] = "open"
            for target in sorted(self.successors(by_id[enigme_id])):
                if state.get(target) == "open":
                    if not found:
                        found.append(
                            Problem(
                                "loop",
                                gettext_noop(
                                    "Les énigmes forment une boucle (retour à « %(target)s »)."
                                ),
                                target=target,
                            )
                        )
                elif target not in state:
                    visit(target)
            state[enigme_id] = "done"

        visit(self.enigmes[0].id)
        for index, enigme in enumerate(self.enigmes):
            if enigme.id not in state:
                found.append(
                    Problem(
                        "unreachable",
                        gettext_noop("L'énigme « %(title)s » n'est jamais atteinte."),
                        index=index,
                        title=enigme.title,
                    )
                )
        return found
