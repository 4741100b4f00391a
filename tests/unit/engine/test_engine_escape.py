import json

import pytest

from games.engine.commands import (
    AddTeam,
    AddTime,
    End,
    Hint,
    Join,
    JoinTeam,
    LeaveTeam,
    Message,
    Pause,
    Resume,
    Start,
    Submit,
    Tick,
)
from games.engine.errors import CODES, EngineError
from games.kinds.escape.engine.play import apply, lock_ms
from games.kinds.escape.engine.report import debrief, ranking, snapshot
from games.kinds.escape.engine.state import EscapeState
from games.kinds.escape.engine.teams import balance_teams, fragments_for, smallest_team
from tests.unit.engine.engine_helpers import (
    T0,
    escape_spec,
    escape_started,
    run_escape,
    walk,
)

SPEC = escape_spec()


def refused(state, command, code, now_ms=T0, spec=SPEC):
    with pytest.raises(EngineError) as caught:
        apply(spec, state, command, now_ms)
    assert caught.value.code == code
    assert code in CODES
    return caught.value


def solve_all(state, team_id, player_id, now_ms=T0):
    codes = {"cadenas": "4071", "couleurs": "rouge vert bleu", "metier": "soudeur"}
    for enigme_id, code in codes.items():
        state = apply(SPEC, state, Submit(team_id, player_id, enigme_id, code), now_ms).state
    return state


# -- lobby ---------------------------------------------------------------------


def test_teams_are_added_and_joined_in_the_lobby():
    state = EscapeState()
    transition = apply(SPEC, state, AddTeam("t1", "  Les   Bleus "), T0)
    assert transition.state.teams["t1"]["name"] == "Les Bleus"
    assert transition.state.version == 1
    assert [(e.type, e.audience) for e in transition.events] == [("team_added", "all")]
    state = run_escape(SPEC, transition.state, JoinTeam("a", "t1"), JoinTeam("b", "t1"))
    assert state.teams["t1"]["members"] == ["a", "b"]
    assert apply(SPEC, state, JoinTeam("a", "t1"), T0).state is state
    refused(state, AddTeam("t1", "Encore"), "duplicate_team")
    refused(state, AddTeam("t2", " "), "invalid_team_name")
    refused(state, JoinTeam("c", "t9"), "unknown_team")
    refused(state, LeaveTeam("zz"), "unknown_player")


def test_changing_team_in_the_lobby_moves_the_player():
    state = EscapeState()
    state = run_escape(SPEC, state, AddTeam("t1", "A"), AddTeam("t2", "B"), JoinTeam("a", "t1"))
    state = run_escape(SPEC, state, JoinTeam("a", "t2"))
    assert (state.teams["t1"]["members"], state.teams["t2"]["members"]) == ([], ["a"])


def test_a_full_team_refuses_players():
    spec = escape_spec(team_size=2)
    state = run_escape(
        spec, EscapeState(), AddTeam("t1", "A"), JoinTeam("a", "t1"), JoinTeam("b", "t1")
    )
    refused(state, JoinTeam("c", "t1"), "team_full", spec=spec)


def test_start_needs_a_team_with_players():
    refused(EscapeState(), Start(), "no_team")
    empty_team = run_escape(SPEC, EscapeState(), AddTeam("t1", "A"))
    refused(empty_team, Start(), "no_team")
    state = escape_started(SPEC, {"t1": ["a", "b"]})
    assert (state.phase, state.started_at_ms, state.ends_at_ms) == ("running", T0, T0 + 1_800_000)
    assert state.teams["t1"]["current"] == "cadenas"
    refused(state, Start(), "wrong_phase")


def test_start_sends_each_phone_its_own_fragments():
    state = run_escape(SPEC, EscapeState(), AddTeam("t1", "A"), JoinTeam("a", "t1"))
    state = run_escape(SPEC, state, JoinTeam("b", "t1"))
    transition = apply(SPEC, state, Start(), T0)
    opened = {e.audience: e.data for e in transition.events if e.type == "enigme_opened"}
    assert opened["player:a"]["fragments"] == ["fragment-1", "fragment-3", "fragment-5"]
    assert opened["player:b"]["fragments"] == ["fragment-2", "fragment-4"]
    assert "solutions" not in opened["player:a"]["enigme"]


def test_quiz_commands_are_not_escape_commands():
    refused(EscapeState(), Join("a", "Ana"), "invalid_command")


# -- fragments and placement ---------------------------------------------------


