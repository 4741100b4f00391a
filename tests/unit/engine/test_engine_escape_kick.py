"""The host removes a player from an escape game, in the lobby or while it runs."""

import pytest

from games.engine.commands import AddTeam, End, JoinTeam, Kick, Submit
from games.engine.errors import EngineError
from games.kinds.escape.engine.play import apply
from games.kinds.escape.engine.state import EscapeState
from tests.unit.engine.engine_helpers import T0, escape_spec, escape_started, run_escape

SPEC = escape_spec()


def audiences(transition):
    return [(event.type, event.audience) for event in transition.events]


def test_a_kick_in_the_lobby_takes_the_player_out_of_its_team():
    state = run_escape(SPEC, EscapeState(), AddTeam("t1", "Les Castors"), JoinTeam("a", "t1"))
    state = run_escape(SPEC, state, JoinTeam("b", "t1"))
    transition = apply(SPEC, state, Kick("b"), T0)
    assert transition.state.teams["t1"]["members"] == ["a"]
    assert transition.state.version == state.version + 1
    assert audiences(transition)[:3] == [
        ("player_kicked", "player:b"),
        ("team_left", "host"),
        ("team_left", "team:t1"),
    ]


def test_a_kick_while_running_shares_the_fragments_out_again():
    state = escape_started(SPEC, {"t1": ["a", "b"], "t2": ["c"]})
    transition = apply(SPEC, state, Kick("b"), T0 + 1_000)
    assert transition.state.teams["t1"]["members"] == ["a"]
    # The one member left gets the whole énigme again (both fragments).
    opened = [
        e for e in transition.events if e.type == "enigme_opened" and e.audience == "player:a"
    ]
    assert opened and len(opened[-1].data["fragments"]) == len(SPEC.enigmes[0].fragments)
    assert transition.state.phase == "running"


def test_kicking_the_last_player_of_the_last_team_playing_ends_the_game():
    state = escape_started(SPEC, {"t1": ["a"], "t2": ["b"]})
    for enigme_id, code in {
        "cadenas": "4071",
        "couleurs": "rouge vert bleu",
        "metier": "soudeur",
    }.items():
        state = apply(SPEC, state, Submit("t1", "a", enigme_id, code), T0).state
    transition = apply(SPEC, state, Kick("b"), T0)
    assert transition.state.phase == "finished"


def test_a_player_in_no_team_is_removed_all_the_same():
    state = run_escape(SPEC, EscapeState(), AddTeam("t1", "Les Castors"))
    transition = apply(SPEC, state, Kick("z"), T0)
    assert transition.state.version == state.version + 1  # the service records the kick
    assert audiences(transition) == [("player_kicked", "player:z")]


def test_no_kick_once_the_game_is_over():
    state = run_escape(SPEC, escape_started(SPEC, {"t1": ["a"]}), End())
    with pytest.raises(EngineError) as caught:
        apply(SPEC, state, Kick("a"), T0)
    assert caught.value.code == "wrong_phase"
