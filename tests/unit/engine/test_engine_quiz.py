import pytest

from games.engine.commands import (
    AddTeam,
    Answer,
    Close,
    End,
    Join,
    Kick,
    Next,
    Pause,
    Resume,
    Skip,
    Start,
    Tick,
)
from games.engine.errors import CODES, EngineError
from games.engine.scoring import GRACE_MS, answer_points
from games.kinds.quiz.engine.play import apply, reveal_due_ms
from games.kinds.quiz.engine.report import ranking, results
from games.kinds.quiz.engine.snapshot import snapshot
from games.kinds.quiz.engine.state import QuizState
from tests.unit.engine.engine_helpers import (
    CHOICE,
    ESTIMATE,
    MATCHING,
    ORDERING,
    T0,
    TRUE_FALSE,
    quiz_spec,
    quiz_with_players,
    run_quiz,
)

SPEC = quiz_spec(CHOICE, TRUE_FALSE, ORDERING)


def refused(state, command, code, now_ms=T0, spec=SPEC):
    with pytest.raises(EngineError) as caught:
        apply(spec, state, command, now_ms)
    assert caught.value.code == code
    assert code in CODES
    return caught.value


def types(transition):
    return [(event.type, event.audience) for event in transition.events]


# -- lobby and joining ---------------------------------------------------------


def test_join_adds_a_player_and_tells_the_host():
    state = QuizState.new(SPEC)
    transition = apply(SPEC, state, Join("7", "  Ana   Lou "), T0)
    assert transition.state.players["7"] == {
        "nickname": "Ana Lou",
        "score": 0,
        "active": True,
        "answer_time_ms_total": 0,
        "first_question": 0,
    }
    assert transition.state.version == state.version + 1
    assert types(transition) == [("player_joined", "host")]
    assert transition.events[0].data["player_count"] == 1


def test_joining_again_with_the_same_id_changes_nothing():
    state = quiz_with_players(SPEC, "Ana", start=False)
    transition = apply(SPEC, state, Join("1", "Ana"), T0)
    assert transition.state is state
    assert transition.events == []


def test_nicknames_are_checked():
    state = quiz_with_players(SPEC, "Ana", start=False)
    refused(state, Join("2", "ana"), "nickname_taken")
    refused(state, Join("2", "   "), "invalid_nickname")
    refused(state, Join("2", "x" * 25), "invalid_nickname")


def test_late_joiner_scores_from_the_next_question():
    state = quiz_with_players(SPEC, "Ana")
    state = run_quiz(SPEC, state, Join("9", "Zoé"))
    assert state.players["9"]["first_question"] == 1
    refused(state, Answer("9", 0, [1]), "not_eligible")
    # Ana alone is expected: once she has answered, the next tick reveals the question.
    revealed = run_quiz(SPEC, state, Answer("1", 0, [1]), Tick(), now_ms=T0 + 1000)
    assert revealed.phase == "reveal"
    opened = run_quiz(SPEC, revealed, Next())
    assert apply(SPEC, opened, Answer("9", 1, True), T0).state.answers["9"]["fraction"] == 1.0


def test_nobody_joins_a_finished_quiz():
    state = run_quiz(SPEC, quiz_with_players(SPEC, "Ana"), End())
    refused(state, Join("2", "Bob"), "wrong_phase")


def test_kick_removes_a_player_from_rankings_and_blocks_rejoining():
    state = quiz_with_players(SPEC, "Ana", "Bob", start=False)
    transition = apply(SPEC, state, Kick("2"), T0)
    kicked = transition.state
    assert kicked.players["2"]["active"] is False
    assert types(transition) == [("player_kicked", "player:2"), ("player_left", "host")]
    assert [row["player_id"] for row in ranking(kicked)] == ["1"]
    refused(kicked, Join("2", "Bob"), "player_kicked")
    refused(kicked, Kick("404"), "unknown_player")
    assert apply(SPEC, kicked, Kick("2"), T0).state is kicked


def test_kicking_the_last_player_who_had_not_answered_makes_the_next_tick_reveal():
    state = quiz_with_players(SPEC, "Ana", "Bob")
    state = run_quiz(SPEC, state, Answer("1", 0, [1]))
    kicked = apply(SPEC, state, Kick("2"), T0 + 10).state
    assert kicked.phase == "question" and reveal_due_ms(kicked) < T0
    transition = apply(SPEC, kicked, Tick(), T0 + 20)
    assert transition.state.phase == "reveal"
    assert "question_revealed" in [event.type for event in transition.events]


