"""The escape game's screens: team choice at join, the phone's énigme screen, the host's board.

What every kind shares (PIN, nickname, cookie, QR code, socket address) is built by
games/views/ and handed to EscapeScreens through the kind registry.
"""

from __future__ import annotations

import math

from crispy_forms.layout import HTML
from django import forms
from django.shortcuts import render
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from games.kinds.escape.engine import EscapeSpec, EscapeState, escape_ranking
from games.kinds.escape.engine.report import wrong_codes
from games.models import Player
from games.services.loaded import spec_of
from games.services.teams import TEAM_KEY_MAX, team_choices
from games.views.screens import Screens, initial_snapshot, screen_texts
from games.wording import plural_forms
from metiers.sanitize import clean_html

AUTO = "auto"
# Refusals about the team choice are shown next to the teams, the others next to the nickname.
TEAM_REFUSALS = {"team_full", "teams_full", "unknown_team"}
TEAM_CHOICE = '{% include "games/includes/escape_team_choice.html" %}'


class TeamChoiceMixin(forms.Form):
    """The team a student picks while joining; « Placez-moi » lets the game choose."""

    team = forms.CharField(required=False, max_length=TEAM_KEY_MAX)
    suggest_label = gettext_lazy("Choisir un pseudo pour moi")

    def layout_fields(self) -> list:
        # Radios drawn by our template: each shows its team's size, full teams are disabled.
        return [*super().layout_fields(), HTML(TEAM_CHOICE)]

    def clean_team(self) -> str | None:
        value = self.cleaned_data.get("team") or AUTO
        return None if value == AUTO else value


class EscapeScreens(Screens):
    host_template = "games/escape_host.html"
    player_template = "games/escape_player.html"
    nickname_template = "games/escape_nickname.html"

    def join_form(self, base_form, session, *args, **kwargs):
        form_class = type("EscapeJoinForm", (TeamChoiceMixin, base_form), {})
        return form_class(*args, **kwargs)

    def join_choices(self, form) -> dict:
        return {"team": form.cleaned_data["team"]}

    def refused_field(self, code: str) -> str:
        return "team" if code in TEAM_REFUSALS else "nickname"

    def nickname_page(self, request, context: dict, status: int = 200):
        form = context["form"]
        chosen = form["team"].value() if form.is_bound else None
        context = {**context, "teams": team_choices(context["session"]), "chosen": chosen or AUTO}
        return super().nickname_page(request, context, status)

    def host_page(self, request, context: dict):
        session = context["session"]
        context = {
            **context,
            **story(session),
            "answer_sheet": answer_sheet(session),
            "enigmes": enigme_titles(session),
            "texts": escape_texts(),
        }
        return super().host_page(request, context)

    def player_page(self, request, context: dict, player):
        session = context["session"]
        team_id = player.team.key if player.team_id else None
        context = {
            **context,
            **story(session),
            "team_name": player.team.name if player.team_id else "",
            "player_id": player.engine_id,
            "snapshot": initial_snapshot(
                session, "player", player_id=player.engine_id, team_id=team_id
            ),
            "texts": escape_texts(),
        }
        return render(request, self.player_template, context)

    def results(self, session) -> dict:
        return escape_results(session)


def story(session) -> dict:
    """The story the page's editors wrote around the énigmes, kept with the game at launch.

    Cleaned at launch (games/services/spec_html.py) and again here, for a game stored before
    that or by other means: this HTML is inserted as is in the class screen and the phones.
    """
    spec = session.spec
    return {
        "introduction_html": mark_safe(clean_html(spec.get("introduction_html"))),  # noqa: S308
        "conclusion_html": mark_safe(clean_html(spec.get("conclusion_html"))),  # noqa: S308
        "story_image": spec.get("image"),
    }