def test_fragments_go_round_the_members_in_join_order():
    enigme = SPEC.enigmes[0]
    members = ["a", "b", "c"]
    assert fragments_for(enigme, members, "a") == ["fragment-1", "fragment-4"]
    assert fragments_for(enigme, members, "c") == ["fragment-3"]
    six = [f"p{i}" for i in range(6)]
    assert fragments_for(enigme, six, "p5") == []
    assert fragments_for(enigme, members, "stranger") == []
    assert fragments_for(enigme, ["solo"], "solo") == enigme.fragments


def test_fragments_are_shared_out_again_when_a_player_joins_late():
    state = escape_started(SPEC, {"t1": ["a"]})
    transition = apply(SPEC, state, JoinTeam("b", "t1"), T0 + 1000)
    opened = {
        e.audience: e.data["fragments"] for e in transition.events if e.type == "enigme_opened"
    }
    assert opened == {
        "player:a": ["fragment-1", "fragment-3", "fragment-5"],
        "player:b": ["fragment-2", "fragment-4"],
    }


def test_no_team_change_once_running():
    state = escape_started(SPEC, {"t1": ["a"]})
    state = run_escape(SPEC, state, AddTeam("t2", "B"))
    assert state.teams["t2"]["current"] == "cadenas"  # a team added late starts at the start
    refused(state, JoinTeam("a", "t2"), "already_in_team")


def test_balance_teams_deals_players_evenly():
    placement = balance_teams([str(n) for n in range(7)], ["t1", "t2", "t3"])
    assert placement == {"t1": ["0", "3", "6"], "t2": ["1", "4"], "t3": ["2", "5"]}
    assert balance_teams(["a"], []) == {}


def test_smallest_team_for_a_late_joiner():
    teams = escape_started(SPEC, {"t1": ["a", "b"], "t2": ["c"], "t3": ["d"]}).teams
    assert smallest_team(teams, 4) == "t2"
    assert smallest_team(teams, 1) is None


# -- codes -----------------------------------------------------------------------


def test_right_code_solves_and_opens_the_next_enigme():
    state = escape_started(SPEC, {"t1": ["a", "b"]})
    transition = apply(SPEC, state, Submit("t1", "b", "cadenas", " 40-71 "), T0 + 60_000)
    team = transition.state.teams["t1"]
    assert team["current"] == "couleurs"
    assert team["solved"] == [{"enigme_id": "cadenas", "at_ms": T0 + 60_000, "clock_ms": 60_000}]
    kinds = [(e.type, e.audience) for e in transition.events]
    assert kinds[:2] == [("enigme_solved", "team:t1"), ("team_progress", "host")]
    assert transition.events[0].data["metiers"] == SPEC.enigmes[0].metiers
    assert ("enigme_opened", "player:a") in kinds


def test_two_phones_sending_the_right_code_count_once():
    state = escape_started(SPEC, {"t1": ["a", "b"]})
    state = apply(SPEC, state, Submit("t1", "a", "cadenas", "4071"), T0).state
    refused(state, Submit("t1", "b", "cadenas", "4071"), "already_solved")
    assert len(state.teams["t1"]["solved"]) == 1


def test_submissions_are_checked():
    state = escape_started(SPEC, {"t1": ["a"], "t2": ["b"]})
    refused(state, Submit("t9", "a", "cadenas", "1"), "unknown_team")
    refused(state, Submit("t2", "a", "cadenas", "1"), "not_in_team")
    refused(state, Submit("t1", "a", "couleurs", "rouge"), "wrong_enigme")
    refused(state, Submit("t1", "a", "cadenas", "12ab"), "invalid_answer")
    assert state.teams["t1"]["attempts"] == {}
    refused(state, Submit("t1", "a", "cadenas", "4071"), "time_over", now_ms=T0 + 1_800_000)
    lobby = run_escape(SPEC, EscapeState(), AddTeam("t1", "A"), JoinTeam("a", "t1"))
    refused(lobby, Submit("t1", "a", "cadenas", "4071"), "wrong_phase")


def test_wrong_code_tells_the_team_and_counts_an_attempt():
    state = escape_started(SPEC, {"t1": ["a", "b"]})
    transition = apply(SPEC, state, Submit("t1", "a", "cadenas", "1111"), T0)
    team = transition.state.teams["t1"]
    assert (team["attempts"], team["wrong_streak"], team["current"]) == (
        {"cadenas": 1},
        1,
        "cadenas",
    )
    assert [(e.type, e.audience) for e in transition.events] == [
        ("code_rejected", "team:t1"),
        ("code_rejected", "host"),
    ]
    assert transition.events[0].data["lock_ms"] == 0


