"""What is kept of each session for the impact figures: counts, trades, and the class context.

One SessionImpact row per session (created by the context form at launch, or when the session
is recorded at its end), one SessionTrade row per trade it led to and one SessionFiliere row per
filière of those trades. The dashboard sums these rows with GROUP BY: the columns it groups or
filters on most (the date) is copied onto the child rows, so that a date range reads one indexed
table instead of joining 100,000 trade rows to their sessions.

No student data: counts only. The link to the GameSession is dropped by the purge (SET_NULL);
titles are copied because pages get renamed or deleted.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from games.impact.departements import DEPARTEMENT_CHOICES
from games.kinds.registry import choices as kind_choices


class Level(models.TextChoices):
    ECOLE = "ecole", _("École (CM1-CM2)")
    COLLEGE = "college", _("Collège")
    LYCEE_GENERAL = "lycee_general", _("Lycée général et technologique")
    LYCEE_PRO = "lycee_pro", _("Lycée professionnel")
    APPRENTIS = "apprentis", _("Apprentis (CFA)")
    SUPERIEUR = "superieur", _("Enseignement supérieur")
    DEMANDEURS = "demandeurs", _("Demandeurs d'emploi")
    AUTRE = "autre", _("Autre public")


class SessionImpact(models.Model):
    session = models.OneToOneField(
        "games.GameSession",
        verbose_name=_("partie"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="impact",
    )
    game = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("jeu"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    game_title = models.CharField(_("jeu"), max_length=255, blank=True)
    # Who hosted it: the teacher finds the counts in « Mes parties » once the play data is
    # purged. A member of staff, never a student.
    host = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("enseignant"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    kind = models.CharField(_("type de jeu"), max_length=10, choices=kind_choices)
    started_at = models.DateTimeField(_("début"))
    played_on = models.DateField(_("date"))
    # First day of played_on's month: the monthly table groups on a plain column.
    month = models.DateField(_("mois"))
    duration_s = models.PositiveIntegerField(_("durée (s)"), null=True, blank=True)
    # Null until the session has been counted (it ended, or the purge counted it).
    recorded_at = models.DateTimeField(_("comptée le"), null=True, blank=True)
    finished = models.BooleanField(_("terminée"), default=False)
    players = models.PositiveIntegerField(_("joueurs"), default=0)
    teams = models.PositiveIntegerField(_("équipes"), default=0)
    answers = models.PositiveIntegerField(_("réponses"), default=0)
    questions = models.PositiveIntegerField(_("questions ou énigmes jouées"), default=0)
    trades_shown = models.PositiveIntegerField(_("métiers montrés"), default=0)
    trade_discoveries = models.PositiveIntegerField(_("découvertes de métiers"), default=0)

    # The class context, typed by the teacher or an editor; never about a student.
    level = models.CharField(_("niveau"), max_length=20, choices=Level.choices, blank=True)
    etablissement = models.CharField(_("établissement"), max_length=200, blank=True)
    commune = models.CharField(_("commune"), max_length=100, blank=True)
    departement = models.CharField(
        _("département"),
        max_length=3,
        choices=DEPARTEMENT_CHOICES,
        blank=True,
    )
    event = models.CharField(
        _("événement"),
        max_length=120,
        blank=True,
        help_text=_("Forum, semaine de l'industrie… Laisser vide pour une séance en classe."),
    )
    is_demo = models.BooleanField(_("démonstration"), default=False)

    class Meta:
        verbose_name = _("bilan d'une partie")
        verbose_name_plural = _("bilans des parties")
        permissions = [("view_impact", _("Voir le tableau de bord d'impact"))]
        indexes = [
            # Every dashboard query filters on the recorded sessions of a date range.
            models.Index(fields=["played_on"], name="impact_played_on"),
            models.Index(fields=["month", "players"], name="impact_month"),
        ]

    def __str__(self):
        return f"{self.game_title} · {self.played_on}"


class ReachRow(models.Model):
    """What a trade row and a filière row share: a name, its session's date, players reached."""

    title = models.CharField(_("nom"), max_length=255)
    players_reached = models.PositiveIntegerField(_("élèves touchés"), default=0)
    played_on = models.DateField(_("date"))

    class Meta:
        abstract = True

    def __str__(self):
        return f"{self.title} · {self.players_reached}"


class SessionTrade(ReachRow):
    """A trade (fiche métier) a session led to, and how many of its players discovered it."""

    impact = models.ForeignKey(SessionImpact, on_delete=models.CASCADE, related_name="trades")
    metier = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("fiche métier"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("métier d'une partie")
        constraints = [
            models.UniqueConstraint(fields=["impact", "title"], name="impact_one_trade_row"),
        ]
        indexes = [models.Index(fields=["played_on", "title"], name="impact_trade_day")]


class SessionFiliere(ReachRow):
    """A filière reached through the trades of a session (a trade may belong to several)."""

    impact = models.ForeignKey(SessionImpact, on_delete=models.CASCADE, related_name="filieres")
    filiere = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("filière"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("filière d'une partie")
        constraints = [
            models.UniqueConstraint(fields=["impact", "title"], name="impact_one_filiere_row"),
        ]
        indexes = [models.Index(fields=["played_on", "title"], name="impact_filiere_day")]
