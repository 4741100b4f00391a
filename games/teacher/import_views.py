"""Import a quiz from a spreadsheet: upload, preview (nothing written), then create a draft.

Between the two steps the checked questions wait in the teacher's own session (the Django
session, server side), under a random token the confirmation form sends back.
"""

from __future__ import annotations

import secrets

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from games.models import GameIndexPage
from games.spreadsheet.quiz_pages import create_quiz_draft, import_spreadsheet
from games.spreadsheet.reading import SpreadsheetError
from games.teacher.access import require_host
from games.teacher.forms import ConfirmImportForm, QuizImportForm

SESSION_KEY = "teacher_quiz_import"


def require_author(user) -> None:
    require_host(user)
    index = GameIndexPage.objects.first()
    if index is None or not index.permissions_for_user(user).can_add_subpage():
        raise PermissionDenied(_("Vous ne pouvez pas créer de jeu."))


def _render(request, form, **context):
    return render(
        request,
        "teacher/import.html",
        {"page_title": _("Importer un quiz"), "form": form, **context},
    )


def import_quiz(request):
    require_author(request.user)
    if request.method != "POST":
        return _render(request, QuizImportForm())
    form = QuizImportForm(request.POST, request.FILES)
    if not form.is_valid():
        return _render(request, form)
    upload = form.cleaned_data["fichier"]
    try:
        result = import_spreadsheet(upload.read(), upload.name)
    except SpreadsheetError as error:
        form.add_error("fichier", str(error))
        return _render(request, form)
    if not result.ok:
        return _render(request, form, errors=result.errors)
    token = secrets.token_hex(16)
    request.session[SESSION_KEY] = {
        "token": token,
        "title": form.cleaned_data["title"],
        "introduction": form.cleaned_data["introduction"],
        "questions": result.questions,
    }
    return render(
        request,
        "teacher/import_preview.html",
        {
            "page_title": _("Importer un quiz : aperçu"),
            "title": form.cleaned_data["title"],
            "questions": result.questions,
            "without_fiche": sum(1 for question in result.questions if not question["metiers"]),
            "form": ConfirmImportForm(initial={"token": token}),
        },
    )


def confirm_import(request):
    require_author(request.user)
    pending = request.session.get(SESSION_KEY)
    form = ConfirmImportForm(request.POST or None)
    if (
        request.method != "POST"
        or not form.is_valid()
        or not pending
        or not secrets.compare_digest(pending["token"], form.cleaned_data["token"])
    ):
        messages.error(request, _("Cet import a expiré : envoyez le fichier à nouveau."))
        return redirect("teacher_import")
    page = create_quiz_draft(
        title=pending["title"],
        introduction=pending["introduction"],
        questions=pending["questions"],
        owner=request.user,
    )
    del request.session[SESSION_KEY]
    messages.success(
        request,
        _(
            "Quiz « %(title)s » créé en brouillon : essayez-le, lancez-le ou demandez sa publication."
        )
        % {"title": page.title},
    )
    return redirect("teacher_games")
