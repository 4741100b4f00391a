"""Flat illustrations drawn by code for the demo content: no third-party photo, no system font.

Each picture is a coloured background, a pattern of simple shapes (the filière's motif) and the
title on a white band. The same title, colour, motif and seed always give the same PNG bytes, so
the demo loader can find a picture again instead of making a copy.
"""

from __future__ import annotations

import hashlib
import math
import random
import re
import unicodedata
from collections.abc import Callable
from io import BytesIO

from django.core.files.base import ContentFile
from django.utils.text import slugify
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont
from wagtail.images import get_image_model
from wagtail.models import Collection
from wagtail.utils.file import hash_filelike

WIDTH, HEIGHT = 1200, 675
# Shapes are drawn at twice the size and scaled down: Pillow does not smooth polygon edges.
SCALE = 2
COLLECTION_NAME = "Illustrations de démonstration"

HEX_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
TITLE_SIZES = (64, 56, 48, 40)  # tried in turn until the title fits on three lines
TITLE_MAX_LINES = 3
PNG_COMPRESS_LEVEL = 3
# Change it whenever the drawing changes: stored pictures are found again by a name built on it.
DRAWING_VERSION = 1

Colour = tuple[int, int, int]
Point = tuple[float, float]


def parse_colour(value: str) -> Colour:
    if not isinstance(value, str) or not HEX_COLOUR.fullmatch(value):
        raise ValueError(f"couleur « {value} » invalide : #rrggbb attendu")
    return tuple(int(value[i : i + 2], 16) for i in (1, 3, 5))


def mix(colour: Colour, other: Colour, share: float) -> Colour:
    """`share` of `other` blended into `colour`."""
    return tuple(round(a + (b - a) * share) for a, b in zip(colour, other, strict=True))


WHITE: Colour = (255, 255, 255)
INK: Colour = (28, 28, 36)


# --- motifs -------------------------------------------------------------------------------
# Each draws one shape centred on (x, y) with radius r, filled with `fill`.


def _engrenage(draw: ImageDraw.ImageDraw, x, y, r, fill, background, rng) -> None:
    teeth = rng.choice((8, 10, 12))
    points: list[Point] = []
    for i in range(teeth * 4):
        angle = 2 * math.pi * i / (teeth * 4)
        radius = r if (i % 4) in (1, 2) else r * 0.8
        points.append((x + radius * math.cos(angle), y + radius * math.sin(angle)))
    draw.polygon(points, fill=fill)
    hole = r * 0.28
    draw.ellipse((x - hole, y - hole, x + hole, y + hole), fill=background)


def _goutte(draw, x, y, r, fill, background, rng) -> None:
    # A teardrop with its tip at the top: the width sin(t)·sin(t/2) is zero at t = 0.
    steps = (2 * math.pi * i / 90 for i in range(90))
    points = [(x + r * 0.75 * math.sin(t) * math.sin(t / 2), y - r * math.cos(t)) for t in steps]
    draw.polygon(points, fill=fill)


def _feuille(draw, x, y, r, fill, background, rng) -> None:
    tilt = rng.uniform(-0.8, 0.8)
    points: list[Point] = []
    for i in range(60):
        t = math.pi * i / 59
        points.append((r * math.cos(t), 0.45 * r * math.sin(t)))
    points += [(px, -py) for px, py in reversed(points)]
    cos, sin = math.cos(tilt), math.sin(tilt)
    rotated = [(x + px * cos - py * sin, y + px * sin + py * cos) for px, py in points]
    draw.polygon(rotated, fill=fill)
    vein = [(x - r * 0.8 * cos, y - r * 0.8 * sin), (x + r * 0.8 * cos, y + r * 0.8 * sin)]
    draw.line(vein, fill=background, width=max(2, round(r / 14)))


def _eclair(draw, x, y, r, fill, background, rng) -> None:
    shape = [(0.2, -1), (-0.45, 0.1), (-0.02, 0.1), (-0.25, 1), (0.5, -0.2), (0.06, -0.2)]
    draw.polygon([(x + r * px, y + r * py) for px, py in shape], fill=fill)


