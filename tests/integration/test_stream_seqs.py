"""The player and team streams (`pseq`, `tseq`): numbered per session, saved with it, told in
snapshots (docs/protocol.md, "Frames from the server")."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from games.engine.commands import Answer, Message, Start, Tick
from games.models import GameSession
from games.services import teams
from games.services.play import apply_commands
from games.services.snapshots import load_snapshot
from tests.support.escape_games import join_team, launch_escape
from tests.support.games import join, launch_quiz, make_teacher

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_caches():
    """Parsed states are cached per process by (session id, creation time, version)."""
    from games.services import loaded

    loaded._specs.clear()
    loaded._states.clear()


def told(outcome, audience: str) -> list[tuple[str, dict]]:
    """The frames of `outcome` to `audience`: (type, stream numbers)."""
    decoded = [json.loads(f.text) for f in outcome.frames if f.audience == audience]
    return [(m["type"], {k: m[k] for k in ("seq", "pseq", "tseq") if k in m}) for m in decoded]


def stream_seqs(session) -> dict:
    return GameSession.objects.values_list("stream_seqs", flat=True).get(pk=session.pk)


def answer(player, choice: int) -> Answer:
    return Answer(player_id=player.engine_id, question_index=0, payload=[choice])


def test_a_players_frames_follow_on_across_batches_and_are_saved():
    session = launch_quiz(make_teacher())
    lea, tom = (join(session, name).player for name in ("Léa", "Tom"))
    apply_commands(session.pk, [Start()], now_ms=1_000)

    first = apply_commands(session.pk, [answer(lea, 0)], now_ms=2_000)
    assert told(first, f"player:{lea.pk}") == [("answer_accepted", {"pseq": 1})]
    # The last answer and the tick that reveals: Tom's acceptance, then each phone's result,
    # in its own stream.
    second = apply_commands(session.pk, [answer(tom, 1), Tick()], now_ms=3_000)
    assert told(second, f"player:{lea.pk}") == [("player_result", {"pseq": 2})]
    assert told(second, f"player:{tom.pk}") == [
        ("answer_accepted", {"pseq": 1}),
        ("player_result", {"pseq": 2}),
    ]
    assert stream_seqs(session) == {"p": {str(lea.pk): 2, str(tom.pk): 2}, "t": {}}


def test_a_batch_of_answers_saves_its_counters_in_the_one_session_write():
    session = launch_quiz(make_teacher())
    players = [join(session, f"Joueur {n}").player for n in range(20)]
    apply_commands(session.pk, [Start()], now_ms=1_000)
    with CaptureQueriesContext(connection) as queries:
        apply_commands(session.pk, [answer(p, 0) for p in players[:-1]], now_ms=2_000)
    writes = [q["sql"] for q in queries if q["sql"].startswith("UPDATE")]
    assert len(writes) == 1 and "games_gamesession" in writes[0]
    assert len(stream_seqs(session)["p"]) == 19


def test_a_host_message_alone_still_saves_its_number():
    """A message changes no state, but its frame is numbered: the next one follows on."""
    session = launch_escape(make_teacher())
    join_team(session, "Léa", "t1")
    apply_commands(session.pk, [Start()], now_ms=1_000)
    seq = GameSession.objects.get(pk=session.pk).broadcast_seq
    to_team = apply_commands(session.pk, [Message(text="Courage", team_id="t1")], now_ms=2_000)
    to_all = apply_commands(session.pk, [Message(text="Bravo")], now_ms=3_000)
    before = stream_seqs(session)["t"]["t1"]
    assert told(to_team, "team:t1") == [("host_message", {"tseq": before})]
    assert told(to_all, "all") == [("host_message", {"seq": seq + 1})]
    assert GameSession.objects.get(pk=session.pk).broadcast_seq == seq + 1


def test_placements_number_the_teams_and_the_moved_players_frames():
    session = launch_escape(make_teacher())
    lea = join_team(session, "Léa", "t1")
    # Joining t1: the engine's team_joined, then member_named, both in t1's stream.
    assert told(lea.outcome, "team:t1") == [
        ("team_joined", {"tseq": 1}),
        ("member_named", {"tseq": 2}),
    ]
    tom = join_team(session, "Tom", "t1").player
    moved = teams.move_player(session.pk, tom.pk, "t2", now_ms=5_000)
    # team_changed is sent first, and numbered first, in Tom's own stream.
    assert moved.frames[0].audience == f"player:{tom.pk}"
    assert told(moved, f"player:{tom.pk}")[0] == ("team_changed", {"pseq": 1})
    assert told(moved, "team:t2") == [("team_joined", {"tseq": 1}), ("member_named", {"tseq": 2})]
    # t1 had told two joins (2 frames each); it now hears Tom leave.
    assert told(moved, "team:t1") == [("team_left", {"tseq": 5})]
    assert stream_seqs(session)["t"] == {"t1": 5, "t2": 2}


def test_balancing_tells_the_moved_player_first_in_its_own_stream():
    session = launch_escape(make_teacher())
    for name, team in (("Léa", "t1"), ("Tom", "t1")):
        join_team(session, name, team)
    zoe = join_team(session, "Zoé", "t2").player
    # Three players, teams of three: balancing puts everyone in one team, Zoé moves.
    balanced = teams.balance(session.pk, now_ms=5_000)
    assert balanced.frames[0].audience == f"player:{zoe.pk}"
    assert told(balanced, f"player:{zoe.pk}") == [
        ("team_changed", {"pseq": 1}),
        ("left_team", {"pseq": 2}),
    ]
    assert stream_seqs(session)["p"] == {str(zoe.pk): 2}


def test_a_phones_snapshot_says_where_its_own_streams_stand():
    session = launch_escape(make_teacher())
    lea = join_team(session, "Léa", "t1").player
    join_team(session, "Tom", "t1")
    apply_commands(session.pk, [Start()], now_ms=1_000)
    saved = stream_seqs(session)

    def snapshot(role, player_id=None, team_id=None):
        text = load_snapshot(session.pk, role, player_id=player_id, team_id=team_id, now_ms=2_000)
        return json.loads(text)

    phone = snapshot("player", lea.engine_id, "t1")
    assert (phone["pseq"], phone["tseq"]) == (saved["p"][lea.engine_id], saved["t"]["t1"])
    assert phone["pseq"] >= 1  # Start sent Léa her énigme
    host = snapshot("host")
    assert "pseq" not in host and "tseq" not in host and host["seq"] == phone["seq"]


def test_a_quiz_phones_snapshot_has_no_team_stream():
    session = launch_quiz(make_teacher())
    lea = join(session, "Léa").player
    text = load_snapshot(session.pk, "player", player_id=lea.engine_id, team_id=None, now_ms=1)
    message = json.loads(text)
    assert message["pseq"] == 0 and "tseq" not in message