def test_a_kicked_players_answer_is_dropped():
    state = quiz_with_players(SPEC, "Ana", "Bob", "Cléo")
    state = run_quiz(SPEC, state, Answer("2", 0, [1]), Kick("2"))
    assert "2" not in state.answers
    refused(state, Answer("2", 0, [1]), "player_kicked")


# -- phases --------------------------------------------------------------------


def test_start_opens_the_first_question_with_its_public_form_only():
    state = quiz_with_players(SPEC, "Ana", start=False)
    transition = apply(SPEC, state, Start(), T0)
    opened = transition.state
    assert (opened.phase, opened.question_index) == ("question", 0)
    assert (opened.opened_at_ms, opened.deadline_ms) == (T0, T0 + 20_000)
    [event] = transition.events
    assert (event.type, event.audience) == ("question_opened", "all")
    assert event.data == {
        "index": 0,
        "count": 3,
        "question": SPEC.questions[0].public(),
        "deadline_ms": T0 + 20_000,
        "time_limit_ms": 20_000,
        "now_ms": T0,
    }


def test_start_needs_the_lobby_and_questions():
    refused(quiz_with_players(SPEC, "Ana"), Start(), "wrong_phase")
    empty = quiz_spec()
    refused(QuizState.new(empty), Start(), "no_questions", spec=empty)


def test_host_pacing_refuses_commands_out_of_phase():
    lobby = quiz_with_players(SPEC, "Ana", start=False)
    for command in (Next(), Close(), Skip()):
        refused(lobby, command, "wrong_phase")
    question = run_quiz(SPEC, lobby, Start())
    refused(question, Next(), "wrong_phase")
    reveal = run_quiz(SPEC, question, Close())
    refused(reveal, Close(), "wrong_phase")
    refused(reveal, Skip(), "wrong_phase")
    finished = run_quiz(SPEC, reveal, End())
    for command in (Start(), Next(), Close(), Skip(), Pause(), Resume(), End(), Kick("1")):
        refused(finished, command, "wrong_phase")


def test_escape_commands_are_not_quiz_commands():
    refused(QuizState.new(SPEC), AddTeam("t", "Les bleus"), "invalid_command")


def test_close_reveals_and_next_goes_on_then_finishes_after_the_last():
    state = quiz_with_players(SPEC, "Ana", "Bob")
    state = run_quiz(SPEC, state, Close())
    assert state.phase == "reveal"
    state = run_quiz(SPEC, state, Next(), Close(), Next(), Close())
    assert (state.phase, state.question_index) == ("reveal", 2)
    transition = apply(SPEC, state, Next(), T0)
    assert transition.state.phase == "finished"
    assert [e.type for e in transition.events][:2] == ["game_finished", "final_ranking"]


def test_skip_drops_the_question_without_points():
    state = quiz_with_players(SPEC, "Ana", "Bob")
    state = run_quiz(SPEC, state, Answer("1", 0, [1]))
    transition = apply(SPEC, state, Skip(), T0 + 100)
    skipped = transition.state
    assert (skipped.phase, skipped.question_index) == ("question", 1)
    assert skipped.players["1"]["score"] == 0
    assert skipped.answers == {}
    assert skipped.history == [{"index": 0, "skipped": True, "results": {}}]
    assert types(transition) == [("question_skipped", "all"), ("question_opened", "all")]
    last = run_quiz(SPEC, skipped, Close(), Next())
    assert apply(SPEC, last, Skip(), T0).state.phase == "finished"


def test_end_from_a_question_does_not_score_it():
    state = quiz_with_players(SPEC, "Ana", "Bob")
    state = run_quiz(SPEC, state, Answer("1", 0, [1]), End())
    assert state.phase == "finished"
    assert state.players["1"]["score"] == 0
    refused(state, Answer("2", 0, [1]), "question_closed")


def test_end_from_the_lobby():
    assert run_quiz(SPEC, QuizState.new(SPEC), End()).phase == "finished"


