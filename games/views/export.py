"""The results of a game as a CSV file for the teacher: nicknames, scores, per question."""

from __future__ import annotations

import csv

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.utils import timezone
from django.views.decorators.http import require_GET

from games.kinds.registry import kind
from games.views.host import LOGIN_URL, hosted_session

# A spreadsheet runs a cell starting with one of these as a formula: a nickname like
# "=HYPERLINK(...)" must stay text (OWASP "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value) -> str:
    """A cell as text: booleans in words, None empty, formula-looking text quoted."""
    if value is None:
        return ""
    if value is True:
        return "oui"
    if value is False:
        return "non"
    text = str(value)
    if isinstance(value, str) and text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


def results_table(session) -> dict:
    return kind(session.kind).screens.results(session)


@login_required(login_url=LOGIN_URL)
@require_GET
def results_csv(request, pin: str):
    session = hosted_session(request, pin)
    table = results_table(session)
    day = timezone.localdate(session.created_at).isoformat()
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="resultats-{pin}-{day}.csv"'
    response["Cache-Control"] = "no-store"
    # The byte-order mark and ";" make French spreadsheet software open it in columns,
    # accents intact, on a double click.
    response.write("\ufeff")
    writer = csv.writer(response, delimiter=";")
    writer.writerow(table["columns"])
    for row in table["rows"]:
        writer.writerow([spreadsheet_safe(cell) for cell in row])
    return response
