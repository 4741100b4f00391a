"""What the host screen and the phone shell share: socket address, first snapshot, UI texts.

The ES modules hold no French: every sentence they show is translated here, with the rest of
the site's messages, and handed to them as JSON in the page.
"""

from __future__ import annotations

import json

from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from games.services.clock import now_ms
from games.services.snapshots import snapshot_frame
from games.wording import ordinal_forms, plural_forms


def socket_path(pin: str, role: str) -> str:
    return f"/ws/jeu/{pin}/{'hote' if role == 'host' else 'joueur'}/"


def initial_snapshot(
    session, role: str, *, player_id: str | None = None, team_id: str | None = None
) -> dict:
    """The snapshot frame the socket would send first: the page paints before it connects,
    and an ended game (whose socket is refused) still shows its end screen."""
    frame = snapshot_frame(session, role, player_id=player_id, team_id=team_id, now_ms=now_ms())
    return {**json.loads(frame), "ended": session.ended_at is not None}


def results_url(pin: str) -> str:
    return reverse("games:results", kwargs={"pin": pin})


class Screens:
    """A kind's pages around the live game; this base is solo play, as the quiz plays.

    The views (games/views/) build what every kind shares (PIN, nickname form, cookie, socket
    address) and hand it here; a kind's `screens` module subclasses what it does differently.
    """

    host_template = "games/host.html"
    player_template = "games/player.html"
    nickname_template = "games/nickname.html"

    def join_form(self, base_form, session, *args, **kwargs):
        """The nickname form of this kind (an escape game adds the team choice)."""
        return base_form(*args, **kwargs)

    def join_choices(self, form) -> dict:
        """What the join form chose besides the nickname, for `join_session`."""
        return {}

    def refused_field(self, code: str) -> str:
        """The form field a join refusal (an engine code) is shown next to."""
        return "nickname"

    def nickname_page(self, request, context: dict, status: int = 200):
        return render(request, self.nickname_template, context, status=status)

    def host_page(self, request, context: dict):
        return render(request, self.host_template, context)

    def player_page(self, request, context: dict, player):
        session = context["session"]
        context = {
            **context,
            "snapshot": initial_snapshot(session, "player", player_id=player.engine_id),
            "texts": screen_texts(),
        }
        return render(request, self.player_template, context)

    def results(self, session) -> dict:
        """{"title", "columns", "rows"}: the teacher's CSV of this game."""
        raise NotImplementedError