# -- answers -------------------------------------------------------------------


def test_answer_is_acknowledged_without_telling_if_it_is_right():
    state = quiz_with_players(SPEC, "Ana", "Bob")
    transition = apply(SPEC, state, Answer("1", 0, [1]), T0 + 2000)
    assert types(transition) == [("answer_accepted", "player:1"), ("answer_count", "host")]
    assert transition.events[0].data == {"question_index": 0}
    count = transition.events[1].data
    assert {**count, "answered_ids": list(count["answered_ids"])} == {
        "question_index": 0,
        "answered": 1,
        "expected": 2,
        "answered_ids": ["1"],
    }
    assert transition.state.answers["1"] == {
        "answer": [1],
        "fraction": 1.0,
        "points": 950,
        "elapsed_ms": 2000,
    }
    # Scores move at the reveal only.
    assert transition.state.players["1"]["score"] == 0


def test_answer_refusals():
    state = quiz_with_players(SPEC, "Ana", "Bob")
    refused(state, Answer("404", 0, [1]), "unknown_player")
    refused(state, Answer("1", 1, True), "question_closed")
    refused(state, Answer("1", 0, [7]), "invalid_answer")
    refused(state, Answer("1", 0, "Soudeur"), "invalid_answer")
    answered = run_quiz(SPEC, state, Answer("1", 0, [0]))
    refused(answered, Answer("1", 0, [1]), "already_answered")
    refused(quiz_with_players(SPEC, "Ana", start=False), Answer("1", 0, [1]), "question_closed")
    revealed = run_quiz(SPEC, state, Close())
    refused(revealed, Answer("2", 0, [1]), "question_closed")


def test_an_invalid_answer_leaves_the_player_free_to_answer():
    state = quiz_with_players(SPEC, "Ana", "Bob")
    refused(state, Answer("1", 0, [9]), "invalid_answer")
    assert "1" in apply(SPEC, state, Answer("1", 0, [1]), T0).state.answers


def test_answers_are_accepted_during_the_grace_period_only():
    state = quiz_with_players(SPEC, "Ana", "Bob")
    deadline = state.deadline_ms
    late = apply(SPEC, state, Answer("1", 0, [1]), deadline + GRACE_MS).state
    # An answer in the grace period counts as given at the deadline: half points.
    assert late.answers["1"]["elapsed_ms"] == 20_000
    assert late.answers["1"]["points"] == 500
    refused(state, Answer("1", 0, [1]), "question_closed", now_ms=deadline + GRACE_MS + 1)


def test_once_every_expected_player_has_answered_the_next_tick_reveals():
    state = quiz_with_players(SPEC, "Ana", "Bob")
    state = run_quiz(SPEC, state, Answer("1", 0, [1]), now_ms=T0 + 1000)
    assert reveal_due_ms(state) == state.deadline_ms + GRACE_MS
    answered = apply(SPEC, state, Answer("2", 0, [0]), T0 + 3000)
    # The last answer is only acknowledged: the reveal is the tick's, which is due at once.
    assert answered.state.phase == "question"
    assert types(answered) == [("answer_accepted", "player:2"), ("answer_count", "host")]
    assert reveal_due_ms(answered.state) < T0
    transition = apply(SPEC, answered.state, Tick(), T0 + 3010)
    revealed = transition.state
    assert revealed.phase == "reveal"
    assert revealed.version == state.version + 2
    assert revealed.players["1"]["score"] == 975
    assert revealed.players["1"]["answer_time_ms_total"] == 1000
    assert revealed.players["2"]["answer_time_ms_total"] == 3000
    assert revealed.history == [
        {"index": 0, "skipped": False, "results": {"1": [1.0, 975, 1000], "2": [0.0, 0, 3000]}}
    ]
    assert types(transition) == [
        ("question_revealed", "all"),
        ("player_result", "player:1"),
        ("player_result", "player:2"),
    ]
    assert reveal_due_ms(revealed) is None


