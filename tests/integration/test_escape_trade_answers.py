"""« Trouve le métier »: the fiches' titles and ROME appellations are accepted answers."""

import pytest

from games.engine.commands import AddTeam, JoinTeam, Start, Submit
from games.kinds.escape.engine import EscapeSpec, EscapeState, apply_escape
from games.kinds.escape.trade_answers import fiche_names, with_trade_names
from tests.support.metiers_factories import metier

pytestmark = pytest.mark.django_db


def find_trade(fiche) -> dict:
    return {
        "id": "qui",
        "title": "Qui répare le tube ?",
        "kind": "find_trade",
        "solutions": ["soudeur"],
        "metiers": [{"id": str(fiche.pk), "title": fiche.title, "url": ""}],
    }


def test_the_fiches_title_and_appellations_join_the_accepted_answers():
    fiche = metier(
        title="Soudeur / Soudeuse",
        appellations="Chaudronnier soudeur / Chaudronnière soudeuse\n\n  Soudeur / Soudeuse  \n",
    )
    padlock = {"id": "porte", "title": "La porte", "kind": "padlock_digits", "solutions": ["12"]}
    enigmes = with_trade_names([padlock, find_trade(fiche)])
    assert "also_accepted" not in enigmes[0]
    assert enigmes[1]["also_accepted"] == fiche_names(fiche)
    assert fiche_names(fiche) == [
        "Soudeur / Soudeuse",
        "Chaudronnier soudeur / Chaudronnière soudeuse",
    ]

    spec = EscapeSpec.from_dict(
        {"title": "T", "duration_s": 600, "team_size": 2, "enigmes": [enigmes[1]]}
    )
    state = EscapeState()
    for command in (AddTeam("t1", "A"), JoinTeam("p", "t1"), Start()):
        state = apply_escape(spec, state, command, 0).state
    done = apply_escape(spec, state, Submit("t1", "p", "qui", "une chaudronnière soudeuse"), 1)
    assert done.state.teams["t1"]["finished_at_ms"] == 1


def test_an_enigme_without_a_fiche_in_the_database_keeps_its_solutions():
    enigme = {**find_trade(metier()), "metiers": [{"id": "999999", "title": "?"}]}
    assert with_trade_names([enigme])[0]["also_accepted"] == []