def _cernes(draw, x, y, r, fill, background, rng) -> None:
    width = max(3, round(r / 9))
    ring = r
    while ring > width:
        squash = rng.uniform(0.9, 1.0)
        draw.ellipse(
            (x - ring, y - ring * squash, x + ring, y + ring * squash), outline=fill, width=width
        )
        ring -= width * rng.uniform(1.8, 2.6)


def _diamant(draw, x, y, r, fill, background, rng) -> None:
    crown = [(x - r, y - r * 0.25), (x - r * 0.55, y - r * 0.7), (x + r * 0.55, y - r * 0.7)]
    crown.append((x + r, y - r * 0.25))
    draw.polygon([*crown, (x, y + r)], fill=fill)
    line_width = max(2, round(r / 20))
    draw.line([(x - r, y - r * 0.25), (x + r, y - r * 0.25)], fill=background, width=line_width)
    for top_x in (-0.55, 0.55):
        draw.line([(x + r * top_x, y - r * 0.7), (x, y + r)], fill=background, width=line_width)


def _roue(draw, x, y, r, fill, background, rng) -> None:
    draw.ellipse((x - r, y - r, x + r, y + r), fill=fill)
    draw.ellipse((x - r * 0.72, y - r * 0.72, x + r * 0.72, y + r * 0.72), fill=background)
    spokes = rng.choice((5, 6))
    for i in range(spokes):
        angle = 2 * math.pi * i / spokes
        end = (x + r * 0.75 * math.cos(angle), y + r * 0.75 * math.sin(angle))
        draw.line([(x, y), end], fill=fill, width=max(3, round(r / 8)))
    hub = r * 0.2
    draw.ellipse((x - hub, y - hub, x + hub, y + hub), fill=fill)


def _cercles(draw, x, y, r, fill, background, rng) -> None:
    draw.ellipse((x - r, y - r, x + r, y + r), fill=fill)


MOTIFS: dict[str, Callable] = {
    "engrenage": _engrenage,
    "goutte": _goutte,
    "feuille": _feuille,
    "eclair": _eclair,
    "cernes": _cernes,
    "diamant": _diamant,
    "roue": _roue,
    "cercles": _cercles,
}

# What each motif shows, for the alternative text of the picture.
MOTIF_DESCRIPTIONS = {
    "engrenage": "des engrenages",
    "goutte": "des gouttes",
    "feuille": "des feuilles",
    "eclair": "des éclairs",
    "cernes": "des cernes de bois",
    "diamant": "des pierres taillées",
    "roue": "des roues",
    "cercles": "des cercles",
}


# --- rendering ------------------------------------------------------------------------------


def _draw_pattern(draw, motif, base: Colour, rng: random.Random) -> None:
    shape = MOTIFS[motif]
    tints = [mix(base, WHITE, share) for share in (0.12, 0.2, 0.3)] + [mix(base, INK, 0.15)]
    # Shapes fill the right side and the top; the title band keeps the bottom left readable.
    for _ in range(rng.randint(9, 13)):
        x = rng.uniform(0.35, 1.02) * WIDTH * SCALE
        y = rng.uniform(-0.05, 0.75) * HEIGHT * SCALE
        r = rng.uniform(0.06, 0.16) * WIDTH * SCALE
        shape(draw, x, y, r, rng.choice(tints), base, rng)


# --- French text with Pillow's bundled font -----------------------------------------------
# The bundled font (Aileron) has ASCII and a few symbols, but no accented letter. Titles are
# drawn as their base letters, then each accent is drawn as a small shape over its letter.

ACUTE, GRAVE, CIRCUMFLEX, DIAERESIS, CEDILLA = "\u0301", "\u0300", "\u0302", "\u0308", "\u0327"
DRAWN_MARKS = {ACUTE, GRAVE, CIRCUMFLEX, DIAERESIS, CEDILLA}
SPELLED_OUT = {
    "œ": "oe",
    "Œ": "OE",
    "æ": "ae",
    "Æ": "AE",
    "’": "'",
    "‘": "'",
    "–": "-",
    "—": "-",
    "…": "...",
    "\u00a0": " ",
    "\u202f": " ",
}
FONT_CHARACTERS = {chr(code) for code in range(32, 127)} | set("«»°")


