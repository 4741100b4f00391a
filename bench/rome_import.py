"""Mesure l'import ROME dans Wagtail, sur une base SQLite neuve et jetable.

Usage : python bench/rome_import.py [DOSSIER] [--domain H] [--keep]
Par défaut DOSSIER = ../shared/data/rome-v460 (relatif au dépôt).

Chaque étape est un ``manage.py`` lancé avec DATABASE_URL vers un fichier temporaire : la
base du développeur (db.sqlite3) n'est jamais ouverte. Mesure le premier import (tout est
créé) puis le second (rien n'a changé), temps réel de la commande, démarrage compris.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DIR = ROOT.parent / "shared" / "data" / "rome-v460"

# Lancé dans la base jetable après les imports : l'arbre, les volumes, l'index.
CHECK = """
from wagtail.models import Page, Revision, ReferenceIndex
from metiers.models import CentreInteret, MetierPage
from wagtail.search.backends import get_search_backend
problems = Page.find_problems()
print("fiches", MetierPage.objects.count())
print("brouillons", MetierPage.objects.filter(live=False).count())
print("revisions", Revision.objects.filter(object_id__in=[str(pk) for pk in MetierPage.objects.values_list("pk", flat=True)]).count())
print("centres", CentreInteret.objects.count())
print("liens_proches", MetierPage.metiers_proches.through.objects.count())
print("references", ReferenceIndex.objects.count())
print("treebeard_problems", sum(len(p) for p in problems))
print("recherche_chaudronnier", get_search_backend().search("chaudronnier", MetierPage).count())
"""


def manage(env: dict[str, str], *args: str) -> tuple[float, str]:
    started = time.perf_counter()
    result = subprocess.run(  # noqa: S603 - notre manage.py, arguments fixes
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        sys.exit(f"manage.py {' '.join(args)} a échoué :\n{result.stdout}\n{result.stderr}")
    return elapsed, result.stdout


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", nargs="?", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--domain", default=None, help="préfixe de code ROME, ex. H ou H29")
    parser.add_argument("--keep", action="store_true", help="garder la base jetable")
    args = parser.parse_args(argv)

    workdir = Path(tempfile.mkdtemp(prefix="bench-rome-"))
    database = workdir / "bench.sqlite3"
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{database}",
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
    }
    try:
        manage(env, "migrate", "--noinput", "-v", "0")
        manage(env, "shell", "-c", "from cms.demo import load; load()")
        command = ["import_rome", str(args.directory), "--no-progress"]
        if args.domain:
            command += ["--domain", args.domain]
        first, first_out = manage(env, *command)
        second, second_out = manage(env, *command)
        _, checks = manage(env, "shell", "-c", CHECK)
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)

    print(f"commande      : python manage.py {' '.join(command)}")
    print(f"base          : SQLite neuve {database}{' (gardée)' if args.keep else ''}")
    print(f"1er import    : {first:.1f} s (démarrage de Django compris)")
    print(_indent(first_out))
    print(f"2e import     : {second:.1f} s (rien n'a changé)")
    print(_indent(second_out))
    print("vérifications :")
    print(_indent(checks))
    print(
        f"machine       : {os.cpu_count()} CPU, Python {platform.python_version()} "
        f"({platform.python_implementation()}), {platform.machine()}"
    )
    return 0


def _indent(text: str) -> str:
    return "\n".join(f"    {line}" for line in text.strip().splitlines())


if __name__ == "__main__":
    raise SystemExit(main())
