"""Pictures of the demo quizzes, drawn by code (Pillow): no file to ship, nobody else's image.

Found again by title, so loading the demo twice adds nothing.
"""

from __future__ import annotations

import io

from django.core.files.images import ImageFile
from PIL import Image as Canvas
from PIL import ImageDraw, ImageFont
from wagtail.images import get_image_model

FUEL_CELL_TITLE = "Démo : pile à combustible"
# The picture asks the question; neither it nor its alt text gives the answer away.
FUEL_CELL_ALT = (
    "Schéma d'une pile à combustible : l'hydrogène entre à gauche, l'oxygène de l'air à "
    "droite, il en sort de l'électricité, et en bas un point d'interrogation."
)
NAVY, SKY, WHITE, YELLOW = "#12355b", "#d9ecfb", "#ffffff", "#ffc845"


def _fuel_cell_png() -> bytes:
    width, height = 960, 540
    canvas = Canvas.new("RGB", (width, height), SKY)
    draw = ImageDraw.Draw(canvas)
    big = ImageFont.load_default(size=64)
    small = ImageFont.load_default(size=40)
    draw.rounded_rectangle((330, 120, 630, 400), radius=24, fill=NAVY)
    draw.text((480, 230), "PILE", font=big, fill=WHITE, anchor="mm")
    draw.polygon(
        [(490, 270), (455, 330), (480, 330), (465, 380), (510, 310), (485, 310), (500, 270)],
        fill=YELLOW,
    )
    draw.text((140, 260), "H2", font=big, fill=NAVY, anchor="mm")
    draw.line((210, 260, 320, 260), fill=NAVY, width=10)
    draw.polygon([(320, 240), (320, 280), (345, 260)], fill=NAVY)
    draw.text((820, 260), "O2", font=big, fill=NAVY, anchor="mm")
    draw.line((640, 260, 750, 260), fill=NAVY, width=10)
    draw.polygon([(640, 240), (640, 280), (615, 260)], fill=NAVY)
    draw.line((480, 410, 480, 470), fill=NAVY, width=10)
    draw.ellipse((445, 470, 515, 540), fill=WHITE, outline=NAVY, width=6)
    draw.text((480, 505), "?", font=small, fill=NAVY, anchor="mm")
    out = io.BytesIO()
    canvas.save(out, format="PNG", optimize=True)
    return out.getvalue()


def fuel_cell_picture():
    """The Wagtail image of the fuel cell question, created once."""
    Image = get_image_model()  # noqa: N806 - a model class
    image = Image.objects.filter(title=FUEL_CELL_TITLE).first()
    if image is None:
        image = Image(title=FUEL_CELL_TITLE, description=FUEL_CELL_ALT)
        image.file = ImageFile(io.BytesIO(_fuel_cell_png()), name="demo-pile-a-combustible.png")
        image.save()
    return image
