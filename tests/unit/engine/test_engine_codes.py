import pytest

from games.kinds.escape.engine.codes import canonical, normalise


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Électro-Technicien", "electrotechnicien"),
        ("  élec tro_tech.ni cien ", "electrotechnicien"),
        ("CHAUDRONNIÈRE", "chaudronniere"),
        ("Cœur d'œuvre", "coeurdoeuvre"),
        ("１２３４", "1234"),  # full-width digits from some phone keyboards
        ("ﬁleuse", "fileuse"),  # the "fi" ligature
    ],
)
def test_normalise(typed, expected):
    assert normalise(typed) == expected


@pytest.mark.parametrize(
    ("kind", "typed", "expected"),
    [
        ("padlock_digits", " 40-71 ", "4071"),
        ("padlock_digits", "4O71", None),  # a letter O is not a zero
        ("padlock_letters", "u s i n e", "USINE"),
        ("padlock_letters", "us1ne", None),
        ("padlock_directions", "haut bas gauche droite", "HBGD"),
        ("padlock_directions", "H-B-G-D", "HBGD"),
        ("padlock_directions", "↑ ↓ ← →", "HBGD"),
        ("padlock_directions", "⬆️⬇️", "HB"),
        ("padlock_directions", "hbas", "HB"),
        ("padlock_directions", "nord", None),
        ("padlock_colours", "Rouge, VERT, bleu", "rouge,vert,bleu"),
        ("padlock_colours", "🔴🟩🔵", "rouge,vert,bleu"),
        ("padlock_colours", "rose rouge", "rose,rouge"),
        ("padlock_colours", "r v b", None),
        ("choice", "c, a", "AC"),
        ("choice", "aa", None),
        ("ordering", "b, a, c", "BAC"),
        ("ordering", "3 1 2", "312"),
        ("matching", "2a 1b 3c", "1B2A3C"),
        ("matching", "1a1b", None),
        ("matching", "a1", None),
        ("find_trade", "Soudeuse !", "soudeur"),  # gender and punctuation folded (issue 10)
        ("padlock_digits", "   ", None),
        ("unknown_kind", "1234", None),
    ],
)
def test_canonical(kind, typed, expected):
    assert canonical(kind, typed) == expected
