"""Our illustrations: size, stable bytes, no text, distinct compositions, refusals, alt text."""

from io import BytesIO

import pytest
from PIL import Image

from metiers.illustrations import HEIGHT, WIDTH, Composition, alt_text, render_illustration
from metiers.pictogrammes import UnknownPictogram

SOUDEUR = Composition("#b45309", "zap", "flame", ("sparkles", "shield-check"), 7)


def open_png(data: bytes) -> Image.Image:
    picture = Image.open(BytesIO(data))
    assert picture.format == "PNG"
    return picture


def test_a_composition_gives_a_1200_by_675_png():
    assert open_png(render_illustration(SOUDEUR)).size == (WIDTH, HEIGHT) == (1200, 675)


def test_same_composition_same_bytes_another_main_pictogram_another_picture():
    assert render_illustration(SOUDEUR) == render_illustration(SOUDEUR)
    other = Composition("#b45309", "zap", "fan", ("sparkles", "shield-check"), 7)
    assert render_illustration(other) != render_illustration(SOUDEUR)


def test_the_picture_is_in_the_filieres_colours():
    picture = open_png(render_illustration(SOUDEUR)).convert("RGB")
    # The main disc is white, the corners are the filière's orange, lighter or darker.
    assert picture.getpixel((WIDTH // 2, 5)) != (255, 255, 255)
    red, green, blue = picture.getpixel((WIDTH - 5, HEIGHT - 5))
    assert red > blue


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"colour": "orange"}, ValueError),
        ({"main": "licorne"}, UnknownPictogram),
        ({"emblem": "no-such-icon"}, UnknownPictogram),
        ({"satellites": ("fan", "sun", "zap", "leaf")}, ValueError),
    ],
)
def test_bad_input_is_refused(kwargs, error):
    fields = {"colour": "#1f5fa8", "emblem": "cog", "main": "watch", "satellites": ()} | kwargs
    with pytest.raises(error):
        Composition(**fields)


def test_alt_text_says_what_the_picture_shows_and_whose_colours():
    text = alt_text(SOUDEUR, "Énergie")
    assert text == (
        "Illustration : une flamme, avec autour des étincelles et un bouclier validé, "
        "aux couleurs de la filière Énergie."
    )