def screen_texts() -> dict[str, str]:
    """Every sentence of host.js and player.js; %(name)s placeholders are filled in JS."""
    return {
        # connection
        "reconnecting": _("Connexion perdue, reconnexion…"),
        "closed_4404": _("Cette partie est terminée ou n'existe pas."),
        "closed_4401": _("Tu ne fais pas (ou plus) partie de cette partie."),
        "closed_4403": _("Vous n'animez pas cette partie."),
        "closed_4410": _("Tu as été retiré de la partie."),
        "closed_4409": _("La partie s'est ouverte dans un autre onglet : continue là-bas."),
        "rejoin": _("Rejoindre une partie"),
        # common
        "question_of": _("Question %(number)s sur %(count)s"),
        "paused": _("Pause"),
        "paused_long": _("Le jeu est en pause."),
        "points": plural_forms(lambda n: ngettext("%(count)s point", "%(count)s points", n)),
        "ordinal": ordinal_forms(),
        "true": _("Vrai"),
        "false": _("Faux"),
        "correct_answer": _("La bonne réponse"),
        "metiers_linked": _("Les métiers de cette question"),
        "leaderboard": _("Classement"),
        "podium": _("Podium"),
        "estimate_solution": _("%(value)s %(unit)s (à %(tolerance)s près)"),
        "skipped": _("Question passée."),
        "right": _("Justes"),
        "partial": _("Presque"),
        "wrong": _("Fausses"),
        "unanswered": _("Sans réponse"),
        "answers_count": plural_forms(
            lambda n: ngettext("%(count)s réponse", "%(count)s réponses", n)
        ),
        "error_prefix": _("Erreur : %(message)s"),
        # host
        "players_joined": _("Joueurs connectés : %(count)s"),
        "no_player_yet": _("En attente des joueurs…"),
        "offline": _("déconnecté"),
        "kick": _("Retirer"),
        "kick_label": _("Retirer %(nickname)s de la partie"),
        "kick_confirm": _("Retirer %(nickname)s de la partie ?"),
        "roster_summary": _("Joueurs : %(count)s"),
        "roster_summary_offline": plural_forms(
            lambda n: ngettext(
                "Joueurs : %(total)s, dont %(count)s déconnecté",
                "Joueurs : %(total)s, dont %(count)s déconnectés",
                n,
            )
        ),
        "no_player_left": _("Plus aucun joueur dans la partie."),
        "start": _("Démarrer"),
        "answered_of": _("%(answered)s / %(expected)s réponses"),
        "pause": _("Pause"),
        "resume": _("Reprendre"),
        "close": _("Révéler maintenant"),
        "skip": _("Passer"),
        "end": _("Terminer"),
        "end_confirm": _("Terminer la partie pour tout le monde ?"),
        "next": _("Question suivante"),
        "to_podium": _("Voir le podium"),
        "finished_title": _("Bravo à toutes et à tous !"),
        "metiers_discovered": _("Les métiers découverts"),
        "no_metier": _("Aucun métier n'était lié à ces questions."),
        "nobody_played": _("Personne n'a joué cette partie."),
        "ready": _("Prêts ?"),
        "players_list": _("Les joueurs"),
        "has_answered": _("a répondu"),
        "not_answered": _("n'a pas encore répondu"),
        "sound_on": _("♪ Son"),
        "sound_off": _("♪ Son coupé"),
        "and_others": plural_forms(
            lambda n: ngettext("et %(count)s autre", "et %(count)s autres", n)
        ),
        # player
        "streak": plural_forms(
            lambda n: ngettext(
                "🔥 %(count)s bonne réponse d'affilée", "🔥 %(count)s bonnes réponses d'affilée", n
            )
        ),
        "ahead": plural_forms(
            lambda n: ngettext(
                "À %(count)s point de %(nickname)s", "À %(count)s points de %(nickname)s", n
            )
        ),
        "leader": _("Tu es en tête !"),
        "your_score": _("Score"),
        "your_place": _("Place"),
        "replay_hint": _("Une autre partie ? Rejoins-la avec le nouveau code affiché au tableau."),
        "welcome": _("Tu es dans la partie, %(nickname)s ! Regarde l'écran."),
        "wait_next": _("Tu joueras à partir de la prochaine question."),
        "send": _("Valider"),
        "sending": _("Envoi…"),
        "sent": _("Réponse envoyée ✓"),
        "already_sent": _("Réponse envoyée ✓ Attends la suite à l'écran."),
        "choose_several": _(
            "Plusieurs réponses possibles : touche toutes celles qui conviennent, puis valide."
        ),
        "choose_one_at_least": _("Choisis au moins une réponse."),
        "move_up": _("Monter « %(text)s »"),
        "move_down": _("Descendre « %(text)s »"),
        "moved": _("« %(text)s » est maintenant en position %(position)s."),
        "ordering_hint": _("Remets les étapes dans l'ordre avec les flèches, puis valide."),
        "matching_choose": _("— choisir —"),
        "matching_hint": _(
            "Associe chaque élément de gauche à un élément de droite, chacun une seule fois."
        ),
        "matching_incomplete": _("Associe chaque élément, chacun une seule fois."),
        "estimate_label": _("Ta réponse"),
        "estimate_invalid": _("Écris un nombre."),
        "too_late": _("Trop tard, la question est terminée."),
        "result_right": _("Bonne réponse !"),
        "result_partial": _("Presque !"),
        "result_wrong": _("Raté…"),
        "result_none": _("Pas de réponse."),
        "result_points": plural_forms(
            lambda n: ngettext("+%(count)s point", "+%(count)s points", n)
        ),
        "score_rank": _("Score : %(score)s · %(rank)s place sur %(total)s"),
        "final_rank": _("Tu termines à la %(rank)s place sur %(total)s, avec %(score)s."),
        "final_title": _("Partie terminée !"),
        "your_metiers": _("Les métiers que tu as découverts"),
        "kicked": _("Tu as été retiré de la partie."),
    }
