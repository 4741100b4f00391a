"""« Chiffres clés »: the impact figures as a block editors may place on the home page."""

from __future__ import annotations

import datetime

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from games.impact.figures import Filters, key_figures


class Period(blocks.ChoiceBlock):
    choices = [
        ("all", _("Depuis le début")),
        ("school_year", _("Depuis la rentrée (1er septembre)")),
        ("twelve_months", _("Les 12 derniers mois")),
    ]


def period_start(period: str, today: datetime.date) -> datetime.date | None:
    if period == "school_year":
        return datetime.date(today.year if today.month >= 9 else today.year - 1, 9, 1)
    if period == "twelve_months":
        return today - datetime.timedelta(days=365)
    return None


class KeyFiguresBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titre"), max_length=80, default=_("Chiffres clés"))
    period = Period(label=_("Période"), default="all")
    include_demo = blocks.BooleanBlock(
        label=_("Compter les données de démonstration"),
        required=False,
        help_text=_("Seulement sur un site de démonstration : ces chiffres ne sont pas réels."),
    )

    class Meta:
        icon = "table"
        label = _("Chiffres clés")
        template = "components/key_figures_block.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        filters = Filters(
            start=period_start(value["period"], timezone.localdate()),
            without_demo=not value["include_demo"],
        )
        context["figures"] = key_figures(filters.sessions())
        context["trades"] = filters.rows_of_trades_count()
        return context
