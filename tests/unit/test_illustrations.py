"""The demo pictures drawn by code: size, stable bytes, French titles, refusals."""

from io import BytesIO

import pytest
from PIL import Image

from metiers.illustrations import (
    HEIGHT,
    MOTIFS,
    WIDTH,
    alt_text,
    render_illustration,
    split_accents,
)


def open_png(data: bytes) -> Image.Image:
    picture = Image.open(BytesIO(data))
    assert picture.format == "PNG"
    return picture


@pytest.mark.parametrize("motif", sorted(MOTIFS))
def test_every_motif_gives_a_1200_by_675_png(motif):
    picture = open_png(render_illustration("Chaudronnier / Chaudronnière", "#1f5fa8", motif, 7))
    assert picture.size == (WIDTH, HEIGHT) == (1200, 675)


def test_same_seed_gives_the_same_bytes_and_another_seed_another_picture():
    first = render_illustration("Horloger / Horlogère", "#6b4fa0", "engrenage", 42)
    assert render_illustration("Horloger / Horlogère", "#6b4fa0", "engrenage", 42) == first
    assert render_illustration("Horloger / Horlogère", "#6b4fa0", "engrenage", 43) != first


def test_background_has_the_requested_colour():
    picture = open_png(render_illustration("Bois", "#7a4b26", "cernes", 1)).convert("RGB")
    _, most_common = max(picture.getcolors(maxcolors=1_000_000))
    assert most_common == (0x7A, 0x4B, 0x26)


def test_the_title_is_drawn_in_dark_ink_on_a_white_band():
    picture = open_png(render_illustration("Énergie", "#1f5fa8", "eclair", 1)).convert("RGB")
    band = picture.crop((60, HEIGHT - 200, 400, HEIGHT - 60))
    colours = {colour for _, colour in band.getcolors(maxcolors=100_000)}
    assert (255, 255, 255) in colours
    assert any(max(colour) < 80 for colour in colours), "no dark text on the band"


def test_accents_are_split_from_their_letters_so_the_bundled_font_can_draw_them():
    base, marks = split_accents("Élève, façonnière, maître — cœur")
    assert base == "Eleve, faconniere, maitre - coeur"
    assert [base[index] for index, _ in marks] == ["E", "e", "c", "e", "i"]


def test_a_long_title_still_fits_in_the_picture():
    title = "Technicien / Technicienne de maintenance d'éoliennes terrestres et en mer"
    assert open_png(render_illustration(title, "#9a5b00", "eclair", 3)).size == (WIDTH, HEIGHT)


@pytest.mark.parametrize(
    ("title", "colour", "motif", "message"),
    [
        ("Bois", "7a4b26", "cernes", "couleur"),
        ("Bois", "#7a4b2", "cernes", "couleur"),
        ("Bois", "brown", "cernes", "couleur"),
        ("Bois", "#7a4b26", "étoile", "motif"),
        ("   ", "#7a4b26", "cernes", "titre"),
        ("Pâte à 100 ¥", "#7a4b26", "cernes", "caractère"),
        ("Métier 日本", "#7a4b26", "cernes", "caractère"),
    ],
)
def test_bad_input_is_refused_with_a_reason(title, colour, motif, message):
    with pytest.raises(ValueError, match=message):
        render_illustration(title, colour, motif, 1)


def test_alt_text_names_the_motif_and_the_title():
    assert alt_text("Plasturgie", "goutte") == (
        "Illustration : des gouttes en aplat de couleur et le titre « Plasturgie »."
    )
