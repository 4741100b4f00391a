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
