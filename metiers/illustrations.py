"""Our illustrations: designed compositions per filière, drawn as SVG and rasterised with resvg.

A composition is the filière's palette (its colour, a lighter tint, a warm accent), its emblem
repeated faintly in the background, and in front one main pictogram in a white disc with two
or three smaller ones around it: a fiche, an objet and each step of an objet get their own
pictograms, so no two pictures are alike. No text is drawn: the page says the title, the
alternative text says what the picture shows.

The same composition always gives the same PNG bytes, so the demo loader can find a picture
again instead of making a copy. Rasterising uses `resvg_py` (a wheel with resvg inside: no
system library to install).
"""

from __future__ import annotations

import hashlib
import math
import random
import re
from dataclasses import dataclass, field
from io import BytesIO

import resvg_py
from django.core.files.base import ContentFile
from django.utils.text import slugify
from wagtail.images import get_image_model
from wagtail.models import Collection
from wagtail.utils.file import hash_filelike

from . import pictogrammes

WIDTH, HEIGHT = 1200, 675
COLLECTION_NAME = "Illustrations de démonstration"
HEX_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
ACCENT = (255, 200, 87)  # one warm yellow for every filière: the site's « play » colour
INK = (20, 24, 38)
WHITE = (255, 255, 255)
MAX_SATELLITES = 3
# Change it whenever the drawing changes: stored pictures are found again by a name built on it.
DRAWING_VERSION = 2

Colour = tuple[int, int, int]


def parse_colour(value: str) -> Colour:
    if not isinstance(value, str) or not HEX_COLOUR.fullmatch(value):
        raise ValueError(f"couleur « {value} » invalide : #rrggbb attendu")
    return tuple(int(value[i : i + 2], 16) for i in (1, 3, 5))


def mix(colour: Colour, other: Colour, share: float) -> Colour:
    """`share` of `other` blended into `colour`."""
    return tuple(round(a + (b - a) * share) for a, b in zip(colour, other, strict=True))


def hex_colour(colour: Colour) -> str:
    return "#{:02x}{:02x}{:02x}".format(*colour)


@dataclass(frozen=True)
class Composition:
    """What one picture shows: a filière's colour and emblem, a main pictogram, satellites."""

    colour: str
    emblem: str
    main: str
    satellites: tuple[str, ...] = field(default=())
    seed: int = 0

    def __post_init__(self):
        parse_colour(self.colour)
        for name in (self.emblem, self.main, *self.satellites):
            pictogrammes.describe(name)
        if len(self.satellites) > MAX_SATELLITES:
            raise ValueError(f"{MAX_SATELLITES} petits pictogrammes au plus")

    def recipe(self) -> str:
        satellites = ",".join(self.satellites)
        return f"{DRAWING_VERSION}|{self.colour}|{self.emblem}|{self.main}|{satellites}|{self.seed}"


def _icon(name: str, x: float, y: float, size: float, colour: Colour, width: float, **extra):
    """A Lucide icon placed at (x, y) with its 24-unit box scaled to `size` pixels."""
    attributes = " ".join(f'{key.replace("_", "-")}="{value}"' for key, value in extra.items())
    return (
        f'<svg x="{x:.1f}" y="{y:.1f}" width="{size:.1f}" height="{size:.1f}" '
        f'viewBox="0 0 {pictogrammes.ICON_BOX} {pictogrammes.ICON_BOX}" fill="none" '
        f'stroke="{hex_colour(colour)}" stroke-width="{width}" stroke-linecap="round" '
        f'stroke-linejoin="round" {attributes}>{pictogrammes.shapes(name)}</svg>'
    )


def _background(base: Colour, rng: random.Random) -> list[str]:
    dark = mix(base, INK, 0.45)
    light = mix(base, WHITE, 0.18)
    angle = rng.choice((0, 1))
    x2, y2 = (1, 1) if angle else (1, 0)
    return [
        f'<defs><linearGradient id="fond" x1="0" y1="0" x2="{x2}" y2="{y2}">'
        f'<stop offset="0" stop-color="{hex_colour(light)}"/>'
        f'<stop offset="1" stop-color="{hex_colour(dark)}"/></linearGradient></defs>',
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="url(#fond)"/>',
    ]


def _decor(composition: Composition, base: Colour, rng: random.Random) -> list[str]:
    """Big soft shapes and the filière's emblem, faint, in the back."""
    tint = mix(base, WHITE, 0.55)
    parts = [
        f'<circle cx="{rng.uniform(0.7, 1.0) * WIDTH:.0f}" cy="{rng.uniform(-0.1, 0.2) * HEIGHT:.0f}" '
        f'r="{rng.uniform(0.28, 0.36) * WIDTH:.0f}" fill="{hex_colour(tint)}" opacity="0.18"/>',
        f'<circle cx="{rng.uniform(0.0, 0.2) * WIDTH:.0f}" cy="{rng.uniform(0.85, 1.05) * HEIGHT:.0f}" '
        f'r="{rng.uniform(0.18, 0.26) * WIDTH:.0f}" fill="{hex_colour(tint)}" opacity="0.14"/>',
    ]
    # A dotted grid in one corner, like a technical drawing.
    left = rng.choice((40, WIDTH - 280))
    for row in range(5):
        for column in range(7):
            parts.append(
                f'<circle cx="{left + column * 36}" cy="{48 + row * 36}" r="4" '
                f'fill="{hex_colour(WHITE)}" opacity="0.28"/>'
            )
    for _ in range(3):
        size = rng.uniform(0.22, 0.34) * WIDTH
        x = rng.uniform(-0.1, 0.95) * WIDTH - size / 2
        y = rng.uniform(-0.1, 0.9) * HEIGHT - size / 2
        turn = rng.uniform(-25, 25)
        parts.append(
            f'<g transform="rotate({turn:.1f} {x + size / 2:.0f} {y + size / 2:.0f})" opacity="0.16">'
            + _icon(composition.emblem, x, y, size, WHITE, 1.4)
            + "</g>"
        )
    return parts


