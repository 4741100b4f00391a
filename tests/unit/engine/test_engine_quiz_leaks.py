"""No solution reaches a phone before the reveal: the rule the classroom relies on."""

from games.engine.commands import Answer, Close, Join, Next, Pause, Resume, Start, Tick
from games.engine.events import reaches_phones
from games.kinds.quiz.engine.play import apply
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
    walk,
)

SPEC = quiz_spec(
    {**CHOICE, "explanation": "SECRET-choice"},
    {**TRUE_FALSE, "explanation": "SECRET-vf"},
    {**ORDERING, "explanation": "SECRET-ordre"},
    {**MATCHING, "explanation": "SECRET-paires", "metiers": [{"id": "m", "url": "/SECRET/"}]},
    {**ESTIMATE, "explanation": "SECRET-estimation"},
)
FORBIDDEN_KEYS = {
    "correct",
    "solution",
    "order",
    "pairs",
    "value",
    "tolerance",
    "explanation",
    "metiers",
    "distribution",
    "fraction",
    "answer",
}
RIGHT = {0: [1], 1: True, 2: ["e1", "e2", "e3", "e4"], 4: 4242.5}
WRONG = {0: [0], 1: False, 2: ["e4", "e3", "e2", "e1"], 4: 1.0}


def lists_in(value):
    if isinstance(value, dict):
        for item in value.values():
            yield from lists_in(item)
    elif isinstance(value, list):
        yield value
        for item in value:
            yield from lists_in(item)


def leaks(value, index):
    """What in `value` would tell a phone the answer to question `index`."""
    question = SPEC.questions[index]
    found = []
    for item in walk(value):
        if item in FORBIDDEN_KEYS:
            found.append(f"key {item}")
        if isinstance(item, str) and "SECRET" in item:
            found.append(f"text {item}")
        if item == 4242.5:
            found.append("estimate value")
    if question.kind == "ordering":
        found += ["order" for items in lists_in(value) if items == question.order]
    return found


def test_nothing_sent_to_phones_before_the_reveal_gives_the_answer_away():
    state = QuizState.new(SPEC)
    now = T0
    checked_events = checked_snapshots = 0
    for command in (Join("1", "Ana"), Join("2", "Bob"), Join("3", "Cléo")):
        state = apply(SPEC, state, command, now).state
    opening = apply(SPEC, state, Start(), now)

    for index, question in enumerate(SPEC.questions):
        state = opening.state
        before_reveal = list(opening.events)
        right = RIGHT.get(index, question.solution().get("pairs"))
        wrong = WRONG.get(index)
        if wrong is None:  # matching: Bob swaps two pairs
            wrong = dict(right)
            wrong["p1"], wrong["p2"] = right["p2"], right["p1"]
        for command in (
            Answer("1", index, right),
            Join(f"late{index}", f"Late{index}"),
            Pause(),
            Resume(),
            Tick(),
            Answer("2", index, wrong),
        ):
            now += 500
            transition = apply(SPEC, state, command, now)
            state = transition.state
            before_reveal += transition.events
        assert state.phase == "question", "Cléo has not answered: still open"

        for event in before_reveal:
            if reaches_phones(event.audience):
                checked_events += 1
                assert leaks(event.data, index) == [], (event.type, event.audience)
        for player_id in state.players:
            view = snapshot(SPEC, state, "player", player_id, now_ms=now)
            checked_snapshots += 1
            assert leaks(view, index) == [], player_id

        # The same check finds the answer once it is revealed: it can fail.
        revealed = apply(SPEC, state, Close(), now)
        assert leaks(revealed.events[0].data, index)
        assert leaks(snapshot(SPEC, revealed.state, "player", "1", now_ms=now), index)
        opening = apply(SPEC, revealed.state, Next(), now)

    assert checked_events == 5 * 5  # opened, 2 acks, paused, resumed per question
    assert checked_snapshots > 5 * 3


def test_answer_events_to_the_host_never_reach_a_phone():
    state = QuizState.new(SPEC)
    state = apply(SPEC, state, Join("1", "Ana"), T0).state
    state = apply(SPEC, state, Join("2", "Bob"), T0).state
    state = apply(SPEC, state, Start(), T0).state
    transition = apply(SPEC, state, Answer("1", 0, [1]), T0)
    by_type = {event.type: event.audience for event in transition.events}
    assert by_type == {"answer_accepted": "player:1", "answer_count": "host"}
    assert not reaches_phones("host")