def split_accents(text: str) -> tuple[str, list[tuple[int, str]]]:
    """The text in characters the font has, and the accents to draw: (index, mark)."""
    base: list[str] = []
    marks: list[tuple[int, str]] = []
    for character in text:
        decomposed = unicodedata.normalize("NFD", SPELLED_OUT.get(character, character))
        letters = [c for c in decomposed if not unicodedata.combining(c)]
        for mark in (c for c in decomposed if unicodedata.combining(c)):
            if mark not in DRAWN_MARKS or len(letters) != 1:
                raise ValueError(f"caractère « {character} » impossible à dessiner")
            marks.append((len(base), mark))
        for letter in letters:
            if letter not in FONT_CHARACTERS:
                raise ValueError(f"caractère « {character} » impossible à dessiner")
            base.append(letter)
    return "".join(base), marks


def _draw_accent(
    draw, letter: str, mark: str, box, x_height_top: float, size: int, fill, background
):
    left, top, right, bottom = box
    centre = (left + right) / 2
    if letter in "ij":
        # i and j keep their dot in the font: paint it out, the accent takes its place.
        draw.rectangle((left - 1, top - 1, right + 1, x_height_top - size * 0.02), fill=background)
        top = x_height_top
    width = max(2, round(size * 0.07))
    low = top - size * 0.06  # the accent's lowest point, just above the letter
    high = low - size * 0.17
    if mark == ACUTE:
        draw.line(
            [(centre - size * 0.05, low), (centre + size * 0.08, high)], fill=fill, width=width
        )
    elif mark == GRAVE:
        draw.line(
            [(centre + size * 0.05, low), (centre - size * 0.08, high)], fill=fill, width=width
        )
    elif mark == CIRCUMFLEX:
        peak = (centre, high)
        points = [(centre - size * 0.11, low), peak, (centre + size * 0.11, low)]
        draw.line(points, fill=fill, width=width, joint="curve")
    elif mark == DIAERESIS:
        dot = size * 0.05
        for x in (centre - size * 0.1, centre + size * 0.1):
            y = low - dot
            draw.ellipse((x - dot, y - dot, x + dot, y + dot), fill=fill)
    elif mark == CEDILLA:
        hook = (centre - size * 0.06, bottom, centre + size * 0.08, bottom + size * 0.18)
        draw.arc(hook, start=-100, end=130, fill=fill, width=width)


def draw_french_text(draw, xy, text: str, font, fill, background) -> None:
    base, marks = split_accents(text)
    x, y = xy
    draw.text((x, y), base, font=font, fill=fill)
    x_height_top = draw.textbbox((x, y), "x", font=font)[1]
    for index, mark in marks:
        left = x + draw.textlength(base[:index], font=font)
        box = draw.textbbox((left, y), base[index], font=font)
        _draw_accent(draw, base[index], mark, box, x_height_top, font.size, fill, background)


def _wrap(draw, text: str, font, max_width: float) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and _text_width(draw, candidate, font) <= max_width:
            lines[-1] = candidate
        else:
            lines.append(word)
    return lines


def _text_width(draw, text: str, font) -> float:
    return draw.textlength(split_accents(text)[0], font=font)


