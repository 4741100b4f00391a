"""The pictograms of our illustrations: Lucide icons (ISC licence), from the `lucide` package.

Only the icons named here may be used: each one has the French words the alternative text of a
picture uses for it. Lucide icons are 24 x 24 line drawings (`stroke`, no fill), so they take
any colour and any line width.
"""

from __future__ import annotations

import functools
import zipfile
from importlib import resources
from xml.etree import ElementTree

SVG_NS = "{http://www.w3.org/2000/svg}"
ICON_BOX = 24

# Lucide's name → what it shows, as a French noun phrase for alternative texts.
PICTOGRAMMES = {
    "anvil": "une enclume",
    "armchair": "un fauteuil",
    "atom": "un atome",
    "axe": "une hache",
    "battery-charging": "une batterie en charge",
    "bot": "un robot",
    "box": "un carton",
    "car-front": "une voiture",
    "circuit-board": "une carte électronique",
    "clipboard-check": "une liste de contrôle",
    "clock": "une horloge",
    "cog": "un engrenage",
    "cpu": "une puce électronique",
    "cup-soda": "un gobelet",
    "drafting-compass": "un compas",
    "droplet": "une goutte",
    "eye": "un œil",
    "factory": "une usine",
    "fan": "une hélice",
    "flame": "une flamme",
    "flask-conical": "une fiole de laboratoire",
    "forklift": "un chariot élévateur",
    "gauge": "un cadran de mesure",
    "gem": "une pierre précieuse",
    "hammer": "un marteau",
    "handbag": "un sac à main",
    "hard-hat": "un casque de chantier",
    "house": "une maison",
    "layers": "des couches superposées",
    "leaf": "une feuille",
    "lightbulb": "une ampoule",
    "magnet": "un aimant",
    "microscope": "un microscope",
    "milk": "une bouteille de lait",
    "package": "un colis",
    "paintbrush": "un pinceau",
    "pencil-ruler": "un crayon et une règle",
    "pipette": "une pipette",
    "plug-zap": "une prise électrique",
    "ruler": "une règle",
    "scan-search": "une loupe de contrôle",
    "scissors": "des ciseaux",
    "settings": "une roue dentée",
    "shapes": "des formes",
    "shield-check": "un bouclier validé",
    "sparkles": "des étincelles",
    "spray-can": "une bombe de peinture",
    "sun": "un soleil",
    "test-tube": "une éprouvette",
    "thermometer": "un thermomètre",
    "tree-pine": "un sapin",
    "trees": "des arbres",
    "truck": "un camion",
    "watch": "une montre",
    "wheat": "un épi de blé",
    "wind": "du vent",
    "wrench": "une clé",
    "zap": "un éclair",
}


class UnknownPictogram(ValueError):
    pass


@functools.cache
def _icons_archive() -> dict[str, bytes]:
    archive = resources.files("lucide") / "lucide.zip"
    with archive.open("rb") as data, zipfile.ZipFile(data) as icons:
        return {name.removesuffix(".svg"): icons.read(name) for name in icons.namelist()}


def describe(name: str) -> str:
    if name not in PICTOGRAMMES:
        raise UnknownPictogram(f"pictogramme « {name} » inconnu")
    return PICTOGRAMMES[name]


@functools.cache
def shapes(name: str) -> str:
    """The icon's drawing elements (paths, circles…) as SVG markup, without the outer <svg>."""
    describe(name)
    try:
        source = _icons_archive()[name]
    except KeyError:
        raise UnknownPictogram(f"pictogramme « {name} » absent de Lucide") from None
    root = ElementTree.fromstring(source)  # noqa: S314 - the icon set we installed, not user input
    parts = []
    for child in root:
        child.tag = child.tag.removeprefix(SVG_NS)
        parts.append(ElementTree.tostring(child, encoding="unicode"))
    return "".join(parts).replace(' xmlns="http://www.w3.org/2000/svg"', "")