def test_reveal_event_content():
    state = quiz_with_players(SPEC, "Ana", "Bob", "Cléo")
    state = run_quiz(SPEC, state, Answer("1", 0, [1]), Answer("2", 0, [0]))
    transition = apply(SPEC, state, Close(), T0 + 5000)
    reveal = transition.events[0].data
    assert reveal["solution"] == {"correct": [1]}
    assert reveal["distribution"] == {
        "counts": [1, 1, 0],
        "right": 1,
        "partial": 0,
        "wrong": 1,
        "unanswered": 1,
    }
    assert reveal["explanation"] == CHOICE["explanation"]
    assert reveal["metiers"] == CHOICE["metiers"]
    assert [row["nickname"] for row in reveal["leaderboard"]] == ["Ana", "Bob", "Cléo"]
    results_by_player = {e.audience: e.data for e in transition.events[1:]}
    assert results_by_player["player:1"]["correct"] is True
    assert results_by_player["player:1"]["rank"] == 1
    assert results_by_player["player:3"]["answered"] is False
    assert results_by_player["player:3"]["points"] == 0


def test_leaderboard_keeps_the_top_five():
    names = ["Ana", "Bob", "Cléo", "Dan", "Eli", "Fay", "Gus"]
    state = quiz_with_players(SPEC, *names)
    state = run_quiz(SPEC, state, Close())
    reveal = apply(SPEC, run_quiz(SPEC, state, Next()), Close(), T0).events[0].data
    assert len(reveal["leaderboard"]) == 5


def test_partial_credit_is_counted_as_partial_in_the_distribution():
    spec = quiz_spec(ORDERING)
    state = quiz_with_players(spec, "Ana", "Bob")
    state = run_quiz(spec, state, Answer("1", 0, ["e1", "e2", "e4", "e3"]))
    state = run_quiz(spec, state, Answer("2", 0, ["e1", "e2", "e3", "e4"]))
    transition = apply(spec, state, Tick(), T0)
    reveal = transition.events[0].data
    assert reveal["distribution"]["counts"] is None
    assert (reveal["distribution"]["right"], reveal["distribution"]["partial"]) == (1, 1)
    assert transition.state.players["1"]["score"] == 250  # 1000 * 0.25 at once


# -- scoring -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fraction", "elapsed", "expected"),
    [(1.0, 0, 1000), (1.0, 20_000, 500), (1.0, 10_000, 750), (0.5, 0, 500), (0.0, 0, 0)],
)
def test_points_formula(fraction, elapsed, expected):
    assert answer_points(1000, fraction, elapsed, 20) == expected


def test_points_round_half_up():
    assert answer_points(5, 1.0, 20_000, 20) == 3  # 2.5 rounds up, not to even
    assert answer_points(3, 0.5, 0, 20) == 2  # 1.5 too


def test_speed_bonus_uses_server_time_since_opening():
    spec = quiz_spec(ESTIMATE)
    state = quiz_with_players(spec, "Ana", "Bob")
    state = run_quiz(spec, state, Answer("1", 0, 4300), now_ms=T0 + 5000)
    assert state.answers["1"]["points"] == 875
    state = run_quiz(spec, state, Answer("2", 0, 0), now_ms=T0 + 6000)
    assert state.players["2"]["score"] == 0


# -- ranking -------------------------------------------------------------------


def test_ties_share_a_rank_and_faster_players_are_listed_first():
    state = quiz_with_players(SPEC, "Zoé", "Ana", "Bob", "Cléo")
    state = QuizState.from_dict(
        {
            **state.to_dict(),
            "players": {
                "1": {**state.players["1"], "score": 900, "answer_time_ms_total": 3000},
                "2": {**state.players["2"], "score": 900, "answer_time_ms_total": 4000},
                "3": {**state.players["3"], "score": 900, "answer_time_ms_total": 3000},
                "4": {**state.players["4"], "score": 100, "answer_time_ms_total": 10},
            },
        }
    )
    assert [(row["rank"], row["nickname"]) for row in ranking(state)] == [
        (1, "Bob"),
        (1, "Zoé"),
        (1, "Ana"),
        (4, "Cléo"),
    ]


