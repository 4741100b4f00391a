"""A small escape game for live tests, written as the engine spec the authoring pages produce.

`data` follows the shape the phone reads (docs/protocol.md, "Escape game": énigme data).
"""

from __future__ import annotations

import copy

from games.services.sessions import join_session, launch_session

COFFRE = {
    "id": "coffre",
    "title": "Le coffre de l'atelier",
    "kind": "padlock_digits",
    "text": "Le code du coffre est la somme des numéros de vos fiches.",
    "solutions": ["4071"],
    "hints": [
        {"text": "Additionnez les quatre nombres.", "penalty_s": 60},
        {"text": "Le code commence par 40.", "penalty_s": 120},
    ],
    "fragments": ["Fiche A : 4000", "Fiche B : 70", "Fiche C : 1", "Fiche D : 0"],
    "metiers": [
        {"id": "1", "title": "Technicienne de maintenance", "url": "/metiers/maintenance/"}
    ],
    "data": {"story": "La chaîne s'est arrêtée net.", "length": 4},
}
CABLES = {
    "id": "cables",
    "title": "Les câbles",
    "kind": "padlock_colours",
    "text": "Rebranchez les câbles dans l'ordre du schéma.",
    "solutions": ["rouge vert bleu"],
    "fragments": ["Le premier est rouge.", "Le dernier est bleu."],
    "metiers": [{"id": "2", "title": "Électricienne", "url": "/metiers/electricienne/"}],
    "data": {"colours": ["rouge", "vert", "bleu", "jaune"], "length": 3},
}
METIER = {
    "id": "metier",
    "title": "Qui suis-je ?",
    "kind": "find_trade",
    "text": "Je répare les machines avant qu'elles ne tombent en panne.",
    "solutions": ["Technicien de maintenance", "Technicienne de maintenance"],
    "metiers": [{"id": "3", "title": "Soudeur", "url": "/metiers/soudeur/"}],
}
ESCAPE = {
    "title": "Panne de test",
    "duration_s": 1800,
    "team_size": 3,
    "enigmes": [COFFRE, CABLES, METIER],
    "teams": [{"id": "t1", "name": "Les Castors"}, {"id": "t2", "name": "Les Lynx"}],
}
SOLUTIONS = {"coffre": "4071", "cables": "rouge vert bleu", "metier": "technicienne de maintenance"}


def escape_spec(**changes) -> dict:
    spec = copy.deepcopy(ESCAPE)
    spec.update(changes)
    return spec


def launch_escape(host, spec=None):
    return launch_session(kind="escape", spec=spec or escape_spec(), host=host)


def join_team(session, nickname, team=None):
    return join_session(session, nickname, team=team)