def test_three_wrong_codes_lock_the_padlock_longer_each_time():
    state = escape_started(SPEC, {"t1": ["a"]})
    now = T0
    for expected_lock in (10_000, 20_000, 40_000, 80_000, 120_000, 120_000):
        for _ in range(3):
            transition = apply(SPEC, state, Submit("t1", "a", "cadenas", "0000"), now)
            state = transition.state
        assert transition.events[0].data["lock_ms"] == expected_lock
        assert state.teams["t1"]["locked_until_ms"] == now + expected_lock
        error = refused(state, Submit("t1", "a", "cadenas", "4071"), "padlock_locked", now + 1000)
        assert error.details["remaining_ms"] == expected_lock - 1000
        now += expected_lock
    # Once the lock is over, the right code opens it and the next padlock starts afresh.
    state = apply(SPEC, state, Submit("t1", "a", "cadenas", "4071"), now).state
    team = state.teams["t1"]
    assert (team["lockouts"], team["wrong_streak"], team["locked_until_ms"]) == (0, 0, None)


def test_lock_length_formula():
    assert [lock_ms(n) for n in range(6)] == [10_000, 20_000, 40_000, 80_000, 120_000, 120_000]


def test_a_right_code_resets_the_wrong_streak():
    state = escape_started(SPEC, {"t1": ["a"]})
    state = run_escape(SPEC, state, *[Submit("t1", "a", "cadenas", "0") for _ in range(2)])
    state = run_escape(SPEC, state, Submit("t1", "a", "cadenas", "4071"))
    state = run_escape(SPEC, state, Submit("t1", "a", "couleurs", "bleu"))
    assert state.teams["t1"]["wrong_streak"] == 1
    assert state.teams["t1"]["locked_until_ms"] is None


# -- hints -----------------------------------------------------------------------


def test_hints_come_in_order_and_add_their_penalty():
    state = escape_started(SPEC, {"t1": ["a"]})
    first = apply(SPEC, state, Hint("t1", "a", "cadenas"), T0)
    assert first.events[0].audience == "team:t1"
    assert first.events[0].data["text"] == "Regarde la date sur l'affiche."
    assert first.events[0].data["remaining_hints"] == 1
    second = apply(SPEC, first.state, Hint("t1", "a", "cadenas"), T0)
    assert second.events[0].data["text"] == "Ça commence par 40."
    team = second.state.teams["t1"]
    assert (team["hints_used"], team["penalty_ms"]) == ({"cadenas": 2}, 90_000)
    refused(second.state, Hint("t1", "a", "cadenas"), "no_more_hints")
    refused(second.state, Hint("t1", "a", "couleurs"), "wrong_enigme")
    refused(state, Hint("t1", "zz", "cadenas"), "not_in_team")
    solved = run_escape(SPEC, state, Submit("t1", "a", "cadenas", "4071"))
    refused(solved, Hint("t1", "a", "cadenas"), "already_solved")
    refused(solved, Hint("t1", "a", "couleurs"), "no_more_hints")


# -- the clock -------------------------------------------------------------------


def test_pause_stops_play_and_resume_moves_the_end_and_locks():
    state = escape_started(SPEC, {"t1": ["a"]})
    state = run_escape(SPEC, state, *[Submit("t1", "a", "cadenas", "0") for _ in range(3)])
    assert state.teams["t1"]["locked_until_ms"] == T0 + 10_000
    paused = apply(SPEC, state, Pause(), T0 + 4000)
    assert paused.events[0].data == {"remaining_ms": 1_796_000}
    refused(paused.state, Submit("t1", "a", "cadenas", "4071"), "game_paused", T0 + 5000)
    refused(paused.state, Hint("t1", "a", "cadenas"), "game_paused")
    refused(paused.state, Pause(), "game_paused")
    assert apply(SPEC, paused.state, Tick(), T0 + 10**8).state is paused.state
    resumed = apply(SPEC, paused.state, Resume(), T0 + 64_000).state
    assert resumed.ends_at_ms == T0 + 1_860_000
    assert resumed.paused_total_ms == 60_000
    assert resumed.teams["t1"]["locked_until_ms"] == T0 + 70_000
    refused(resumed, Resume(), "not_paused")
    solved = run_escape(SPEC, resumed, Submit("t1", "a", "cadenas", "4071"), now_ms=T0 + 70_000)
    # Game time excludes the minute of pause.
    assert solved.teams["t1"]["solved"][0]["clock_ms"] == 10_000


