"""Builders shared by the engine tests (a plain module: tests/ has no __init__ files)."""

from __future__ import annotations

from typing import Any

from games.engine.commands import AddTeam, Command, Join, JoinTeam, Start
from games.kinds.escape.engine.play import apply as apply_escape
from games.kinds.escape.engine.spec import EscapeSpec
from games.kinds.escape.engine.state import EscapeState
from games.kinds.quiz.engine.play import apply as apply_quiz
from games.kinds.quiz.engine.state import QuizSpec, QuizState

T0 = 1_700_000_000_000  # an arbitrary "now" in ms; the engine never reads the clock

CHOICE = {
    "id": "q-choice",
    "kind": "choice",
    "prompt": "Qui soude les pièces d'un vélo ?",
    "options": ["Boulanger", "Soudeur", "Fleuriste"],
    "correct": [1],
    "time_limit_s": 20,
    "points": 1000,
    "explanation": "Le soudeur assemble le cadre.",
    "metiers": [{"id": "m-soudeur", "title": "Soudeur", "url": "/metiers/soudeur/"}],
}
TRUE_FALSE = {
    "id": "q-vf",
    "kind": "true_false",
    "prompt": "Un cadre de vélo peut être en carbone.",
    "correct": True,
    "time_limit_s": 10,
    "metiers": [{"id": "m-composite", "title": "Technicien composite", "url": "/c/"}],
}
ORDERING = {
    "id": "q-ordre",
    "kind": "ordering",
    "prompt": "Remets les étapes dans l'ordre.",
    "items": [
        {"id": "e1", "text": "Découpe des tubes"},
        {"id": "e2", "text": "Soudure du cadre"},
        {"id": "e3", "text": "Peinture"},
        {"id": "e4", "text": "Montage"},
    ],
    "time_limit_s": 30,
    "metiers": [{"id": "m-soudeur", "title": "Soudeur", "url": "/metiers/soudeur/"}],
}
MATCHING = {
    "id": "q-paires",
    "kind": "matching",
    "prompt": "Associe chaque métier à son outil.",
    "pairs": [
        {"id": "p1", "left": "Soudeur", "right": "Poste à souder"},
        {"id": "p2", "left": "Peintre", "right": "Pistolet"},
        {"id": "p3", "left": "Usineur", "right": "Tour"},
    ],
    "time_limit_s": 30,
}
ESTIMATE = {
    "id": "q-estimation",
    "kind": "estimate",
    "prompt": "Combien de pièces compte un vélo ?",
    "value": 4242.5,
    "tolerance": 100,
    "unit": "pièces",
    "time_limit_s": 20,
    "metiers": [{"id": "m-monteur", "title": "Monteur", "url": "/m/"}],
}


def quiz_spec(*questions: dict[str, Any], kind: str = "quiz") -> QuizSpec:
    return QuizSpec.from_dict({"title": "Le vélo", "kind": kind, "questions": list(questions)})


def run_quiz(spec: QuizSpec, state: QuizState, *commands: Command, now_ms: int = T0) -> QuizState:
    for command in commands:
        state = apply_quiz(spec, state, command, now_ms).state
    return state


def quiz_with_players(spec: QuizSpec, *nicknames: str, start: bool = True) -> QuizState:
    """Players "1", "2"... joined in the lobby; the first question opened at T0."""
    state = QuizState.new(spec)
    joins = [Join(str(n), nickname) for n, nickname in enumerate(nicknames, start=1)]
    state = run_quiz(spec, state, *joins)
    return run_quiz(spec, state, Start()) if start else state


def escape_spec(**overrides: Any) -> EscapeSpec:
    data = {
        "title": "Panique à l'usine",
        "duration_s": 1800,
        "team_size": 4,
        "enigmes": [
            {
                "id": "cadenas",
                "title": "Le coffre",
                "kind": "padlock_digits",
                "solutions": ["4071"],
                "hints": [
                    {"text": "Regarde la date sur l'affiche.", "penalty_s": 30},
                    {"text": "Ça commence par 40.", "penalty_s": 60},
                ],
                "fragments": ["fragment-1", "fragment-2", "fragment-3", "fragment-4", "fragment-5"],
                "metiers": [{"id": "m-maint", "title": "Technicienne de maintenance"}],
            },
            {
                "id": "couleurs",
                "title": "Les câbles",
                "kind": "padlock_colours",
                "solutions": ["rouge vert bleu"],
                "metiers": [{"id": "m-elec", "title": "Électricienne"}],
            },
            {
                "id": "metier",
                "title": "Qui suis-je ?",
                "kind": "find_trade",
                "solutions": ["Soudeuse", "Soudeur"],
                "metiers": [{"id": "m-soudeur", "title": "Soudeur"}],
            },
        ],
    }
    data.update(overrides)
    return EscapeSpec.from_dict(data)


def run_escape(
    spec: EscapeSpec, state: EscapeState, *commands: Command, now_ms: int = T0
) -> EscapeState:
    for command in commands:
        state = apply_escape(spec, state, command, now_ms).state
    return state


def escape_started(spec: EscapeSpec, teams: dict[str, list[str]]) -> EscapeState:
    """Teams {team_id: [player ids]} created, filled and started at T0."""
    state = EscapeState()
    for team_id, members in teams.items():
        state = run_escape(spec, state, AddTeam(team_id, f"Équipe {team_id}"))
        state = run_escape(spec, state, *[JoinTeam(pid, team_id) for pid in members])
    return run_escape(spec, state, Start())


def walk(value: Any):
    """Every key and scalar value inside nested dicts and lists."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from walk(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from walk(item)
    else:
        yield value