def _draw_title(draw, title: str, base: Colour) -> None:
    margin = 48 * SCALE
    padding = 32 * SCALE
    max_width = WIDTH * SCALE * 0.62
    for size in TITLE_SIZES:
        font = ImageFont.load_default(size=size * SCALE)
        lines = _wrap(draw, title, font, max_width - 2 * padding)
        widest = max(_text_width(draw, line, font) for line in lines)
        if len(lines) <= TITLE_MAX_LINES and widest <= max_width - 2 * padding:
            break
    line_height = round(size * SCALE * 1.3)
    box_height = line_height * len(lines) + 2 * padding
    top = HEIGHT * SCALE - margin - box_height
    box = (margin, top, margin + widest + 2 * padding, HEIGHT * SCALE - margin)
    draw.rounded_rectangle(box, radius=24 * SCALE, fill=WHITE)
    accent = 10 * SCALE
    draw.rectangle((margin, top + padding, margin + accent, box[3] - padding), fill=base)
    for i, line in enumerate(lines):
        origin = (margin + padding, top + padding + i * line_height + size * SCALE * 0.15)
        draw_french_text(draw, origin, line, font, INK, WHITE)


def render_illustration(title: str, colour: str, motif: str, seed: int) -> bytes:
    """A 1200 x 675 PNG: the same arguments always give the same bytes."""
    if motif not in MOTIFS:
        raise ValueError(f"motif « {motif} » inconnu : {', '.join(sorted(MOTIFS))}")
    if not title or not title.strip():
        raise ValueError("une illustration a besoin d'un titre")
    base = parse_colour(colour)
    rng = random.Random(seed)  # noqa: S311 - a drawing, not a secret
    canvas = PILImage.new("RGB", (WIDTH * SCALE, HEIGHT * SCALE), base)
    draw = ImageDraw.Draw(canvas)
    _draw_pattern(draw, motif, base, rng)
    _draw_title(draw, title.strip(), base)
    # Averaging each 2 x 2 block smooths the edges as well as a slower filter would.
    picture = canvas.reduce(SCALE)
    out = BytesIO()
    # Flat colours compress well even at a fast level; the demo load runs on every start.
    picture.save(out, format="PNG", compress_level=PNG_COMPRESS_LEVEL)
    return out.getvalue()


def alt_text(title: str, motif: str) -> str:
    return (
        f"Illustration : {MOTIF_DESCRIPTIONS[motif]} en aplat de couleur et le titre « {title} »."
    )


# --- Wagtail images -------------------------------------------------------------------------


def demo_collection() -> Collection:
    existing = Collection.objects.filter(name=COLLECTION_NAME).first()
    if existing:
        return existing
    return Collection.get_first_root_node().add_child(name=COLLECTION_NAME)


def ensure_image(title: str, colour: str, motif: str, seed: int):
    """The Wagtail image with this title in the demo collection, drawn the first time only."""
    image_model = get_image_model()
    collection = demo_collection()
    existing = image_model.objects.filter(collection=collection, title=title).first()
    if existing:
        return existing
    image = image_model(
        title=title, description=alt_text(title, motif)[:255], collection=collection
    )
    _attach_file(image, title, colour, motif, seed)
    # Set after the file: attaching one resets the dimension fields.
    image.width, image.height = WIDTH, HEIGHT
    image.save()
    return image


def file_name(title: str, colour: str, motif: str, seed: int) -> str:
    """Named after everything that shapes the drawing, so a stored file can be trusted."""
    recipe = f"{DRAWING_VERSION}|{title}|{colour}|{motif}|{seed}".encode()
    digest = hashlib.sha256(recipe).hexdigest()[:12]
    return f"demo-{slugify(title)[:50]}-{digest}.png"


def _attach_file(image, title: str, colour: str, motif: str, seed: int) -> None:
    """Reuse the stored picture when a previous load drew the same one.

    A fresh database (tests, a reset) on the same media folder then neither draws the picture
    again nor leaves one more copy of it.
    """
    file_field = image._meta.get_field("file")
    name = file_name(title, colour, motif, seed)
    path = file_field.generate_filename(image, name)
    storage = file_field.storage
    if storage.exists(path):
        image.file.name = path
        with storage.open(path, "rb") as stored:
            image.file_size = storage.size(path)
            image.file_hash = hash_filelike(stored)
        return
    png = render_illustration(title, colour, motif, seed)
    image.file.save(name, ContentFile(png), save=False)
    image.file_size = len(png)
    image.file_hash = hash_filelike(BytesIO(png))
