"""Mesure la carte des entreprises avec 500 entreprises, sur une base SQLite neuve et jetable.

Usage : python bench/map_load.py [--companies 500] [--loads 10] [--keep]

1. migrate + load_demo dans un fichier temporaire (jamais la base du développeur) ;
2. génère un CSV de N entreprises dans des communes réelles de Bourgogne-Franche-Comté et
   l'importe avec `manage.py import_entreprises` (temps de l'import mesuré, puis relancé) ;
3. lance daphne comme `make run` (réglages de développement, un processus) et mesure :
   - le temps serveur de /carte/ (HTML complet, 20 requêtes) et d'une vue zoomée ;
   - le chargement complet dans Chromium à 360 px (événement `load` : HTML, CSS, fond de
     carte SVG, script), d'abord cache vide puis cache chaud, `--loads` fois chacun.
"""

from __future__ import annotations

import argparse
import csv
import os
import platform
import random
import shutil
import statistics
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from metiers.demo_data import FILIERES as FILIERES_DEMO  # noqa: E402 - after the path set-up
from metiers.territoire import geo  # noqa: E402
from tests.support.live_server import LiveServer, manage  # noqa: E402

FILIERES = [f.slug for f in FILIERES_DEMO]
METIERS = ["soudeur", "chaudronnier", "horloger", "plasturgiste", "ebeniste", "cariste", ""]
REGION = set(geo.departements())  # the region's départements
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


def timed(env, workdir: Path, *args) -> float:
    started = time.perf_counter()
    manage(*args, env=env, log=workdir / "manage.log")
    return time.perf_counter() - started


def write_csv(path: Path, count: int) -> None:
    rng = random.Random(14)
    communes = [c for c in geo.communes() if c.departement in REGION and c.population >= 300]
    with path.open("w", newline="", encoding="utf-8") as f:
        out = csv.writer(f, delimiter=";")
        out.writerow(["nom", "siret", "commune", "code_commune", "filieres", "metiers"])
        for n in range(count):
            commune = rng.choice(communes)
            filieres = "|".join(rng.sample(FILIERES, rng.choice([1, 1, 2])))
            out.writerow(
                [
                    f"Entreprise de banc {n:03d}",
                    f"{90000000000000 + n}",
                    commune.nom,
                    commune.code,
                    filieres,
                    rng.choice(METIERS),
                ]
            )


def server_times(url: str, runs: int = 20) -> list[float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 - our daphne
            body = response.read()
        times.append(time.perf_counter() - started)
    print(f"    {url}: {len(body) // 1024} Kio")
    return times


def browser_loads(url: str, loads: int) -> tuple[list[float], list[float]]:
    from playwright.sync_api import sync_playwright

    cold, warm = [], []
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"]
        )
        for _ in range(loads):
            context = browser.new_context(viewport={"width": 360, "height": 740}, locale="fr-FR")
            page = context.new_page()
            for bucket in (cold, warm):
                page.goto(url, wait_until="load")
                bucket.append(
                    page.evaluate(
                        "() => { const n = performance.getEntriesByType('navigation')[0];"
                        " return (n.loadEventEnd - n.startTime) / 1000; }"
                    )
                )
            context.close()
        browser.close()
    return cold, warm


def summary(label: str, values: list[float]) -> None:
    values = sorted(values)
    p95 = values[min(len(values) - 1, round(0.95 * (len(values) - 1)))]
    print(
        f"  {label}: médiane {statistics.median(values) * 1000:.0f} ms, "
        f"p95 {p95 * 1000:.0f} ms, max {values[-1] * 1000:.0f} ms ({len(values)} mesures)"
    )


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--companies", type=int, default=500)
    parser.add_argument("--loads", type=int, default=10)
    parser.add_argument("--keep", action="store_true", help="garde le dossier temporaire")
    args = parser.parse_args(argv)

    workdir = Path(tempfile.mkdtemp(prefix="bench-carte-"))
    env = dict(
        os.environ,
        DATABASE_URL=f"sqlite:///{workdir / 'bench.sqlite3'}",
        DJANGO_SETTINGS_MODULE="cms.settings.dev",
        PYTHONUNBUFFERED="1",
    )
    env.pop("REDIS_URL", None)
    print(
        f"Machine : {platform.node()}, {os.cpu_count()} cœurs, Python {platform.python_version()}"
    )
    server = None
    try:
        timed(env, workdir, "migrate", "--noinput")
        timed(env, workdir, "load_demo")
        csv_path = workdir / "entreprises.csv"
        write_csv(csv_path, args.companies)
        first = timed(env, workdir, "import_entreprises", str(csv_path))
        again = timed(env, workdir, "import_entreprises", str(csv_path))
        print(
            f"Import de {args.companies} entreprises : {first:.1f} s ; relancé (rien ne change) : {again:.1f} s"
        )
        server = LiveServer(env=env, workdir=workdir).start()
        base = server.url
        urllib.request.urlopen(base + "/carte/", timeout=30).read()  # noqa: S310 - warm-up
        print("Temps serveur (HTML complet) :")
        summary("/carte/", server_times(base + "/carte/"))
        summary("/carte/?departement=25", server_times(base + "/carte/?departement=25"))
        summary("/carte/?filiere=bois", server_times(base + "/carte/?filiere=bois"))
        print("Chargement complet dans Chromium à 360 px (jusqu'à l'événement load) :")
        cold, warm = browser_loads(base + "/carte/", args.loads)
        summary("cache vide", cold)
        summary("cache chaud", warm)
    finally:
        if server is not None:
            server.stop()
        if args.keep:
            print(f"Dossier gardé : {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
