"""A school year of demo impact figures, so the dashboard shows something on a fresh run.

Every row is flagged `is_demo` (the dashboard says so and can leave them out). Built from the
demo games and fiches with a fixed random seed; loaded once (idempotent: rows already there are
kept as they are).
"""

from __future__ import annotations

import datetime
import random
from collections import defaultdict

from django.db import transaction
from django.utils import timezone

from games.impact.models import Level, SessionFiliere, SessionImpact, SessionTrade
from games.models import LAUNCHABLE_PAGES
from metiers.models import MetierPage

SEED = 2026
SESSIONS = 240
# (département, commune, établissement, level): the classes of the demo year.
CLASSES = [
    ("69", "Lyon", "Collège Jean Moulin", Level.COLLEGE),
    ("69", "Vénissieux", "Lycée professionnel Marcel Sembat", Level.LYCEE_PRO),
    ("42", "Saint-Étienne", "Collège Gambetta", Level.COLLEGE),
    ("38", "Grenoble", "Lycée Vaucanson", Level.LYCEE_GENERAL),
    ("01", "Bourg-en-Bresse", "CFA de l'industrie de l'Ain", Level.APPRENTIS),
    ("74", "Annecy", "Collège Les Barattes", Level.COLLEGE),
    ("63", "Clermont-Ferrand", "Agence France Travail Clermont", Level.DEMANDEURS),
    ("26", "Valence", "Lycée Algoud-Laffemas", Level.LYCEE_PRO),
]
EVENTS = ["", "", "", "Semaine de l'industrie", "Forum des métiers de Lyon"]
# School months, September to June, with the weight of each (fewer games in holidays).
MONTHS = [(9, 2), (10, 3), (11, 4), (12, 2), (1, 3), (2, 2), (3, 5), (4, 3), (5, 3), (6, 1)]


def school_year(today: datetime.date) -> int:
    """The September year of the last school year that has started by `today`."""
    return today.year if today.month >= 9 else today.year - 1


def _day(rng: random.Random, first_year: int) -> datetime.date:
    month = rng.choices([m for m, _w in MONTHS], weights=[w for _m, w in MONTHS])[0]
    year = first_year if month >= 9 else first_year + 1
    day = datetime.date(year, month, rng.randint(1, 28))
    while day.weekday() >= 5:  # games are played on school days
        day += datetime.timedelta(days=1)
    return day


def _session(rng, games, day) -> SessionImpact:
    departement, commune, etablissement, level = rng.choice(CLASSES)
    event = rng.choice(EVENTS)
    game = rng.choice(games)
    players = rng.randint(80, 300) if event else rng.randint(12, 32)
    kind = game.specific_class.game_kind
    start = timezone.make_aware(datetime.datetime.combine(day, datetime.time(rng.randint(8, 16))))
    return SessionImpact(
        game=game,
        game_title=game.title,
        kind=kind,
        started_at=start,
        played_on=day,
        month=day.replace(day=1),
        duration_s=rng.randint(15, 55) * 60,
        recorded_at=start,
        finished=True,
        players=players,
        teams=rng.randint(4, 8) if kind == "escape" else 0,
        answers=players * rng.randint(6, 12),
        questions=rng.randint(6, 12),
        level=level,
        etablissement=etablissement,
        commune=commune,
        departement=departement,
        event=event,
        is_demo=True,
    )


def _reach(rng, impact, metiers, filieres_of) -> tuple[list, list]:
    trades, by_filiere = [], defaultdict(int)
    for metier in rng.sample(metiers, k=min(len(metiers), rng.randint(3, 6))):
        reached = rng.randint(impact.players // 2, impact.players)
        trades.append(
            SessionTrade(
                impact=impact,
                metier=metier,
                title=metier.title,
                players_reached=reached,
                played_on=impact.played_on,
            )
        )
        for filiere in filieres_of.get(metier.pk, []):
            by_filiere[filiere] = min(impact.players, max(by_filiere[filiere], reached))
    filieres = [
        SessionFiliere(
            impact=impact,
            filiere_id=filiere_id,
            title=title,
            players_reached=reached,
            played_on=impact.played_on,
        )
        for (filiere_id, title), reached in by_filiere.items()
    ]
    return trades, filieres


@transaction.atomic
def load(stdout=None) -> None:
    if SessionImpact.objects.filter(is_demo=True).exists():
        if stdout:
            stdout.write("Impact : données de démonstration déjà en place.")
        return
    games = [page for model in LAUNCHABLE_PAGES for page in model.objects.live().order_by("pk")]
    metiers = list(MetierPage.objects.live().order_by("pk"))
    if not games or not metiers:
        if stdout:
            stdout.write("Impact : pas de jeu ni de fiche de démonstration, rien à compter.")
        return
    filieres_of = defaultdict(list)
    for metier_id, filiere_id, title in MetierPage.filieres.through.objects.values_list(
        "metierpage_id", "filierepage_id", "filierepage__title"
    ):
        filieres_of[metier_id].append((filiere_id, title))
    rng = random.Random(SEED)  # noqa: S311 - demo figures, not a secret
    first_year = school_year(timezone.localdate()) - 1  # the last complete school year
    impacts = [_session(rng, games, _day(rng, first_year)) for _n in range(SESSIONS)]
    SessionImpact.objects.bulk_create(impacts)
    trades, filieres = [], []
    for impact in impacts:
        impact_trades, impact_filieres = _reach(rng, impact, metiers, filieres_of)
        impact.trades_shown = len(impact_trades)
        impact.trade_discoveries = sum(trade.players_reached for trade in impact_trades)
        trades += impact_trades
        filieres += impact_filieres
    SessionImpact.objects.bulk_update(impacts, ["trades_shown", "trade_discoveries"])
    SessionTrade.objects.bulk_create(trades)
    SessionFiliere.objects.bulk_create(filieres)
    if stdout:
        stdout.write(
            f"Impact : {SESSIONS} parties de démonstration sur l'année {first_year}-{first_year + 1}."
        )