def test_final_events_give_podium_ranking_and_each_players_rank():
    state = quiz_with_players(SPEC, "Ana", "Bob")
    both = Answer("1", 0, [1]), Answer("2", 0, [1])
    state = run_quiz(SPEC, state, *both, Tick(), now_ms=T0 + 1000)
    state = run_quiz(SPEC, state, Next(), Answer("1", 1, True), Answer("2", 1, False), Tick())
    transition = apply(SPEC, state, End(), T0)
    events = {(e.type, e.audience): e.data for e in transition.events}
    finished = events[("game_finished", "all")]
    assert [row["nickname"] for row in finished["podium"]] == ["Ana", "Bob"]
    assert finished["debrief"]["metiers"] == CHOICE["metiers"] + TRUE_FALSE["metiers"]
    assert [row["player_id"] for row in events[("final_ranking", "host")]["ranking"]] == ["1", "2"]
    assert events[("player_final", "player:2")] == {"rank": 2, "score": 975, "player_count": 2}


def test_debrief_lists_each_metier_once_and_ignores_skipped_questions():
    nothing_played = apply(SPEC, QuizState.new(SPEC), End(), T0).events[0].data
    assert nothing_played["debrief"]["metiers"] == []
    # Soudeur comes with questions 1 and 3; question 2, with another métier, is skipped.
    state = run_quiz(SPEC, quiz_with_players(SPEC, "Ana"), Close(), Next(), Skip(), Close())
    final = apply(SPEC, state, End(), T0).events[0].data
    assert final["debrief"]["metiers"] == CHOICE["metiers"]


# -- pause, resume and the clock -----------------------------------------------


def test_pause_freezes_answers_and_the_clock():
    state = quiz_with_players(SPEC, "Ana", "Bob")
    transition = apply(SPEC, state, Pause(), T0 + 5000)
    paused = transition.state
    assert (paused.paused, paused.paused_remaining_ms) == (True, 15_000)
    assert types(transition) == [("paused", "all")]
    refused(paused, Answer("1", 0, [1]), "game_paused", now_ms=T0 + 6000)
    refused(paused, Pause(), "game_paused")
    # Long after the deadline, a paused question stays open.
    assert apply(SPEC, paused, Tick(), T0 + 100_000).state is paused


def test_resume_moves_the_deadline_and_the_opening_by_the_pause():
    state = quiz_with_players(SPEC, "Ana", "Bob")
    paused = run_quiz(SPEC, state, Pause(), now_ms=T0 + 5000)
    transition = apply(SPEC, paused, Resume(), T0 + 65_000)
    resumed = transition.state
    assert resumed.deadline_ms == T0 + 80_000
    assert resumed.opened_at_ms == T0 + 60_000
    assert transition.events[0].data == {"deadline_ms": T0 + 80_000, "now_ms": T0 + 65_000}
    # 5 s before the pause + 1 s after it: the speed bonus sees 6 s.
    answered = apply(SPEC, resumed, Answer("1", 0, [1]), T0 + 66_000).state
    assert answered.answers["1"]["elapsed_ms"] == 6000
    refused(resumed, Resume(), "not_paused")


def test_moving_on_ends_a_pause():
    state = run_quiz(SPEC, quiz_with_players(SPEC, "Ana"), Pause())
    revealed = apply(SPEC, state, Close(), T0).state
    assert (revealed.phase, revealed.paused) == ("reveal", False)
    lobby_pause = run_quiz(SPEC, quiz_with_players(SPEC, "Ana", start=False), Pause())
    assert lobby_pause.paused_remaining_ms is None
    assert run_quiz(SPEC, lobby_pause, Resume()).paused is False


def test_tick_reveals_only_after_deadline_and_grace():
    state = quiz_with_players(SPEC, "Ana", "Bob")
    just_in_time = apply(SPEC, state, Tick(), state.deadline_ms + GRACE_MS)
    assert just_in_time.state is state
    assert just_in_time.events == []
    transition = apply(SPEC, state, Tick(), state.deadline_ms + GRACE_MS + 1)
    assert transition.state.phase == "reveal"
    assert transition.state.version == state.version + 1
    assert apply(SPEC, transition.state, Tick(), T0 + 10**9).state is transition.state


# -- state handling ------------------------------------------------------------


def test_the_input_state_is_never_mutated():
    state = quiz_with_players(SPEC, "Ana", "Bob")
    before = state.to_dict()
    for command in (Answer("1", 0, [1]), Kick("2"), Pause(), Close(), Skip(), End()):
        apply(SPEC, state, command, T0 + 10)
    answered = run_quiz(SPEC, state, Answer("1", 0, [1]))
    answered_before = answered.to_dict()
    apply(SPEC, answered, Answer("2", 0, [1]), T0)
    assert state.to_dict() == before
    assert answered.to_dict() == answered_before


