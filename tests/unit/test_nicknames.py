"""Nicknames: each folding step, the word filter, the uniqueness key, and the corpora."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from games.models import Player, Team
from games.moderation import nicknames, words
from games.moderation.folding import latin_letters, skeleton, squeezed
from games.moderation.nicknames import (
    MAX_LENGTH,
    NicknameError,
    clean_nickname,
    clean_team_name,
    display_form,
)
from games.moderation.screening import is_offensive, offending_part, tokens
from tests.support.nickname_corpus import measure

CYRILLIC_E = "\u0435"

# -- folding steps -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "latin"),
    [
        ("Léa Müller", "Lea Muller"),  # accents
        (f"L{CYRILLIC_E}a", "Lea"),  # Cyrillic е
        ("ΝΑΖΙ", "NAZI"),  # Greek capitals; Ι looks like I
        ("ρονy", "povy"),  # Greek by look (ρ is p, ν is v), not by sound
        ("𝐟𝐮𝐜𝐤", "fuck"),  # mathematical bold
        ("ｆｕｃｋ", "fuck"),  # fullwidth
        ("ʜɪᴛʟᴇʀ", "hitler"),  # small capitals (lowercase letters)
        ("Łukasz Øre", "Lukasz Ore"),  # letters the confusables table does not know
        ("C0nn4rd 93!", "C0nn4rd 93!"),  # digits and symbols are left to the caller
    ],
)
def test_latin_letters_folds_accents_and_look_alikes(typed, latin):
    assert latin_letters(typed) == latin


def test_squeezed_shortens_repeated_letters():
    assert squeezed("fuuuuck") == "fuck"
    assert squeezed("connnard") == "conard"


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("f.u.c.k", ["f", "u", "c", "k"]),
        ("f_u c-k", ["f", "u", "c", "k"]),
        ("GrosCon", ["gros", "con"]),
        ("xXDarkKnightXx", ["x", "x", "dark", "knight", "xx"]),
        ("Léo88", ["leo88"]),
        ("C0nn@rd", ["c0nn@rd"]),
    ],
)
def test_spelled_tokens_keep_leetspeak_inside_words(typed, found):
    assert tokens(latin_letters(typed), digits_apart=False) == found


def test_apart_tokens_split_digits_and_drop_symbols():
    assert tokens("Kevin1488", digits_apart=True) == ["kevin", "1488"]
    assert tokens("C0nn@rd", digits_apart=True) == ["c", "0", "nn", "rd"]


# -- the filter, one variant at a time ---------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "CONNARD",  # case
        "enculé",  # accents
        "c0nn4rd",  # leetspeak digits
        "$alope",  # leetspeak symbols
        "SaIope",  # a capital I for an l
        "fuuuuuck",  # repeated letters
        "f.u.c.k",  # separators
        "f u c k",
        "f_u_c_k",
        "f*ck",  # a hidden letter
        "\u0421onnard",  # Cyrillic С
        "ｆｕｃｋ",  # fullwidth
        "xxconnardxx",  # glued decorations
        "grosconnard",  # glued words
        "GrosCon",  # camelCase
        "xXconXx",
        "NazimConnard",  # an allowed name does not shield a root
        "Kevin1488",  # number codes
        "88",
        "Sieg Heil",
        "Léo 卐",
        "fu\u200bck",  # a zero-width space is invisible, then removed
    ],
)
def test_each_disguise_is_seen_through(name):
    with pytest.raises(NicknameError) as refused:
        clean_nickname(name)
    assert refused.value.code == "offensive_nickname"


@pytest.mark.parametrize(
    "name",
    [
        "Violette",
        "Nazim",
        "Bordelais",
        "Hitchcock",
        "Dickens",
        "Constance",
        "Cunégonde",
        "Sextant",
        "Analyse",
        "Scunthorpe",
        "Siegfried",
        "NAZIM",
        "Kévin du 88",  # a département, not a code
        "Léo 69",
    ],
)
def test_harmless_names_with_a_listed_word_inside_pass(name):
    assert clean_nickname(name)[0] == name


def test_offending_part_names_what_was_found():
    assert offending_part("xxConnardxx") == "connard"
    assert offending_part("Léa") is None


def test_every_listed_word_is_refused_as_written():
    for word in words.ROOTS + words.TOKENS + words.WHOLE_NAMES:
        assert is_offensive(word), word


def test_the_lists_are_plain_lowercase_ascii():
    # The filter adds case, accent and leetspeak variants itself: a list entry with an
    # accent or a capital would never match.
    for word in words.ROOTS + words.TOKENS + words.WHOLE_NAMES + words.ALLOWED:
        assert word.isascii() and word == word.lower() and word.isalnum(), word


def test_allowed_names_only_shield_themselves():
    for name in words.ALLOWED:
        assert not is_offensive(name), name


# -- the corpora: the numbers written in docs/nicknames.md ------------------------------


def test_no_bad_nickname_of_the_corpus_is_accepted():
    rates = measure()
    assert len(rates.bad) >= 100
    assert rates.accepted_bad == [], rates.summary()


def test_at_most_one_percent_of_ordinary_nicknames_is_refused():
    rates = measure()
    assert len(rates.ordinary) >= 200
    assert rates.false_positive_rate <= 0.01, rates.summary()


# -- the uniqueness key ------------------------------------------------------------------


def test_look_alike_nicknames_share_one_key():
    keys = {
        clean_nickname(name)[1]
        for name in ["Léa", "Lea", "LEA", f"L{CYRILLIC_E}a", "L3a", "Iéa", "l é a"]
    }
    assert keys == {"lea"}


def test_digits_are_read_as_letters_in_the_key():
    assert clean_nickname("Léo1")[1] == clean_nickname("Léoi")[1] == clean_nickname("LEOL")[1]
    assert clean_nickname("T0m")[1] == clean_nickname("Tom")[1]
    assert clean_nickname("Tom2")[1] != clean_nickname("Tom3")[1]


def test_rn_reads_as_m_in_the_key():
    assert clean_nickname("Arnaud")[1] == clean_nickname("Amaud")[1]


def test_different_names_keep_different_keys():
    names = ["Léa", "Léo", "Lina", "Lila", "Tom", "Théo", "Noah", "Noa", "Inès", "Ines 2"]
    keys = [clean_nickname(name)[1] for name in names]
    assert len(set(keys)) == len(keys)


@given(st.text(max_size=40))
def test_the_key_is_short_ascii_and_idempotent(raw):
    try:
        name, key = clean_nickname(raw)
    except NicknameError as error:
        assert error.code in {"invalid_nickname", "offensive_nickname"}
        return
    assert 0 < len(key) <= MAX_LENGTH
    assert key.isascii() and key.isalnum() and key == key.lower()
    assert nicknames.uniqueness_key(name) == key  # the display form gives the same key
    assert display_form(name) == name


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=30))
def test_folding_never_fails_and_gives_ascii_letters(raw):
    assert all(char.isascii() for char in latin_letters(raw) if char.isalpha())
    assert skeleton(raw).isascii()


@given(st.sampled_from(["connard", "salope", "hitler", "fuck", "bitch", "nazi"]), st.data())
def test_a_root_is_found_whatever_the_case_and_repeats(root, data):
    upper = data.draw(st.lists(st.booleans(), min_size=len(root), max_size=len(root)))
    repeats = data.draw(st.lists(st.integers(1, 3), min_size=len(root), max_size=len(root)))
    disguised = "".join(
        (char.upper() if up else char) * times
        for char, up, times in zip(root, upper, repeats, strict=True)
    )
    assert is_offensive(disguised)


# -- limits and messages -------------------------------------------------------------------


def test_one_length_limit_everywhere():
    assert Player._meta.get_field("nickname").max_length == MAX_LENGTH
    assert Player._meta.get_field("nickname_key").max_length == MAX_LENGTH
    assert Team._meta.get_field("name").max_length == nicknames.TEAM_NAME_MAX_LENGTH
    clean_nickname("x" * MAX_LENGTH)
    with pytest.raises(NicknameError, match=f"{MAX_LENGTH} caractères au plus") as refused:
        clean_nickname("x" * (MAX_LENGTH + 1))
    assert refused.value.code == "invalid_nickname"


@pytest.mark.parametrize(
    ("raw", "code"),
    [("L", "invalid_nickname"), ("  \u200b ", "invalid_nickname"), ("😀😀", "invalid_nickname")],
)
def test_empty_or_symbol_only_nicknames_are_invalid(raw, code):
    with pytest.raises(NicknameError) as refused:
        clean_nickname(raw)
    assert refused.value.code == code


def test_the_display_form_is_what_was_typed():
    assert clean_nickname("  Léa\u200b  la\tBest ") == ("Léa la Best", "lealabest")


def test_messages_are_translated():
    from django.utils import translation

    with translation.override("en"), pytest.raises(NicknameError) as refused:
        clean_nickname("connard")
    assert refused.value.message == "This nickname is not accepted. Choose another one."


def test_team_names_go_through_the_same_filter_with_their_own_wording():
    assert clean_team_name("Les Castors du 25") == ("Les Castors du 25", "lescastorsdu2s")
    with pytest.raises(NicknameError) as refused:
        clean_team_name("Team Connard")
    assert refused.value.code == "offensive_team_name"
    assert "équipe" in refused.value.message
    longest = "Les " + "x" * (nicknames.TEAM_NAME_MAX_LENGTH - 4)
    assert len(clean_team_name(longest)[1]) == nicknames.TEAM_NAME_MAX_LENGTH - 1
    long_name = "x" * (nicknames.TEAM_NAME_MAX_LENGTH + 1)
    with pytest.raises(NicknameError) as too_long:
        clean_team_name(long_name)
    assert too_long.value.code == "invalid_team_name"
