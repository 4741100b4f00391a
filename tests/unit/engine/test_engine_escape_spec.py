import copy

import pytest

from games.engine.errors import EngineError
from games.kinds.escape.engine.spec import EscapeSpec
from tests.unit.engine.engine_helpers import escape_spec

BASE = escape_spec().to_dict()


def spec_with(**changes):
    data = copy.deepcopy(BASE)
    data.update(changes)
    return EscapeSpec.from_dict(data)


def enigmes(*changes):
    """The base énigmes with per-énigme changes (a dict per énigme, in order)."""
    found = copy.deepcopy(BASE["enigmes"])
    for enigme, change in zip(found, changes, strict=False):
        enigme.update(change)
    return found


def branching():
    """a -> (b1 | b2) -> c: two ways through, joining again at c."""
    return [
        {
            "id": "a",
            "title": "A",
            "kind": "padlock_digits",
            "solutions": ["11", "22"],
            "next": {"11": "b1", "22": "b2"},
        },
        {"id": "b1", "title": "B1", "kind": "padlock_letters", "solutions": ["x"], "next": "c"},
        {"id": "b2", "title": "B2", "kind": "padlock_letters", "solutions": ["y"], "next": "c"},
        {"id": "c", "title": "C", "kind": "find_trade", "solutions": ["soudeur"]},
    ]


def test_the_base_spec_is_valid_and_round_trips():
    spec = escape_spec()
    assert spec.problems() == []
    assert EscapeSpec.from_dict(spec.to_dict()) == spec


def test_spec_problems_in_french():
    def problems(**changes):
        return " | ".join(spec_with(**changes).problems())

    assert "titre" in problems(title="")
    assert "durée" in problems(duration_s=10)
    assert "équipe" in problems(team_size=0)
    assert "aucune énigme" in problems(enigmes=[])
    assert "même identifiant" in problems(enigmes=enigmes({}, {"id": "cadenas"}))
    assert "Aucune solution" in problems(enigmes=enigmes({"solutions": []}))
    assert "ne peut pas être saisie" in problems(enigmes=enigmes({"solutions": ["12ab"]}))
    assert "fragment" in problems(enigmes=enigmes({"fragments": ["ok", " "]}))
    hints = [{"text": "h", "penalty_s": 10}] * 4
    assert "3 indices" in problems(enigmes=enigmes({"hints": hints}))
    assert "négative" in problems(enigmes=enigmes({"hints": [{"text": "h", "penalty_s": -5}]}))
    assert "inconnu" in problems(enigmes=enigmes({"kind": "sudoku"}))
    assert "n'existe pas" in problems(enigmes=enigmes({"next": "nulle-part"}))
    assert "dernière" in problems(enigmes=enigmes({}, {}, {"next": "cadenas"}))


def test_cycles_and_unreachable_enigmes_are_reported():
    looping = enigmes({}, {"next": "cadenas"})
    assert any("boucle" in p for p in spec_with(enigmes=looping).problems())
    skipping = enigmes({"next": "metier"})
    assert any("jamais atteinte" in p for p in spec_with(enigmes=skipping).problems())


def test_branches_that_join_again_are_valid():
    spec = spec_with(enigmes=branching())
    assert spec.problems() == []
    first = spec.enigme("a")
    assert spec.next_id(first, "11") == "b1"
    assert spec.next_id(first, "22") == "b2"
    assert spec.next_id(spec.enigme("b2"), "Y") == "c"
    assert spec.next_id(spec.enigme("c"), "soudeur") is None


def test_a_branch_must_name_a_solution():
    data = branching()
    data[0]["next"] = {"11": "b1", "33": "b2"}
    assert any("« 33 »" in p for p in spec_with(enigmes=data).problems())


def test_default_branch():
    data = branching()
    data[0]["solutions"] = ["11", "22", "44"]
    data[0]["next"] = {"11": "b1", "*": "b2"}
    spec = spec_with(enigmes=data)
    assert spec.problems() == []
    assert spec.next_id(spec.enigme("a"), "44") == "b2"


def test_a_branch_that_never_rejoins_is_a_cycle_or_unreachable_end():
    data = branching()
    data[2]["next"] = "a"  # b2 goes back to the start
    assert any("boucle" in p for p in spec_with(enigmes=data).problems())


def test_malformed_specs_raise():
    for broken in ({**BASE, "enigmes": "x"}, {**BASE, "duration_s": "long"}, []):
        with pytest.raises(EngineError) as caught:
            EscapeSpec.from_dict(broken)
        assert caught.value.code == "invalid_spec"
    with pytest.raises(EngineError):
        spec_with(enigmes=enigmes({"next": ["a"]}))


def test_branches_drive_play():
    from games.engine.commands import Submit
    from games.kinds.escape.engine.play import apply
    from tests.unit.engine.engine_helpers import T0, escape_started

    spec = spec_with(enigmes=branching())
    state = escape_started(spec, {"t1": ["p"], "t2": ["q"]})
    state = apply(spec, state, Submit("t1", "p", "a", "11"), T0).state
    state = apply(spec, state, Submit("t2", "q", "a", "2 2"), T0).state
    assert (state.teams["t1"]["current"], state.teams["t2"]["current"]) == ("b1", "b2")
    with pytest.raises(EngineError) as caught:
        apply(spec, state, Submit("t1", "p", "b2", "y"), T0)
    assert caught.value.code == "wrong_enigme"
    state = apply(spec, state, Submit("t1", "p", "b1", "x"), T0).state
    assert state.teams["t1"]["current"] == "c"