def test_add_time_moves_the_end_and_can_end_the_game():
    state = escape_started(SPEC, {"t1": ["a"]})
    longer = apply(SPEC, state, AddTime(300), T0)
    assert longer.state.ends_at_ms == T0 + 2_100_000
    assert longer.events[0].data["added_s"] == 300
    refused(state, AddTime(0), "invalid_command")
    refused(state, AddTime(3601), "invalid_command")
    shorter = apply(SPEC, state, AddTime(-1800), T0)
    assert shorter.state.phase == "finished"
    refused(EscapeState(), AddTime(60), "wrong_phase")


def test_tick_ends_the_game_when_time_is_over():
    state = escape_started(SPEC, {"t1": ["a"]})
    assert apply(SPEC, state, Tick(), T0 + 1_799_999).state is state
    transition = apply(SPEC, state, Tick(), T0 + 1_800_000)
    assert transition.state.phase == "finished"
    assert transition.events[0].type == "game_finished"


def test_end_from_any_phase_but_finished():
    assert run_escape(SPEC, EscapeState(), End()).phase == "finished"
    ended = run_escape(SPEC, escape_started(SPEC, {"t1": ["a"]}), End())
    assert ended.phase == "finished"
    for command in (End(), Start(), Pause(), AddTeam("x", "X"), JoinTeam("b", "t1")):
        refused(ended, command, "wrong_phase")


# -- the end -----------------------------------------------------------------------


def test_a_team_that_solves_the_last_enigme_is_done_and_all_done_ends_the_game():
    state = escape_started(SPEC, {"t1": ["a"], "t2": ["b"]})
    state = solve_all(state, "t1", "a", T0 + 1000)
    assert state.teams["t1"]["current"] is None
    assert state.teams["t1"]["finished_at_ms"] == T0 + 1000
    assert state.phase == "running"
    state = run_escape(
        SPEC, state, Submit("t2", "b", "cadenas", "4071"), Submit("t2", "b", "couleurs", "🟥🟩🟦")
    )
    transition = apply(SPEC, state, Submit("t2", "b", "metier", "Soudeuse"), T0 + 2000)
    assert transition.state.phase == "finished"
    told = [(e.type, e.audience) for e in transition.events]
    assert told[-3:] == [
        ("team_finished", "team:t2"),
        ("team_finished", "host"),
        ("game_finished", "all"),
    ]


def test_ranking_by_enigmes_then_time_with_penalties():
    state = escape_started(SPEC, {"t1": ["a"], "t2": ["b"], "t3": ["c"], "t4": ["d"]})
    state = run_escape(SPEC, state, Hint("t1", "a", "cadenas"))  # +30 s
    state = run_escape(SPEC, state, Submit("t1", "a", "cadenas", "4071"), now_ms=T0 + 10_000)
    state = run_escape(SPEC, state, Submit("t2", "b", "cadenas", "4071"), now_ms=T0 + 35_000)
    state = run_escape(SPEC, state, Submit("t4", "d", "cadenas", "4071"), now_ms=T0 + 40_000)
    state = run_escape(
        SPEC, state, Submit("t4", "d", "couleurs", "rouge vert bleu"), now_ms=T0 + 90_000
    )
    rows = ranking(SPEC, state)
    assert [(r["rank"], r["team_id"], r["solved"], r["time_ms"]) for r in rows] == [
        (1, "t4", 2, 90_000),
        (2, "t2", 1, 35_000),
        (3, "t1", 1, 40_000),
        (4, "t3", 0, 0),
    ]


def test_equal_teams_share_a_rank():
    state = escape_started(SPEC, {"t1": ["a"], "t2": ["b"], "t3": ["c"]})
    state = run_escape(
        SPEC, state, Submit("t2", "b", "cadenas", "4071"), Submit("t1", "a", "cadenas", "4071")
    )
    assert [(r["rank"], r["name"]) for r in ranking(SPEC, state)] == [
        (1, "Équipe t1"),
        (1, "Équipe t2"),
        (3, "Équipe t3"),
    ]


def test_debrief_lists_metiers_per_team_and_overall():
    state = escape_started(SPEC, {"t1": ["a"], "t2": ["b"]})
    state = run_escape(
        SPEC,
        state,
        Submit("t2", "b", "cadenas", "4071"),
        Submit("t2", "b", "couleurs", "rouge vert bleu"),
    )
    state = run_escape(SPEC, state, Submit("t1", "a", "cadenas", "4071"))
    report = debrief(SPEC, state)
    assert report["teams"]["t1"] == SPEC.enigmes[0].metiers
    assert report["teams"]["t2"] == SPEC.enigmes[0].metiers + SPEC.enigmes[1].metiers
    assert report["overall"] == SPEC.enigmes[0].metiers + SPEC.enigmes[1].metiers


