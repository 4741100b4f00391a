"""Persistence of live play: the database is the truth of every game.

A GameSession row holds the frozen spec (the game as authored when it was launched) and the
engine's state as JSON; Player / Team rows give identity (nickname, resume token, team);
Answer / Attempt rows record what was played, with database constraints that make counting
an answer twice impossible whatever the Python above them does.

Privacy: students are minors. No account, no e-mail, no IP address here; a nickname, a hashed
resume token and play data only, purged GAMES_RETENTION_DAYS after the session ends.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from games.kinds.registry import choices as kind_choices
from games.models.fast_json import JSONTextField
from games.moderation import nicknames


class GameSession(models.Model):
    pin = models.CharField(_("code PIN"), max_length=6, db_index=True)
    kind = models.CharField(_("type de jeu"), max_length=10, choices=kind_choices)
    title = models.CharField(_("titre"), max_length=255)
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("jeu lancé"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    host = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("enseignant"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="game_sessions",
    )
    spec = models.JSONField(_("jeu tel que lancé"))
    state = JSONTextField(_("état"))
    version = models.PositiveIntegerField(_("version de l'état"), default=0)
    # Sequence of the broadcasts that reach every screen: a client that sees it jump asks
    # for a snapshot (the state version also moves on answers a phone never hears about).
    broadcast_seq = models.PositiveIntegerField(default=0)
    # The same for the frames to one player's phones ("pseq") and to one team's ("tseq"),
    # per player id and team key: {"p": {"12": 5}, "t": {"t1": 2}} (games/services/messages.py
    # Streams). One column written in the batch's one save, never a row per player.
    stream_seqs = JSONTextField(default=dict, blank=True)
    # When the engine must next be ticked (question deadline, end of the escape game):
    # a timestamp in the database, so a restarted or second process finds it.
    next_deadline_ms = models.BigIntegerField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    ended_at = models.DateTimeField(null=True, blank=True, db_index=True)

    class Meta:
        verbose_name = _("partie")
        verbose_name_plural = _("parties")
        constraints = [
            # A PIN is reused only once its session has ended.
            models.UniqueConstraint(
                fields=["pin"], condition=Q(ended_at__isnull=True), name="unique_open_pin"
            )
        ]

    def __str__(self):
        return f"{self.title} ({self.pin})"

    @property
    def is_open(self) -> bool:
        return self.ended_at is None


class Team(models.Model):
    session = models.ForeignKey(GameSession, on_delete=models.CASCADE, related_name="teams")
    key = models.CharField(max_length=20)
    name = models.CharField(_("nom"), max_length=nicknames.TEAM_NAME_MAX_LENGTH)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["session", "key"], name="unique_team_key"),
        ]

    def __str__(self):
        return self.name


class Player(models.Model):
    session = models.ForeignKey(GameSession, on_delete=models.CASCADE, related_name="players")
    nickname = models.CharField(_("pseudo"), max_length=nicknames.MAX_LENGTH)
    # The nickname's skeleton (case, accents, spaces, look-alike letters and leetspeak
    # folded): uniqueness as a person reads it.
    nickname_key = models.CharField(max_length=nicknames.MAX_LENGTH)
    # SHA-256 of the resume token kept on the phone; the token itself is never stored.
    token_hash = models.CharField(max_length=64, unique=True)
    team = models.ForeignKey(
        Team, null=True, blank=True, on_delete=models.SET_NULL, related_name="members"
    )
    joined_at = models.DateTimeField(auto_now_add=True)
    # Presence: refreshed by the phone's socket (connect, heartbeat), and `disconnected_at`
    # set when it closes. A process that dies runs no disconnect handler, so a player is
    # also shown offline once `last_seen_at` is older than presence.STALE_AFTER_S.
    last_seen_at = models.DateTimeField(null=True, blank=True)
    disconnected_at = models.DateTimeField(null=True, blank=True)
    kicked = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("joueur")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "nickname_key"], name="unique_nickname_in_session"
            ),
        ]

    def __str__(self):
        return self.nickname

    @property
    def engine_id(self) -> str:
        return str(self.pk)


class Answer(models.Model):
    session = models.ForeignKey(GameSession, on_delete=models.CASCADE, related_name="answers")
    player = models.ForeignKey(Player, on_delete=models.CASCADE, related_name="answers")
    question_index = models.PositiveSmallIntegerField()
    payload = models.JSONField()
    fraction = models.FloatField()
    points = models.PositiveIntegerField()
    elapsed_ms = models.PositiveIntegerField()
    answered_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            # Counted once: a second answer to the same question cannot be stored.
            models.UniqueConstraint(fields=["player", "question_index"], name="one_answer"),
        ]

    def __str__(self):
        return f"{self.player} · question {self.question_index + 1}"


class Attempt(models.Model):
    session = models.ForeignKey(GameSession, on_delete=models.CASCADE, related_name="attempts")
    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="attempts")
    player = models.ForeignKey(Player, null=True, on_delete=models.SET_NULL, related_name="+")
    enigme_id = models.CharField(max_length=40)
    code = models.CharField(max_length=100)
    correct = models.BooleanField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            # Two phones sending the right code at once solve the énigme once.
            models.UniqueConstraint(
                fields=["team", "enigme_id"], condition=Q(correct=True), name="one_solution"
            ),
        ]

    def __str__(self):
        return f"{self.team} · {self.enigme_id} · {self.code}"
