"""Which pictograms each demo picture shows (names from metiers.pictogrammes). Plain data.

A fiche: its main pictogram, then two or three around it. An objet: its own, then one main
pictogram per step, in the order of the steps; each step's satellites are the objet's own.
"""

from __future__ import annotations

# A filière's main pictogram is its emblem (FiliereDemo.motif); these go around it.
FILIERES = {
    "vehicules-du-futur": ("battery-charging", "wrench", "lightbulb"),
    "microtechniques": ("watch", "microscope", "cpu"),
    "plasturgie": ("shapes", "thermometer", "cup-soda"),
    "agroalimentaire": ("milk", "factory", "flask-conical"),
    "energie": ("fan", "sun", "plug-zap"),
    "bois": ("armchair", "axe", "house"),
    "luxe": ("watch", "handbag", "sparkles"),
}

METIERS = {
    "chaudronnier": ("hammer", "flame", "ruler"),
    "soudeur": ("flame", "sparkles", "shield-check"),
    "operateur-usinage": ("settings", "gauge", "ruler"),
    "technicien-maintenance": ("wrench", "cog", "clipboard-check"),
    "technicien-eolien": ("fan", "wind", "hard-hat"),
    "pilote-ligne-batteries": ("battery-charging", "factory", "gauge"),
    "conducteur-ligne-alimentaire": ("factory", "milk", "gauge"),
    "plasturgiste": ("shapes", "droplet", "thermometer"),
    "regleur-plasturgie": ("gauge", "shapes", "wrench"),
    "technicien-electronique": ("circuit-board", "cpu", "zap"),
    "horloger": ("watch", "clock", "cog"),
    "ebeniste": ("armchair", "paintbrush", "tree-pine"),
    "menuisier": ("ruler", "trees", "hammer"),
    "charpentier": ("house", "axe", "hard-hat"),
    "technicien-methodes": ("clipboard-check", "factory", "clock"),
    "dessinateur-projeteur": ("pencil-ruler", "drafting-compass", "layers"),
    "ingenieur-conception": ("drafting-compass", "atom", "lightbulb"),
    "controleur-qualite": ("scan-search", "clipboard-check", "ruler"),
    "maroquinier": ("handbag", "scissors", "sparkles"),
    "bijoutier-joaillier": ("gem", "sparkles", "flame"),
    "cariste": ("forklift", "package", "truck"),
    "mecatronicien-automobile": ("car-front", "cpu", "wrench"),
    "technicien-traitement-surface": ("spray-can", "layers", "microscope"),
    "technicien-laboratoire": ("flask-conical", "microscope", "pipette"),
}

OBJETS = {
    "pile-a-combustible": (
        ("battery-charging", "droplet", "zap"),
        (
            "pencil-ruler",
            "flask-conical",
            "layers",
            "settings",
            "spray-can",
            "factory",
            "gauge",
            "flame",
            "car-front",
            "wrench",
        ),
    ),
    "eclairage-automobile": (
        ("lightbulb", "car-front", "sparkles"),
        (
            "drafting-compass",
            "sun",
            "clipboard-check",
            "shapes",
            "sparkles",
            "circuit-board",
            "wrench",
            "scan-search",
            "truck",
            "car-front",
        ),
    ),
    "pot-de-yaourt": (
        ("milk", "cup-soda", "leaf"),
        ("test-tube", "shapes", "thermometer", "factory", "scan-search", "truck"),
    ),
}

AMBASSADEUR = ("sparkles", "hard-hat", "lightbulb")