def test_leaving_empties_a_team_and_may_end_the_game():
    state = escape_started(SPEC, {"t1": ["a"], "t2": ["b"]})
    state = solve_all(state, "t1", "a")
    transition = apply(SPEC, state, LeaveTeam("b"), T0)
    assert transition.state.phase == "finished"
    assert transition.events[0].type == "left_team"


# -- messages ----------------------------------------------------------------------


def test_host_messages_go_to_a_team_or_everyone_without_a_new_version():
    state = escape_started(SPEC, {"t1": ["a"]})
    to_team = apply(SPEC, state, Message("Pensez aux indices !", "t1"), T0)
    assert to_team.state is state
    assert [(e.type, e.audience) for e in to_team.events] == [("host_message", "team:t1")]
    assert apply(SPEC, state, Message("Plus que 5 minutes", None), T0).events[0].audience == "all"
    refused(state, Message("   ", None), "invalid_message")
    refused(state, Message("x" * 281, None), "invalid_message")
    refused(state, Message("Coucou", "t9"), "unknown_team")


# -- views and storage ---------------------------------------------------------------


def test_player_snapshot_shows_only_its_team_and_its_fragments_never_solutions():
    state = escape_started(SPEC, {"t1": ["a", "b"], "t2": ["c"]})
    state = run_escape(SPEC, state, Hint("t1", "a", "cadenas"))
    view = snapshot(SPEC, state, "player", "t1", "b", now_ms=T0 + 1000)
    assert view["team"]["enigme"]["id"] == "cadenas"
    assert view["team"]["fragments"] == ["fragment-2", "fragment-4"]
    assert view["team"]["hints"] == [SPEC.enigmes[0].hints[0]]
    assert view["remaining_ms"] == 1_799_000
    values = set(map(str, walk(view)))
    assert not {"4071", "solutions", "next"} & values
    assert "fragment-1" not in values
    assert "c" not in view["team"]["members"]
    host = snapshot(SPEC, state, "host", now_ms=T0)
    assert not {"4071", "solutions"} & set(map(str, walk(host)))
    assert [team["team_id"] for team in host["progress"]] == ["t1", "t2"]
    with pytest.raises(EngineError) as caught:
        snapshot(SPEC, state, "player", "t2", "a", now_ms=T0)
    assert caught.value.code == "not_in_team"
    assert snapshot(SPEC, state, "player", None, "z", now_ms=T0)["team"] is None


def test_events_to_phones_never_carry_solutions():
    state = run_escape(SPEC, EscapeState(), AddTeam("t1", "A"), JoinTeam("a", "t1"))
    events = []
    for command in (
        Start(),
        Submit("t1", "a", "cadenas", "1"),
        Hint("t1", "a", "cadenas"),
        Submit("t1", "a", "cadenas", "4071"),
        Submit("t1", "a", "couleurs", "rouge vert bleu"),
    ):
        transition = apply(SPEC, state, command, T0)
        state = transition.state
        events += transition.events
    phone_values = {str(v) for e in events if e.audience != "host" for v in walk(e.data)}
    assert not {"solutions", "rouge vert bleu", "soudeur", "Soudeuse"} & phone_values


def test_escape_state_round_trips_and_is_never_mutated():
    state = escape_started(SPEC, {"t1": ["a", "b"]})
    state = run_escape(SPEC, state, Hint("t1", "a", "cadenas"), Submit("t1", "a", "cadenas", "0"))
    before = state.to_dict()
    for command in (Submit("t1", "a", "cadenas", "4071"), Pause(), LeaveTeam("b"), End()):
        apply(SPEC, state, command, T0)
    assert state.to_dict() == before
    assert EscapeState.from_dict(json.loads(json.dumps(before))) == state
    with pytest.raises(EngineError):
        EscapeState.from_dict({**before, "phase": "bonus"})


def test_version_counts_changes_only():
    state = escape_started(SPEC, {"t1": ["a"]})
    assert state.version == 3  # add team, join, start
    assert apply(SPEC, state, Submit("t1", "a", "cadenas", "0"), T0).state.version == 4
    assert apply(SPEC, state, Tick(), T0).state.version == 3