def answer_sheet(session) -> list[dict]:
    """The teacher's answer sheet: every énigme with its solutions, hints and fragments.

    Rendered into the host's page only (closed until the teacher opens it): never in a
    snapshot or a frame, so no phone can ever receive it.
    """
    return [
        {
            "number": number,
            "title": enigme.title,
            "text": enigme.text,
            "solutions": enigme.solutions,
            "also_accepted": enigme.also_accepted,
            "hints": enigme.hints,
            "fragments": enigme.fragments,
            "metiers": [metier.get("title", "") for metier in enigme.metiers],
        }
        for number, enigme in enumerate(spec_of(session).enigmes, start=1)
    ]


def enigme_titles(session) -> list[dict]:
    """Number and title of every énigme, for the host's board (the engine gives ids only)."""
    return [
        {"id": enigme.id, "number": number, "title": enigme.title}
        for number, enigme in enumerate(spec_of(session).enigmes, start=1)
    ]


def clock_text(ms: int) -> str:
    """Minutes and seconds, as a teacher writes a time: 12:05; hours past 59:59.

    Rounded up to the second, as escape_render.js `duration()` does on the screens: the CSV
    says what the class saw.
    """
    seconds = max(0, math.ceil(ms / 1000))
    hours, minutes = seconds // 3600, seconds % 3600 // 60
    if hours:
        return f"{hours}:{minutes:02d}:{seconds % 60:02d}"
    return f"{minutes}:{seconds % 60:02d}"


def escape_results(session) -> dict:
    """One row per team that played, in ranking order, for the CSV export."""
    spec = EscapeSpec.from_dict(session.spec)
    state = EscapeState.from_dict(session.state)
    members: dict[str, list[str]] = {}
    for key, nickname in (
        Player.objects.filter(session=session, team__isnull=False)
        .order_by("pk")
        .values_list("team__key", "nickname")
    ):
        members.setdefault(key, []).append(nickname)
    rows = []
    for row in escape_ranking(spec, state):
        team = state.teams[row["team_id"]]
        rows.append(
            [
                row["name"],
                ", ".join(members.get(row["team_id"], [])),
                row["rank"],
                row["solved"],
                clock_text(row["time_ms"]),
                clock_text(row["penalty_ms"]),
                sum(team["hints_used"].values()),
                sum(team["attempts"].values()),
                wrong_codes(team),
                row["done"],
            ]
        )
    columns = [
        _("Équipe"),
        _("Joueurs"),
        _("Rang"),
        _("Énigmes résolues"),
        _("Temps (pénalités comprises)"),
        _("Pénalités"),
        _("Indices"),
        _("Essais"),
        _("Mauvais codes"),
        _("Terminé"),
    ]
    return {"title": session.title, "columns": columns, "rows": rows}


