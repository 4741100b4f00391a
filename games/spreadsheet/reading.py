"""An uploaded spreadsheet as numbered rows of text, whatever its format.

The file comes from a teacher's computer and is untrusted: its size is bounded before it is
read, an XLSX (a zip) is refused when it would inflate past a bound (a "zip bomb"), and only
the first sheet's first rows are read. Every failure is a SpreadsheetError with a message a
teacher can act on; nothing else escapes.
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass

from django.utils.translation import gettext as _

MAX_FILE_BYTES = 1_000_000
MAX_INFLATED_BYTES = 20_000_000
MAX_ROWS = 250
MAX_COLUMNS = 30
MAX_CELL_CHARS = 2_000


class SpreadsheetError(ValueError):
    """The file as a whole cannot be read (format, size, encoding)."""


@dataclass(frozen=True)
class Row:
    line: int  # as the spreadsheet software numbers it, from 1
    cells: tuple[str, ...]

    def is_blank(self) -> bool:
        return not any(self.cells)


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # a time limit typed as 20 is read back as 20.0
    return str(value).strip()[:MAX_CELL_CHARS]


def _bounded(lines) -> list[Row]:
    rows = []
    for line, cells in enumerate(lines, start=1):
        if line > MAX_ROWS:
            raise SpreadsheetError(
                _("Le fichier a plus de %(max)s lignes : découpez-le en plusieurs quiz.")
                % {"max": MAX_ROWS}
            )
        rows.append(Row(line, tuple(_text(cell) for cell in list(cells)[:MAX_COLUMNS])))
    return rows


def read_csv(data: bytes) -> list[Row]:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - cp1252 decodes all but five bytes
        raise SpreadsheetError(_("Le fichier CSV n'est pas du texte lisible."))
    if "\x00" in text:
        raise SpreadsheetError(_("Le fichier CSV n'est pas du texte lisible."))
    try:
        delimiter = csv.Sniffer().sniff(text[:4096], delimiters=";,\t").delimiter
    except csv.Error:
        delimiter = ";" if text.count(";") >= text.count(",") else ","
    try:
        return _bounded(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as error:
        raise SpreadsheetError(
            _("Le fichier CSV est mal formé : %(error)s") % {"error": error}
        ) from error


def read_xlsx(data: bytes) -> list[Row]:
    from openpyxl import load_workbook

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            inflated = sum(member.file_size for member in archive.infolist())
    except (zipfile.BadZipFile, ValueError, OSError) as error:
        raise SpreadsheetError(_("Ce fichier n'est pas un classeur XLSX lisible.")) from error
    if inflated > MAX_INFLATED_BYTES:
        raise SpreadsheetError(_("Ce classeur est trop volumineux une fois décompressé."))
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        sheet = workbook.worksheets[0]
        lines = sheet.iter_rows(max_row=MAX_ROWS + 1, max_col=MAX_COLUMNS, values_only=True)
        return _bounded(lines)
    except SpreadsheetError:
        raise
    except Exception as error:  # openpyxl raises many kinds on a damaged file
        raise SpreadsheetError(_("Ce fichier n'est pas un classeur XLSX lisible.")) from error


def read_rows(data: bytes, filename: str) -> list[Row]:
    """The rows of a .csv or .xlsx file; SpreadsheetError for anything else or too big."""
    if len(data) > MAX_FILE_BYTES:
        raise SpreadsheetError(
            _("Le fichier dépasse %(size)s Mo.") % {"size": MAX_FILE_BYTES // 1_000_000}
        )
    name = filename.lower()
    if name.endswith(".csv"):
        return read_csv(data)
    if name.endswith(".xlsx"):
        return read_xlsx(data)
    raise SpreadsheetError(_("Envoyez un fichier .xlsx ou .csv."))
