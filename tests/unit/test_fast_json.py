"""The orjson encoder and decoder of the game's big JSON columns (games/models/fast_json.py)."""

import json
import math

from games.models import GameSession
from games.models.fast_json import FastJSONDecoder, FastJSONEncoder


def test_what_is_written_reads_back_the_same():
    state = {"players": {"12": {"nickname": "Léa 🚀", "score": 975}}, "answers": {}, "v": 3}
    text = json.dumps(state, cls=FastJSONEncoder)
    assert json.loads(text, cls=FastJSONDecoder) == state
    # Non-string keys become strings, as with the standard library.
    assert json.loads(json.dumps({1: "a"}, cls=FastJSONEncoder), cls=FastJSONDecoder) == {"1": "a"}


def test_values_orjson_refuses_are_still_read():
    # Never written by the encoder, but an older column value may hold them.
    assert math.isnan(json.loads('{"x": NaN}', cls=FastJSONDecoder)["x"])


def test_a_broken_value_is_refused_as_the_standard_library_does():
    try:
        json.loads("{broken", cls=FastJSONDecoder)
    except json.JSONDecodeError:
        pass
    else:  # pragma: no cover - the assertion is the point
        raise AssertionError("a broken value was read")


def test_the_game_columns_use_both():
    for name in ("state", "stream_seqs"):
        field = GameSession._meta.get_field(name)
        assert (field.encoder, field.decoder) == (FastJSONEncoder, FastJSONDecoder)
