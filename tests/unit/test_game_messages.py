"""Frames built from engine events: sequence numbers and coalesced counters."""

import json

from games.engine import Event
from games.services.messages import coalesce, outgoing_for


def test_only_events_for_everyone_move_the_sequence():
    events = [
        Event("question_opened", "all", {"index": 0}),
        Event("answer_accepted", "player:1", {}),
        Event("answer_count", "host", {"answered": 1}),
        Event("question_revealed", "all", {"index": 0}),
    ]
    frames, seq = outgoing_for(events, version=7, seq=3)
    decoded = [json.loads(frame.text) for frame in frames]
    assert seq == 5
    assert [message.get("seq") for message in decoded] == [4, None, None, 5]
    assert {message["v"] for message in decoded} == {7}
    assert [frame.audience for frame in frames] == ["all", "player:1", "host", "all"]


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
