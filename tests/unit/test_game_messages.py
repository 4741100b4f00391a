"""Frames built from engine events: stream numbers (seq, pseq, tseq) and coalesced counters."""

import json

import pytest

from games.engine import Event
from games.services.messages import Streams, coalesce, dumps, frame, outgoing_for

STREAM_KEYS = {"seq", "pseq", "tseq"}


def numbers(frames) -> list[tuple]:
    """Each frame's audience and stream number, in order."""
    decoded = [json.loads(frame.text) for frame in frames]
    streams = [{k: v for k, v in message.items() if k in STREAM_KEYS} for message in decoded]
    return [
        (frame.audience, *stream.items()) for frame, stream in zip(frames, streams, strict=True)
    ]


def test_each_audience_moves_its_own_stream():
    events = [
        Event("question_opened", "all", {"index": 0}),
        Event("answer_accepted", "player:1", {}),
        Event("answer_count", "host", {"answered": 1}),
        Event("answer_accepted", "player:2", {}),
        Event("code_rejected", "team:a", {}),
        Event("question_revealed", "all", {"index": 0}),
        Event("player_result", "player:1", {}),
        Event("hint_given", "team:a", {}),
        Event("enigme_solved", "team:b", {}),
    ]
    streams = Streams(seq=3, players={"1": 7}, teams={"b": 2})
    frames = outgoing_for(events, version=7, streams=streams)
    assert numbers(frames) == [
        ("all", ("seq", 4)),
        ("player:1", ("pseq", 8)),
        ("host",),  # the host's own frames are numbered in no stream
        ("player:2", ("pseq", 1)),  # a stream never written to starts at 1
        ("team:a", ("tseq", 1)),
        ("all", ("seq", 5)),
        ("player:1", ("pseq", 9)),
        ("team:a", ("tseq", 2)),
        ("team:b", ("tseq", 3)),
    ]
    assert {json.loads(frame.text)["v"] for frame in frames} == {7}
    assert streams.stored() == {"p": {"1": 9, "2": 1}, "t": {"a": 2, "b": 3}}
    assert (streams.seq, streams.moved) == (5, True)


def test_broadcasts_alone_leave_the_player_and_team_streams_unwritten():
    streams = Streams(seq=0)
    frames = outgoing_for([Event("paused", "all", {}), Event("presence", "host", {})], 2, streams)
    assert numbers(frames) == [("all", ("seq", 1)), ("host",)]
    assert streams.moved is False


def test_a_frame_starts_with_its_type():
    # The consumers spot team_changed and player_kicked by this prefix (games/consumers.py).
    text = frame("team_changed", {"team_id": "t2"}, version=3, pseq=4)
    assert text.startswith('{"type":"team_changed"')
    assert json.loads(text) == {
        "type": "team_changed",
        "v": 3,
        "data": {"team_id": "t2"},
        "pseq": 4,
    }


def test_a_batch_keeps_only_the_last_answer_count():
    batch = [(v, Event("answer_count", "host", {"answered": v})) for v in (1, 2, 3)]
    batch.insert(1, (1, Event("answer_accepted", "player:1", {})))
    kept = coalesce(batch)
    assert [(v, e.type) for v, e in kept] == [(1, "answer_accepted"), (3, "answer_count")]


def test_the_host_board_gets_each_teams_latest_attempts_only():
    def rejected(team, attempts, audience="host"):
        return Event("code_rejected", audience, {"team_id": team, "attempts": attempts})

    batch = [
        (1, rejected("a", 1)),
        (1, rejected("a", 1, audience="team:a")),
        (2, rejected("b", 1)),
        (3, rejected("a", 2)),
        (3, rejected("a", 2, audience="team:a")),
    ]
    kept = [(e.audience, e.data["team_id"], e.data["attempts"]) for _, e in coalesce(batch)]
    # Phones still hear every wrong code of their team; the host only the latest count.
    assert kept == [("team:a", "a", 1), ("host", "b", 1), ("host", "a", 2), ("team:a", "a", 2)]


def test_a_view_of_state_keys_is_sent_as_a_list_and_nothing_else_slips_through():

    assert dumps({"answered_ids": {"12": {}, "3": {}}.keys()}) == '{"answered_ids":["12","3"]}'
    with pytest.raises(TypeError):
        dumps({"when": object()})
