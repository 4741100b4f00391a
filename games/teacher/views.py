"""« Mes jeux » and « Mes parties »: the teacher space of the Wagtail admin."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST
from wagtail.models import Page

from games.impact.exports import csv_response, xlsx_response
from games.impact.figures import FigureTable
from games.impact.models import SessionImpact
from games.models import LAUNCHABLE_PAGES, GameIndexPage
from games.services.sessions import InvalidGame
from games.teacher.access import own_session, own_sessions, require_host
from games.teacher.launching import can_edit, game_for, launch_game
from games.teacher.stats import session_figures, session_rows

SESSIONS_SHOWN = 100


def launchable_pages():
    return Page.objects.type(*LAUNCHABLE_PAGES).specific()


@require_GET
def my_games(request):
    require_host(request.user)
    user = request.user
    mine = launchable_pages().filter(owner=user).order_by("-latest_revision_created_at")
    library = launchable_pages().live().public().exclude(owner=user).order_by("title")
    return render(
        request,
        "teacher/my_games.html",
        {
            "page_title": _("Mes jeux"),
            "index": GameIndexPage.objects.first(),
            "mine": [(page, can_edit(page, user)) for page in mine],
            "library": [(page, can_edit(page, user)) for page in library],
        },
    )


@require_GET
def game_preview(request, page_id: int):
    """The teacher's preview: every question with its answers, before launching."""
    game = game_for(request.user, page_id)
    spec = game.game_spec()
    return render(
        request,
        "teacher/game_preview.html",
        {
            "page_title": _("Aperçu : %(title)s") % {"title": game.title},
            "game": game,
            "spec": spec,
            "problems": game.game_problems(),
        },
    )


def launched_or_back(request, page_id: int, *, trial: bool, screen: str):
    """Start the game and open `screen` (a URL name taking the PIN); back to « Mes jeux »
    with the reasons when the game cannot be played."""
    try:
        session = launch_game(request.user, page_id, trial=trial)
    except InvalidGame as error:
        messages.error(
            request,
            _("Ce jeu ne peut pas être lancé : %(problems)s")
            % {"problems": " ".join(error.problems[:5])},
        )
        return redirect("teacher_games")
    return redirect(screen, pin=session.pin)


@require_POST
def launch(request, page_id: int):
    return launched_or_back(request, page_id, trial=False, screen="games:host")


@require_GET
def my_sessions(request):
    require_host(request.user)
    sessions = own_sessions(request.user).select_related("page").order_by("-created_at")
    kept = list(sessions[:SESSIONS_SHOWN])
    counted = SessionImpact.objects.filter(session__isnull=True, recorded_at__isnull=False)
    if not request.user.is_superuser:
        counted = counted.filter(host=request.user)
    return render(
        request,
        "teacher/my_sessions.html",
        {
            "page_title": _("Mes parties"),
            "sessions": session_rows(kept),
            "purged": counted.order_by("-started_at")[:SESSIONS_SHOWN],
        },
    )


@require_GET
def session_detail(request, session_id: int):
    session = own_session(request.user, session_id)
    return render(
        request,
        "teacher/session_detail.html",
        {
            "page_title": session.title,
            "session": session,
            "figures": session_figures(session),
        },
    )


def session_tables(session) -> list[FigureTable]:
    figures = session_figures(session)
    questions = FigureTable(
        key="questions",
        title=_("Questions"),
        columns=[
            _("N°"),
            _("Question"),
            _("Réponses"),
            _("Justes"),
            _("Réussite (%)"),
            _("Temps moyen (s)"),
        ],
    )
    answers = FigureTable(
        key="reponses",
        title=_("Réponses données"),
        columns=[
            _("N°"),
            _("Question"),
            _("Réponse proposée"),
            _("Bonne réponse"),
            _("Choisie par"),
        ],
    )
    for entry in figures.questions:
        questions.rows.append(
            [
                entry.number,
                entry.prompt,
                entry.answers,
                entry.right,
                entry.success_rate if entry.success_rate is not None else "",
                str(entry.average_s) if entry.average_s is not None else "",
            ]
        )
        for label, count, correct in entry.distribution:
            answers.rows.append(
                [entry.number, entry.prompt, label, _("oui") if correct else _("non"), count]
            )
    summary = FigureTable(
        key="partie",
        title=_("Partie"),
        columns=[_("Jeu"), _("Date"), _("Joueurs"), _("Score moyen")],
        rows=[
            [
                session.title,
                timezone.localtime(session.created_at).strftime("%d/%m/%Y %H:%M"),
                figures.players,
                figures.average_score if figures.average_score is not None else "",
            ]
        ],
    )
    return [summary, questions, answers]


@require_GET
def session_export(request, session_id: int, file_format: str):
    session = own_session(request.user, session_id)
    tables = session_tables(session)
    day = timezone.localdate(session.created_at).isoformat()
    filename = f"partie-{session.pk}-{day}"
    if file_format == "xlsx":
        response = xlsx_response(tables, filename)
    else:
        response = csv_response(tables[1], filename)
    response["Cache-Control"] = "no-store"
    return response


def home(request):
    require_host(request.user)
    return redirect(reverse("teacher_games"))
