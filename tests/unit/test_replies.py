"""What a phone's own command tells it with its acknowledgement (games/services/replies.py)."""

from games.engine import Event
from games.engine.commands import Answer, Message, Next, Submit
from games.engine.events import ALL, HOST, to_player, to_team
from games.services.messages import Outgoing
from games.services.replies import phone_audiences, replies


def batch(*caused: tuple[int | None, Event]):
    """(commands' positions, told, frames, owners) for events caused by those positions."""
    told = [(1, event) for _, event in caused]
    frames = [Outgoing(event.audience, f"{event.type}@{event.audience}") for _, event in caused]
    owners = {id(event): position for position, event in caused if position is not None}
    return told, frames, owners


def test_a_burst_of_answers_each_gets_its_own_acceptance():
    commands = [Answer(str(n), 0, [1]) for n in range(3)]
    told, frames, owners = batch(
        *[(n, Event("answer_accepted", to_player(str(n)), {})) for n in range(3)],
        (2, Event("answer_count", HOST, {})),
    )
    assert replies(commands, told, frames, owners) == {
        0: ("answer_accepted@player:0",),
        1: ("answer_accepted@player:1",),
        2: ("answer_accepted@player:2",),
    }


def test_a_phone_already_reached_earlier_in_the_batch_hears_the_hub_only():
    # A teammate's solved énigme is numbered before this phone's rejected code: the phone must
    # read them in that order, so both come from the hub.
    commands = [Submit("a", "1", "e1", "4071"), Submit("a", "2", "e1", "0000")]
    told, frames, owners = batch(
        (0, Event("enigme_solved", to_team("a"), {})),
        (0, Event("enigme_opened", to_player("1"), {})),
        (0, Event("team_progress", HOST, {})),
        (1, Event("code_rejected", to_team("a"), {})),
    )
    assert replies(commands, told, frames, owners) == {
        0: ("enigme_solved@team:a", "enigme_opened@player:1")
    }


def test_a_broadcast_the_command_caused_goes_with_it_and_closes_the_batch_to_replies():
    commands = [Submit("a", "1", "e3", "4073"), Submit("b", "7", "e1", "4071")]
    told, frames, owners = batch(
        (0, Event("enigme_solved", to_team("a"), {})),
        (0, Event("game_finished", ALL, {})),
        (1, Event("enigme_solved", to_team("b"), {})),
    )
    assert replies(commands, told, frames, owners) == {
        0: ("enigme_solved@team:a", "game_finished@all")
    }


def test_events_of_no_command_and_host_commands_get_no_reply():
    commands = [Next(), Message("Bravo", team_id="a")]
    told, frames, owners = batch(
        (None, Event("teams_changed", ALL, {})),
        (0, Event("question_opened", ALL, {})),
        (1, Event("host_message", to_team("a"), {})),
    )
    assert replies(commands, told, frames, owners) == {}
    assert phone_audiences(Next()) == frozenset()
    assert phone_audiences(Submit("a", "1", "e1", "1")) == {ALL, "players", "player:1", "team:a"}
