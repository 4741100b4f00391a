"""The map drawn by the server: which part of the region to show and where the markers go.

No tile server and no script: the base layer is a static SVG (fond-bfc.svg) and the markers are
SVG circles placed with metiers.territoire.projection. Markers closer than a few pixels merge
into one numbered cluster, which links to a closer view.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import geo, projection

# Marker radius as a share of the width shown: about 7 px on a 360 px phone, 12 px on a desktop.
MARKER_SHARE = 0.012
# Markers whose centres are closer than this many radii merge into a cluster.
CLUSTER_RADII = 3.6  # room for the 1.7 times bigger markers of phones (territoire.css)
DEFAULT_COLOUR = "#1d4ed8"
MARGIN = 0.06  # around a zoomed département, as a share of its size


@dataclass
class Point:
    """Something to place: a company or an event."""

    key: int
    label: str
    url: str
    longitude: float
    latitude: float
    colour: str = DEFAULT_COLOUR
    commune: str = ""
    departement: str = ""


@dataclass
class Marker:
    x: float
    y: float
    points: list[Point] = field(default_factory=list)
    url: str = ""

    @property
    def count(self) -> int:
        return len(self.points)

    @property
    def label(self) -> str:
        return self.points[0].label if self.count == 1 else ""

    @property
    def colour(self) -> str:
        return self.points[0].colour


@dataclass
class ViewBox:
    x: float
    y: float
    width: float
    height: float

    # The base layer's size, for the template.
    full_width = projection.WIDTH
    full_height = projection.HEIGHT

    def __str__(self) -> str:
        return f"{self.x:g} {self.y:g} {self.width:g} {self.height:g}"

    @property
    def radius(self) -> float:
        return round(self.width * MARKER_SHARE, 1)

    @property
    def cluster_radius(self) -> float:
        return round(self.radius * 1.5, 1)

    @property
    def font_size(self) -> float:
        return round(self.radius * 1.1, 1)

    @property
    def stroke(self) -> float:
        return round(self.radius / 5, 2)


FULL_VIEW = ViewBox(0, 0, projection.WIDTH, projection.HEIGHT)


def view_of(bbox: tuple[float, float, float, float]) -> ViewBox:
    """A view on a (west, south, east, north) box with the full map's proportions."""
    x0, y0 = projection.project(bbox[0], bbox[3])
    x1, y1 = projection.project(bbox[2], bbox[1])
    width, height = (x1 - x0) * (1 + 2 * MARGIN), (y1 - y0) * (1 + 2 * MARGIN)
    ratio = projection.WIDTH / projection.HEIGHT
    if width / height < ratio:
        width = height * ratio
    else:
        height = width / ratio
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    return ViewBox(
        round(cx - width / 2, 1), round(cy - height / 2, 1), round(width, 1), round(height, 1)
    )


def departement_view(code: str) -> ViewBox:
    departement = geo.departements().get(code)
    return view_of(departement.bbox) if departement else FULL_VIEW


def place(points: list[Point], view: ViewBox, cluster_url) -> list[Marker]:
    """Markers for the points, those too close for a finger merged into clusters.

    `cluster_url(points)` tells where a cluster leads (a closer view, or the list).
    """
    reach = view.radius * CLUSTER_RADII
    markers: list[Marker] = []
    # Markers by grid cell of side `reach`: a point only looks at the 9 cells around its own.
    grid: dict[tuple[int, int], list[Marker]] = {}
    for point in sorted(points, key=lambda p: (p.longitude, p.latitude, p.key)):
        x, y = projection.project(point.longitude, point.latitude)
        cx, cy = int(x // reach), int(y // reach)
        around = (
            m for dx in (-1, 0, 1) for dy in (-1, 0, 1) for m in grid.get((cx + dx, cy + dy), ())
        )
        near = next((m for m in around if (m.x - x) ** 2 + (m.y - y) ** 2 < reach**2), None)
        if near is None:
            marker = Marker(x, y, [point], point.url)
            markers.append(marker)
            grid.setdefault((cx, cy), []).append(marker)
        else:
            near.points.append(point)
    for marker in markers:
        if marker.count > 1:
            marker.x = round(
                sum(projection.project(p.longitude, p.latitude)[0] for p in marker.points)
                / marker.count,
                1,
            )
            marker.y = round(
                sum(projection.project(p.longitude, p.latitude)[1] for p in marker.points)
                / marker.count,
                1,
            )
            marker.url = cluster_url(marker.points)
    # Big clusters last, so they are drawn on top of the single markers they overlap.
    return sorted(markers, key=lambda m: m.count)
