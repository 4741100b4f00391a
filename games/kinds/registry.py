"""Every game kind, one line each: the only place that lists them.

A kind is a package under games/kinds/ (see docs/architecture.md, « Adding a game kind »):
its pure rules (engine/), its Wagtail page and blocks, its screens and its demo. Its `kind`
module defines a `Kind` record, named here by its dotted path. Views, consumers, services and
exports ask this registry and never test a kind's name.

Kinds are imported on first use, not when this module is: the page models import the
registry, and the registry's kinds import the page models.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import import_module
from typing import Any

from django.utils.module_loading import import_string

from games.kinds.rules import Rules

# name stored in GameSession.kind -> the Kind record of its package.
KINDS = {
    "quiz": "games.kinds.quiz.kind.QUIZ",
    "parcours": "games.kinds.quiz.kind.PARCOURS",
    "escape": "games.kinds.escape.kind.ESCAPE",
}


@dataclass(frozen=True)
class Kind:
    name: str
    label: Any  # lazy translation: the kind as teachers read it
    package: str  # "games.kinds.escape": where screens.py and demo.py are found
    rules: Rules
    page_model: type

    @cached_property
    def screens(self):
        """The kind's pages for the class screen and phones (games.kinds.screens.Screens).

        Imported late: screens use the play models, which are still loading when the page
        models ask for the kinds."""
        return import_module(f"{self.package}.screens").SCREENS


class UnknownKind(LookupError):
    pass


@cache
def kind(name: str) -> Kind:
    try:
        return import_string(KINDS[name])
    except KeyError:
        raise UnknownKind(name) from None


def all_kinds() -> Iterator[Kind]:
    return (kind(name) for name in KINDS)


def rules_for(name: str) -> Rules:
    return kind(name).rules


def choices() -> list[tuple[str, Any]]:
    """(name, label) of every kind, for forms and reports."""
    return [(each.name, each.label) for each in all_kinds()]


def demo_loaders() -> list[Callable]:
    """Each kind package's demo loader, once per package (quiz and parcours share one)."""
    packages = dict.fromkeys(each.package for each in all_kinds())
    return [import_module(f"{package}.demo").ensure_games for package in packages]
