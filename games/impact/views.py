"""The impact dashboard (Wagtail admin, « view impact » permission), its exports, and the form
where a teacher describes the class that played."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from games.impact.exports import csv_response, xlsx_response
from games.impact.figures import figure_tables, key_figures
from games.impact.forms import FilterForm, SessionContextForm
from games.impact.models import SessionImpact
from games.impact.record import session_dates
from games.views.host import LOGIN_URL, hosted_session

PERMISSION = "impact.view_impact"


def can_view_impact(user) -> bool:
    return user.is_active and user.has_perm(PERMISSION)


def _checked(request) -> FilterForm:
    if not can_view_impact(request.user):
        raise PermissionDenied(_("Le tableau de bord d'impact est réservé aux éditeurs."))
    form = FilterForm(request.GET or None)
    form.is_valid()
    return form


@require_GET
def dashboard(request):
    form = _checked(request)
    filters = form.filters()
    return render(
        request,
        "impact/dashboard.html",
        {
            "form": form,
            "figures": key_figures(filters.sessions()),
            "trades": filters.rows_of_trades_count(),
            "tables": figure_tables(filters),
            "query": request.GET.urlencode(),
            "page_title": _("Impact"),
        },
    )


@require_GET
def export(request, file_format: str):
    form = _checked(request)
    if form.is_bound and not form.is_valid():
        errors = " ".join(str(error) for error in form.errors.get("__all__", form.errors))
        return HttpResponseBadRequest(_("Filtres invalides : %(errors)s") % {"errors": errors})
    tables = figure_tables(form.filters())
    filename = f"impact-{timezone.localdate().isoformat()}"
    if file_format == "xlsx":
        return xlsx_response(tables, filename)
    wanted = request.GET.get("table", "")
    table = next((table for table in tables if table.key == wanted), None)
    if table is None:
        raise Http404(_("Aucun tableau de ce nom."))
    return csv_response(table, f"{filename}-{table.key}")


@login_required(login_url=LOGIN_URL)
def session_context(request, pin: str):
    """The class context of the host's game with this PIN, during or after the game."""
    session = hosted_session(request, pin)
    impact = SessionImpact.objects.filter(session=session).first()
    if impact is None:
        # Not counted yet (the game is still on): the counts come when it ends.
        impact = SessionImpact(session=session, kind=session.kind, **session_dates(session))
    form = SessionContextForm(request.POST or None, instance=impact)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Merci, le contexte de la séance est enregistré."))
        return redirect(request.path)
    return render(
        request, "impact/session_context.html", {"form": form, "session": session, "pin": pin}
    )
