"""Where a longitude/latitude lands on our map of Bourgogne-Franche-Comté.

An equirectangular projection around the region's middle latitude: over a region this small
(about 350 km across) it is within a few pixels of what a mapping library would draw, and it
costs two multiplications, so the server can place 500 markers without any library.
The base layer (static/territoire/fond-bfc.svg) was drawn with these same constants by
metiers/territoire/derive_geodata.py: change one and re-run the other.
"""

import math

WEST, EAST = 2.70, 7.30
SOUTH, NORTH = 46.05, 48.50
_X_STRETCH = math.cos(math.radians((SOUTH + NORTH) / 2))
WIDTH = 1000.0
_SCALE = WIDTH / ((EAST - WEST) * _X_STRETCH)
HEIGHT = round((NORTH - SOUTH) * _SCALE, 1)


def project(lon: float, lat: float) -> tuple[float, float]:
    """SVG user units (0..WIDTH, 0..HEIGHT), y pointing down."""
    return (
        round((lon - WEST) * _X_STRETCH * _SCALE, 1),
        round((NORTH - lat) * _SCALE, 1),
    )


def inside(lon: float, lat: float) -> bool:
    return WEST <= lon <= EAST and SOUTH <= lat <= NORTH
