"""Mesure le tableau de bord d'impact sur une base remplie : 10 000 parties, 300 000 élèves.

Usage : python bench/impact_dashboard.py [--sessions 10000] [--runs 15] [--database-url URL]

Sans --database-url, une base SQLite neuve et jetable (jamais db.sqlite3) ; avec une URL
PostgreSQL, la base indiquée doit être vide et jetable. La base est migrée puis remplie
directement (bulk_create) : 10 000 parties d'environ 30 élèves sur deux années scolaires,
4 à 8 métiers et 1 à 3 filières par partie. Puis la vue du tableau de bord est appelée
par le client de test de Django (rendu du gabarit compris, sans réseau), sans filtre puis
avec une plage de dates et un niveau ; on donne la médiane et le pire des appels.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TRADES = [f"Métier {number:03d}" for number in range(1, 181)]
FILIERES = [f"Filière {number:02d}" for number in range(1, 13)]
DEPARTEMENTS = ["01", "38", "42", "69", "73", "74", "26", "63", "75", "13", "59", "33"]
LEVELS = ["college", "lycee_pro", "lycee_general", "apprentis", "demandeurs"]
EVENTS = ["", "", "", "Semaine de l'industrie", "Forum des métiers"]


def fill(sessions: int, players_total: int) -> None:
    from django.utils import timezone

    from games.impact.models import SessionFiliere, SessionImpact, SessionTrade

    rng = random.Random(15)
    first = datetime.date(2024, 9, 2)
    per_session = players_total // sessions
    batch = 2000
    for start in range(0, sessions, batch):
        impacts = []
        for _n in range(start, min(start + batch, sessions)):
            day = first + datetime.timedelta(days=rng.randint(0, 660))
            at = timezone.make_aware(datetime.datetime.combine(day, datetime.time(10)))
            impacts.append(
                SessionImpact(
                    game_title=f"Jeu {rng.randint(1, 40)}",
                    kind=rng.choice(["quiz", "parcours", "escape"]),
                    started_at=at,
                    played_on=day,
                    month=day.replace(day=1),
                    duration_s=rng.randint(900, 3300),
                    recorded_at=at,
                    finished=True,
                    players=per_session,
                    answers=per_session * 8,
                    questions=8,
                    level=rng.choice(LEVELS),
                    etablissement=f"Établissement {rng.randint(1, 600)}",
                    departement=rng.choice(DEPARTEMENTS),
                    event=rng.choice(EVENTS),
                )
            )
        SessionImpact.objects.bulk_create(impacts)
        trades, filieres = [], []
        for impact in impacts:
            shown = rng.sample(TRADES, rng.randint(4, 8))
            trades += [
                SessionTrade(
                    impact=impact,
                    title=title,
                    players_reached=rng.randint(per_session // 2, per_session),
                    played_on=impact.played_on,
                )
                for title in shown
            ]
            filieres += [
                SessionFiliere(
                    impact=impact,
                    title=title,
                    players_reached=rng.randint(per_session // 2, per_session),
                    played_on=impact.played_on,
                )
                for title in rng.sample(FILIERES, rng.randint(1, 3))
            ]
            impact.trades_shown = len(shown)
            impact.trade_discoveries = sum(t.players_reached for t in trades[-len(shown) :])
        SessionImpact.objects.bulk_update(impacts, ["trades_shown", "trade_discoveries"])
        SessionTrade.objects.bulk_create(trades, batch_size=5000)
        SessionFiliere.objects.bulk_create(filieres, batch_size=5000)


def timed(client, url: str, runs: int) -> list[float]:
    times = []
    for _run in range(runs):
        started = time.perf_counter()
        response = client.get(url, HTTP_HOST="localhost")
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, response.status_code
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=10_000)
    parser.add_argument("--players", type=int, default=300_000)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--database-url")
    args = parser.parse_args()

    workdir = tempfile.mkdtemp(prefix="bench-impact-")
    os.environ["DATABASE_URL"] = args.database_url or f"sqlite:///{workdir}/bench.sqlite3"
    os.environ["DJANGO_SETTINGS_MODULE"] = "cms.settings.test"
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from games.impact.models import SessionFiliere, SessionImpact, SessionTrade

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    fill(args.sessions, args.players)
    filled = time.perf_counter() - started
    print(
        f"{connection.vendor} · {SessionImpact.objects.count()} parties, "
        f"{sum(SessionImpact.objects.values_list('players', flat=True))} élèves, "
        f"{SessionTrade.objects.count()} lignes métier, {SessionFiliere.objects.count()} "
        f"lignes filière (remplissage {filled:.1f} s)"
    )
    user = get_user_model().objects.create_superuser("bench", password=None)
    client = Client()
    client.force_login(user)
    client.get("/admin/impact/", HTTP_HOST="localhost")  # warm-up: templates, first queries
    for label, query in [
        ("sans filtre", ""),
        ("une année scolaire", "?start=2024-09-01&end=2025-06-30"),
        ("un mois, collège", "?start=2025-03-01&end=2025-03-31&level=college"),
        ("export XLSX, sans filtre", "export.xlsx"),
    ]:
        url = f"/admin/impact/{query}"
        times = timed(client, url, args.runs)
        print(
            f"{label:28} médiane {statistics.median(times):6.0f} ms · "
            f"pire {max(times):6.0f} ms ({args.runs} appels)"
        )
    print(
        f"{platform.processor() or platform.machine()}, {os.cpu_count()} CPU, Python {platform.python_version()}"
    )
    print(f"charge moyenne : {os.getloadavg()}")


if __name__ == "__main__":
    main()