def escape_texts() -> dict[str, str]:
    """Every sentence of escape_host.js and escape_player.js (with the shared ones)."""
    return {
        **screen_texts(),
        # both screens
        "time_left": _("Temps restant"),
        "paused_long": _("Le jeu est en pause."),
        "enigme_of": _("Énigme %(number)s sur %(count)s"),
        "team_members": _("Votre équipe : %(names)s"),
        "team_name": _("Équipe %(name)s"),
        "ranking": _("Classement"),
        "solved_time": plural_forms(
            lambda n: ngettext("%(count)s énigme en %(time)s", "%(count)s énigmes en %(time)s", n)
        ),
        "penalty": _("dont %(time)s de pénalité"),
        "message_from_host": _("Message de l'animateur : %(text)s"),
        "dismiss_message": _("Fermer ce message"),
        # phone
        "lobby_intro": _("Vous jouez en équipe. Attendez le départ donné par l'animateur."),
        "rename_label": _("Le nom de votre équipe"),
        "rename_help": _("Choisissez-le ensemble avant le départ (2 à 40 caractères)."),
        "rename_send": _("Changer le nom"),
        "renamed": _("Votre équipe s'appelle maintenant %(name)s."),
        "no_team": _("Tu n'es dans aucune équipe : demande à l'animateur de te placer."),
        "story": _("L'histoire"),
        "your_clues": _("Tes indices (toi seul les vois : partage-les avec ton équipe)"),
        "no_clue": _("Pas d'indice sur ton téléphone pour cette énigme : écoute ton équipe."),
        "code_label": _("Le code"),
        "digits_help": _("Chiffres uniquement."),
        "letters_help": _("Lettres uniquement."),
        "length_help": _("%(length)s caractères."),
        "trade_label": _("Le métier"),
        "up": _("Haut"),
        "down": _("Bas"),
        "left": _("Gauche"),
        "right": _("Droite"),
        "add_sign": _("Ajouter « %(name)s »"),
        "your_code": _("Ton code : %(code)s"),
        "empty_code": _("(vide)"),
        "erase": _("Effacer le dernier"),
        "clear": _("Tout effacer"),
        "open": _("Ouvrir le cadenas"),
        "check": _("Valider"),
        "order_help": _("Remettez les éléments dans l'ordre avec les flèches, puis validez."),
        "match_help": _("Associez chaque élément de gauche à un élément de droite."),
        "wrong_code": _("Mauvais code. Essais sur cette énigme : %(attempts)s."),
        "wrong_code_by": _("%(nickname)s a essayé un mauvais code."),
        "locked": _("Cadenas bloqué : réessayez dans %(seconds)s s."),
        "solved": _("Énigme résolue !"),
        "solved_by": _("Énigme résolue par %(nickname)s !"),
        "unlocked_metiers": plural_forms(
            lambda n: ngettext("Métier débloqué :", "Métiers débloqués :", n)
        ),
        "ask_hint": _("Demander un indice"),
        "hint_confirm": _("Cet indice ajoute %(time)s au temps de toute l'équipe. Le demander ?"),
        "hint_cost": _("Coût : +%(time)s"),
        "hints_left": _("Indices restants : %(count)s"),
        "hints_received": _("Les indices reçus"),
        "no_hint_left": _("Plus d'indice pour cette énigme."),
        "team_done": _("Bravo, votre équipe a terminé ! Attendez les autres équipes."),
        "moved_to": _("L'animateur t'a placé dans l'équipe %(name)s."),
        "final_title": _("Fin de l'escape game !"),
        "team_rank": _("Votre équipe termine à la %(rank)s place sur %(total)s."),
        "your_metiers": _("Les métiers que vous avez débloqués"),
        "no_metier": _("Aucun métier débloqué cette fois."),
        "time_over": _("Le temps est écoulé."),
        # host
        "teams_title": _("Les équipes"),
        "team_size": _("%(size)s / %(max)s joueurs"),
        "team_empty": _("Personne pour l'instant."),
        "move_label": _("Équipe de %(nickname)s"),
        "balance": _("Équilibrer les équipes"),
        "board_title": _("Le tableau des équipes"),
        "col_team": _("Équipe"),
        "col_enigme": _("Énigme en cours"),
        "col_solved": _("Résolues"),
        "col_hints": _("Indices"),
        "col_time": _("Temps"),
        "col_on_enigme": _("Sur cette énigme"),
        "col_penalty": _("Pénalités"),
        "col_wrong": _("Mauvais codes"),
        "status_stuck": _("coincée depuis %(minutes)s min"),
        "stuck_after": _("Signaler une équipe coincée après"),
        "minutes_short": _("min"),
        "class_view": _("Vue classe (projecteur)"),
        "teacher_view": _("Vue animateur"),
        "tracks_title": _("Le parcours des équipes"),
        "track_done": _("sortie !"),
        "col_status": _("État"),
        "status_locked": _("bloquée"),
        "status_playing": _("en jeu"),
        "status_done": _("terminé en %(time)s"),
        "status_waiting": _("sans joueur"),
        "add_time": _("+5 min"),
        "message": _("Message"),
        "message_label": _("Message aux équipes"),
        "message_to": _("Destinataires"),
        "message_all": _("Toutes les équipes"),
        "message_send": _("Envoyer"),
        "message_sent": _("Message envoyé."),
        "debrief_title": _("Les métiers débloqués"),
    }


SCREENS = EscapeScreens()