def test_every_change_bumps_the_version_by_one():
    state = QuizState.new(SPEC)
    commands = [Join("1", "Ana"), Join("2", "Bob"), Start(), Answer("1", 0, [1]), Pause()]
    commands += [Resume(), Answer("2", 0, [0]), Tick(), Next(), Skip(), Close(), End()]
    for expected, command in enumerate(commands, start=1):
        state = apply(SPEC, state, command, T0).state
        assert state.version == expected


def test_state_round_trips_through_plain_dicts():
    import json

    state = quiz_with_players(SPEC, "Ana", "Bob")
    state = run_quiz(SPEC, state, Answer("1", 0, [1]), Close(), Next(), Answer("2", 1, False))
    data = json.loads(json.dumps(state.to_dict()))
    assert QuizState.from_dict(data) == state
    with pytest.raises(EngineError) as caught:
        QuizState.from_dict({**data, "phase": "bonus"})
    assert caught.value.code == "invalid_spec"


# -- snapshot and results ------------------------------------------------------


def test_player_snapshot_during_a_question():
    state = quiz_with_players(SPEC, "Ana", "Bob")
    state = run_quiz(SPEC, state, Answer("1", 0, [1]))
    view = snapshot(SPEC, state, "player", "1", now_ms=T0 + 4000)
    assert view["question"] == SPEC.questions[0].public()
    assert view["remaining_ms"] == 16_000
    assert view["me"]["answered"] is True
    assert view["me"]["score"] == 0
    assert "reveal" not in view and "answers" not in view
    assert snapshot(SPEC, state, "player", "2", now_ms=T0)["me"]["answered"] is False


def test_snapshots_after_the_reveal_and_for_the_host():
    state = quiz_with_players(SPEC, "Ana", "Bob")
    state = run_quiz(SPEC, state, Answer("1", 0, [1]), Close())
    view = snapshot(SPEC, state, "player", "1", now_ms=T0)
    assert view["reveal"]["solution"] == {"correct": [1]}
    assert view["me"]["result"]["correct"] is True
    host = snapshot(SPEC, state, "host", now_ms=T0)
    assert [p["nickname"] for p in host["players"]] == ["Ana", "Bob"]
    paused = run_quiz(SPEC, run_quiz(SPEC, state, Next()), Pause(), now_ms=T0 + 3000)
    host = snapshot(SPEC, paused, "host", now_ms=T0 + 9000)
    assert (host["remaining_ms"], host["answered"], host["expected"]) == (7000, 0, 2)
    ended = run_quiz(SPEC, paused, End())
    assert snapshot(SPEC, ended, "host", now_ms=T0)["ranking"][0]["nickname"] == "Ana"
    with pytest.raises(EngineError):
        snapshot(SPEC, state, "player", "404", now_ms=T0)
    with pytest.raises(EngineError):
        snapshot(SPEC, state, "admin", now_ms=T0)


def test_results_table_for_the_csv_export():
    spec = quiz_spec(CHOICE, MATCHING, TRUE_FALSE)
    state = quiz_with_players(spec, "Ana", "Bob", "Cléo")
    state = run_quiz(spec, state, Answer("1", 0, [1]), now_ms=T0 + 2000)
    state = run_quiz(spec, state, Answer("2", 0, [2]), Close(), Next(), Skip(), Kick("3"))
    state = run_quiz(spec, state, Answer("2", 2, True), now_ms=T0 + 1000)
    state = run_quiz(spec, state, Close(), End())
    table = results(spec, state)
    assert table["columns"] == [
        "rang",
        "pseudo",
        "score",
        "actif",
        "q1_juste",
        "q1_points",
        "q1_temps_ms",
        "q3_juste",
        "q3_points",
        "q3_temps_ms",
    ]
    assert table["rows"] == [
        # Tied at 950: same rank, Bob listed first for his shorter total time.
        [1, "Bob", 950, True, False, 0, 0, True, 950, 1000],
        [1, "Ana", 950, True, True, 950, 2000, None, 0, None],
        [None, "Cléo", 0, False, None, 0, None, None, 0, None],
    ]
