"""The game's big JSON columns, kept as JSON text and read with orjson
(games/models/fast_json.py)."""

import json
import math

import pytest

from games.models import GameSession
from games.models.fast_json import JSONTextField, dumps, loads


def test_what_is_written_reads_back_the_same():
    state = {"players": {"12": {"nickname": "Léa 🚀", "score": 975}}, "answers": {}, "v": 3}
    field = JSONTextField()
    text = field.get_prep_value(state)
    assert json.loads(text) == state  # plain JSON text
    assert field.from_db_value(text, None, None) == state
    assert field.from_db_value(None, None, None) is None
    # Non-string keys become strings, as with the standard library.
    assert loads(dumps({1: "a"})) == {"1": "a"}


def test_values_orjson_refuses_are_still_read():
    # Never written by `dumps`, but an older column value may hold them.
    assert math.isnan(loads('{"x": NaN}')["x"])


def test_a_broken_value_is_refused_as_the_standard_library_does():
    with pytest.raises(json.JSONDecodeError):
        loads("{broken")


def test_the_game_columns_are_json_text():
    for name in ("state", "stream_seqs"):
        assert isinstance(GameSession._meta.get_field(name), JSONTextField)


@pytest.mark.django_db
def test_a_session_round_trips_through_the_database():
    from tests.support.games import launch_quiz, make_teacher

    session = launch_quiz(make_teacher())
    session.stream_seqs = {"p": {"12": 5}, "t": {}}
    session.save(update_fields=["stream_seqs"])
    again = GameSession.objects.get(pk=session.pk)
    assert again.state == session.state and again.stream_seqs == {"p": {"12": 5}, "t": {}}
    raw = GameSession.objects.filter(pk=session.pk).values_list("state", flat=True).get()
    assert raw == session.state
