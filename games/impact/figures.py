"""The dashboard's figures: sums of the aggregate rows, grouped by one column each.

Every table is a `FigureTable` (a title, column headings, rows of a label and numbers) so the
page, the CSV and the XLSX exports show the same numbers from the same code.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet, Sum
from django.utils import formats
from django.utils.translation import gettext as _

from games.impact.departements import DEPARTEMENTS
from games.impact.models import Level, SessionFiliere, SessionImpact, SessionTrade
from games.kinds.registry import choices as kind_choices


@dataclass(frozen=True)
class Filters:
    start: datetime.date | None = None
    end: datetime.date | None = None
    kind: str = ""
    level: str = ""
    departement: str = ""
    event: str = ""
    without_demo: bool = False

    def sessions(self) -> QuerySet[SessionImpact]:
        sessions = SessionImpact.objects.filter(recorded_at__isnull=False)
        if self.start:
            sessions = sessions.filter(played_on__gte=self.start)
        if self.end:
            sessions = sessions.filter(played_on__lte=self.end)
        for name in ("kind", "level", "departement", "event"):
            if getattr(self, name):
                sessions = sessions.filter(**{name: getattr(self, name)})
        if self.without_demo:
            sessions = sessions.filter(is_demo=False)
        return sessions

    def rows_of(self, model) -> QuerySet:
        """Trade or filière rows of the chosen sessions; a date range alone reads the child
        table's own (indexed) date, without a join."""
        rows = model.objects.all()
        if self.start:
            rows = rows.filter(played_on__gte=self.start)
        if self.end:
            rows = rows.filter(played_on__lte=self.end)
        joined = {
            f"impact__{name}": getattr(self, name)
            for name in ("kind", "level", "departement", "event")
            if getattr(self, name)
        }
        if self.without_demo:
            joined["impact__is_demo"] = False
        # recorded_at is set on every session that has child rows: no filter needed for it.
        return rows.filter(**joined) if joined else rows

    def rows_of_trades_count(self) -> int:
        """How many different trades the chosen sessions showed."""
        return self.rows_of(SessionTrade).values("title").distinct().count()


@dataclass
class FigureTable:
    key: str
    title: str
    columns: list[str]
    rows: list[list] = field(default_factory=list)
    # The column the bars show (an index into a row), and how many rows the page shows.
    chart_column: int = 2
    shown: int = 15

    @property
    def peak(self) -> int:
        return max((row[self.chart_column] or 0 for row in self.rows), default=0)

    def rows_with_bars(self) -> list[tuple[list, float]]:
        peak = self.peak or 1
        return [
            (row, 100 * (row[self.chart_column] or 0) / peak) for row in self.rows[: self.shown]
        ]

    @property
    def hidden(self) -> int:
        return max(len(self.rows) - self.shown, 0)


def key_figures(sessions: QuerySet[SessionImpact]) -> dict[str, int]:
    totals = sessions.aggregate(
        sessions=Count("id"),
        players=Sum("players"),
        teams=Sum("teams"),
        answers=Sum("answers"),
        questions=Sum("questions"),
        discoveries=Sum("trade_discoveries"),
        seconds=Sum("duration_s"),
        demo=Count("id", filter=Q(is_demo=True)),
        etablissements=Count("etablissement", distinct=True, filter=~Q(etablissement="")),
    )
    figures = {name: value or 0 for name, value in totals.items()}
    figures["hours"] = round(figures.pop("seconds") / 3600)
    return figures


def _grouped(sessions, column: str) -> list[tuple]:
    return list(
        sessions.values_list(column)
        .annotate(count=Count("id"), players=Sum("players"))
        .order_by("-players", column)
    )


def _by_month(sessions) -> list[list]:
    rows = sessions.values_list("month").annotate(
        count=Count("id"), players=Sum("players"), discoveries=Sum("trade_discoveries")
    )
    return [
        [formats.date_format(month, "F Y"), count, players, discoveries]
        for month, count, players, discoveries in rows.order_by("month")
    ]


def _reached(rows) -> list[list]:
    grouped = (
        rows.values_list("title")
        .annotate(count=Count("id"), players=Sum("players_reached"))
        .order_by("-players", "title")
    )
    return [[title, count, players] for title, count, players in grouped]


def _labelled(sessions, column: str, labels: dict, blank: str) -> list[list]:
    return [
        [labels.get(value, value) if value else blank, count, players]
        for value, count, players in _grouped(sessions, column)
    ]


def figure_tables(filters: Filters) -> list[FigureTable]:
    sessions = filters.sessions()
    count, pupils = _("Parties"), _("Élèves")
    reached = _("Élèves qui l'ont découvert")
    unknown = _("Non renseigné")
    return [
        FigureTable(
            "mois",
            _("Par mois"),
            [_("Mois"), count, pupils, _("Découvertes de métiers")],
            _by_month(sessions),
            shown=24,
        ),
        FigureTable(
            "filieres",
            _("Par filière"),
            [_("Filière"), count, _("Élèves touchés")],
            _reached(filters.rows_of(SessionFiliere)),
        ),
        FigureTable(
            "metiers",
            _("Par métier"),
            [_("Métier"), count, reached],
            _reached(filters.rows_of(SessionTrade)),
        ),
        FigureTable(
            "departements",
            _("Par département"),
            [_("Département"), count, pupils],
            _labelled(
                sessions,
                "departement",
                {code: f"{code} · {name}" for code, name in DEPARTEMENTS.items()},
                unknown,
            ),
        ),
        FigureTable(
            "jeux",
            _("Par jeu"),
            [_("Jeu"), count, pupils],
            _labelled(sessions, "game_title", {}, unknown),
        ),
        FigureTable(
            "types",
            _("Par type de jeu"),
            [_("Type de jeu"), count, pupils],
            _labelled(sessions, "kind", dict(kind_choices()), unknown),
        ),
        FigureTable(
            "evenements",
            _("Par événement"),
            [_("Événement"), count, pupils],
            _labelled(sessions, "event", {}, _("En classe (sans événement)")),
        ),
        FigureTable(
            "niveaux",
            _("Par niveau"),
            [_("Niveau"), count, pupils],
            _labelled(sessions, "level", dict(Level.choices), unknown),
        ),
    ]
