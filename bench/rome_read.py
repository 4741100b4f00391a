"""Mesure la lecture du référentiel ROME (sans base de données).

Usage : python bench/rome_read.py [DOSSIER] [--domain H]
Par défaut DOSSIER = ../shared/data/rome-v460 (relatif au dépôt).
Affiche les volumes lus et le meilleur temps sur 3 essais.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # lancé en script : le paquet est à la racine du dépôt

from metiers.rome import load_referential  # noqa: E402

DEFAULT_DIR = ROOT.parent / "shared" / "data" / "rome-v460"
RUNS = 3


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", nargs="?", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--domain", default=None, help="préfixe de code ROME, ex. H ou H29")
    args = parser.parse_args(argv)

    timings = []
    referential = None
    for _ in range(RUNS):
        started = time.perf_counter()
        referential = load_referential(args.directory, domain=args.domain)
        timings.append(time.perf_counter() - started)

    assert referential is not None
    fiches = referential.fiches.values()
    print(f"dossier       : {args.directory} (v{referential.version})")
    print(f"domaine       : {referential.domain or 'tous'}")
    print(f"fiches        : {len(referential.fiches)}")
    print(f"appellations  : {referential.appellation_count}")
    print(f"liens lus     : {referential.rows.get('liens_rome_referentiels', 0)}")
    print(f"compétences   : {sum(len(g.competences) for f in fiches for g in f.competences)}")
    print(f"savoirs       : {sum(len(g.savoirs) for f in fiches for g in f.savoirs)}")
    print(f"contextes     : {sum(len(g.contextes) for f in fiches for g in f.contextes)}")
    print(f"mobilités     : {sum(len(f.mobilites) for f in fiches)}")
    print(f"lignes lues   : {sum(referential.rows.values())} dans {len(referential.rows)} fichiers")
    print(
        f"temps         : meilleur {min(timings):.2f} s sur {RUNS} ({', '.join(f'{t:.2f}' for t in timings)})"
    )
    print(
        f"machine       : {os.cpu_count()} CPU, Python {platform.python_version()} "
        f"({platform.python_implementation()}), {platform.machine()}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
