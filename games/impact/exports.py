"""The dashboard's tables as files: one table per CSV, every table in one XLSX workbook."""

from __future__ import annotations

import csv
import io

from django.http import HttpResponse
from openpyxl import Workbook
from openpyxl.styles import Font

from games.impact.figures import FigureTable
from games.views.export import spreadsheet_safe

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _cell(value):
    # Numbers stay numbers (a funder sums them); text typed by teachers stays text.
    return value if isinstance(value, int) else spreadsheet_safe(str(value))


def csv_response(table: FigureTable, filename: str) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    # Byte-order mark and ";": French spreadsheet software opens it in columns, accents intact.
    response.write("\ufeff")
    writer = csv.writer(response, delimiter=";")
    writer.writerow([str(column) for column in table.columns])
    for row in table.rows:
        writer.writerow([_cell(value) for value in row])
    return response


def xlsx_response(tables: list[FigureTable], filename: str) -> HttpResponse:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for table in tables:
        sheet = workbook.create_sheet(str(table.title)[:31])  # Excel's limit on sheet names
        sheet.append([str(column) for column in table.columns])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in table.rows:
            sheet.append([_cell(value) for value in row])
        sheet.column_dimensions["A"].width = 45
    out = io.BytesIO()
    workbook.save(out)
    response = HttpResponse(out.getvalue(), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    return response
