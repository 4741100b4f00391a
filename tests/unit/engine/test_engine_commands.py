import pytest

from games.engine.commands import (
    COMMANDS,
    Answer,
    Message,
    Start,
    Submit,
    command_from_dict,
)
from games.engine.errors import EngineError


def test_commands_are_built_from_json():
    assert command_from_dict({"type": "start"}) == Start()
    answer = command_from_dict(
        {"type": "answer", "player_id": 12, "question_index": 0, "payload": [1]}
    )
    assert answer == Answer(player_id="12", question_index=0, payload=[1])
    submit = {"type": "submit", "team_id": "t", "player_id": "p", "enigme_id": "e", "code": "1"}
    assert command_from_dict(submit) == Submit("t", "p", "e", "1")
    assert command_from_dict({"type": "message", "text": "Bravo"}) == Message("Bravo", None)


def test_every_command_survives_to_dict_and_back():
    samples = {
        "id": "x1",
        "optional_id": "t1",
        "text": "texte",
        "int": 3,
        "any": {"k": [1]},
    }
    for command_type in COMMANDS.values():
        data = {name: samples[how] for name, how in command_type.reads.items()}
        command = command_type(**data)
        assert command_from_dict(command.to_dict()) == command


@pytest.mark.parametrize(
    "data",
    [
        {"type": "fly"},
        {"type": ["start"]},
        {},
        "start",
        {"type": "answer", "player_id": "1", "question_index": "0", "payload": 1},
        {"type": "answer", "player_id": "1", "question_index": True, "payload": 1},
        {"type": "answer", "player_id": "1", "question_index": 0},
        {"type": "join", "player_id": None, "nickname": "Ana"},
        {"type": "join", "player_id": "", "nickname": "Ana"},
        {"type": "add_time", "seconds": 1.5},
        {"type": "submit", "team_id": "t", "player_id": "p", "enigme_id": "e", "code": 1234},
    ],
)
def test_malformed_commands_are_refused(data):
    with pytest.raises(EngineError) as caught:
        command_from_dict(data)
    assert caught.value.code == "invalid_command"