def _main_disc(composition: Composition, base: Colour, cx: float, cy: float) -> list[str]:
    radius = 215
    shadow = mix(base, INK, 0.6)
    size = radius * 1.15
    return [
        f'<circle cx="{cx + 14:.0f}" cy="{cy + 18:.0f}" r="{radius}" fill="{hex_colour(shadow)}" opacity="0.35"/>',
        f'<circle cx="{cx:.0f}" cy="{cy:.0f}" r="{radius}" fill="#ffffff"/>',
        f'<circle cx="{cx:.0f}" cy="{cy:.0f}" r="{radius - 22}" fill="none" '
        f'stroke="{hex_colour(mix(base, WHITE, 0.75))}" stroke-width="6" stroke-dasharray="2 18" '
        'stroke-linecap="round"/>',
        _icon(composition.main, cx - size / 2, cy - size / 2, size, base, 1.6),
    ]


def _satellites(composition: Composition, base: Colour, cx: float, cy: float, rng) -> list[str]:
    parts = []
    count = len(composition.satellites)
    start = rng.uniform(0, 2 * math.pi)
    colours = [ACCENT, mix(base, WHITE, 0.85), ACCENT]
    for index, name in enumerate(composition.satellites):
        angle = start + index * 2 * math.pi / max(count, 1) + rng.uniform(-0.25, 0.25)
        distance = 325
        x = min(max(cx + distance * math.cos(angle), 110), WIDTH - 110)
        y = min(max(cy + distance * 0.78 * math.sin(angle), 100), HEIGHT - 100)
        radius = 82
        fill = colours[index]
        parts.append(f'<circle cx="{x:.0f}" cy="{y:.0f}" r="{radius}" fill="{hex_colour(fill)}"/>')
        size = radius * 1.1
        ink = mix(base, INK, 0.35)
        parts.append(_icon(name, x - size / 2, y - size / 2, size, ink, 1.8))
    return parts


def composition_svg(composition: Composition) -> str:
    base = parse_colour(composition.colour)
    rng = random.Random(composition.seed)  # noqa: S311 - a drawing, not a secret
    cx = rng.uniform(0.38, 0.62) * WIDTH
    cy = HEIGHT / 2 + rng.uniform(-20, 20)
    parts = [
        *_background(base, rng),
        *_decor(composition, base, rng),
        *_main_disc(composition, base, cx, cy),
        *_satellites(composition, base, cx, cy, rng),
    ]
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}">{"".join(parts)}</svg>'
    )


def render_illustration(composition: Composition) -> bytes:
    """A 1200 x 675 PNG: the same composition always gives the same bytes."""
    return bytes(resvg_py.svg_to_bytes(svg_string=composition_svg(composition)))


def alt_text(composition: Composition, filiere: str = "") -> str:
    """What the picture shows, in French, for people who cannot see it."""
    main = pictogrammes.describe(composition.main)
    text = f"Illustration : {main}"
    others = [pictogrammes.describe(name) for name in composition.satellites]
    if others:
        listed = ", ".join(others[:-1]) + (" et " if len(others) > 1 else "") + others[-1]
        text += f", avec autour {listed}"
    if filiere:
        text += f", aux couleurs de la filière {filiere}"
    return text + "."


# --- Wagtail images -------------------------------------------------------------------------


def demo_collection() -> Collection:
    existing = Collection.objects.filter(name=COLLECTION_NAME).first()
    if existing:
        return existing
    return Collection.get_first_root_node().add_child(name=COLLECTION_NAME)


def file_name(title: str, composition: Composition) -> str:
    """Named after everything that shapes the drawing, so a stored file can be trusted."""
    digest = hashlib.sha256(f"{title}|{composition.recipe()}".encode()).hexdigest()[:12]
    return f"demo-{slugify(title)[:50]}-{digest}.png"


def ensure_image(title: str, composition: Composition, alt: str):
    """The Wagtail image with this title in the demo collection, drawn again only if its
    composition changed or its file is gone (then in place: the pages using it keep it)."""
    image_model = get_image_model()
    collection = demo_collection()
    image = image_model.objects.filter(collection=collection, title=title).first()
    name = file_name(title, composition)
    if (
        image is not None
        and image.file.name.endswith(name)
        and image.description == alt[:255]
        and image.file.storage.exists(image.file.name)  # a wiped media folder is drawn again
    ):
        return image
    if image is None:
        image = image_model(title=title, collection=collection)
    else:
        image.renditions.all().delete()
    image.description = alt[:255]
    _attach_file(image, name, composition)
    # Set after the file: attaching one resets the dimension fields.
    image.width, image.height = WIDTH, HEIGHT
    image.save()
    return image


def _attach_file(image, name: str, composition: Composition) -> None:
    """Reuse the stored picture when a previous load drew the same one.

    A fresh database (tests, a reset) on the same media folder then neither draws the picture
    again nor leaves one more copy of it.
    """
    file_field = image._meta.get_field("file")
    path = file_field.generate_filename(image, name)
    storage = file_field.storage
    if storage.exists(path):
        image.file.name = path
        with storage.open(path, "rb") as stored:
            image.file_size = storage.size(path)
            image.file_hash = hash_filelike(stored)
        return
    png = render_illustration(composition)
    image.file.save(name, ContentFile(png), save=False)
    image.file_size = len(png)
    image.file_hash = hash_filelike(BytesIO(png))
