"""Rows of a quiz spreadsheet → the engine's question dicts, or errors that name their line.

The columns are those of Kahoot's usual template, in French or in English, found by their
header wherever it sits in the first rows (Kahoot's own file has a title block above it):
question, réponse 1 to 4, bonne(s) réponse(s) as numbers ("1" or "1, 3"), temps (seconds),
image (the name of an image of the media library) and fiche (the slug or the title of a
published fiche métier, several separated by "|").

Pure apart from the two look-ups it is given, so that it can be fuzzed without a database.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from anyascii import anyascii
from django.utils.translation import gettext as _

from games.engine import EngineError
from games.kinds.quiz.engine import question_from_dict
from games.kinds.quiz.engine.questions import TIME_LIMIT_RANGE_S
from games.spreadsheet.reading import Row

MAX_QUESTIONS = 100
MAX_PROMPT_CHARS = 300  # the question block's own limits
MAX_ANSWER_CHARS = 120
ANSWER_COLUMNS = 4
DEFAULT_TIME_S = 20
HEADER_SEARCH_ROWS = 20

# A look-up returns (id, title) of what the name designates, or None.
Lookup = Callable[[str], tuple[int, str] | None]


@dataclass
class ImportResult:
    questions: list[dict] = field(default_factory=list)
    errors: list[tuple[int, str]] = field(default_factory=list)  # (line, message)

    @property
    def ok(self) -> bool:
        return not self.errors and bool(self.questions)


def header_key(text: str) -> str | None:
    """Which column a header cell names ("answer2", "correct"...), None for none of ours."""
    words = re.sub(r"[^a-z0-9]+", " ", anyascii(text).lower()).strip()
    if not words:
        return None
    if "correct" in words or words.startswith("bonne"):
        return "correct"
    if words.startswith(("time", "temps", "duree")):
        return "time"
    if words.startswith("image"):
        return "image"
    if words.startswith(("fiche", "metier")):
        return "fiche"
    answer = re.match(r"(?:answer|reponse|choix)\s*(\d)\b", words)
    if answer:
        number = int(answer.group(1))
        return f"answer{number}" if 1 <= number <= ANSWER_COLUMNS else None
    if words.startswith(("question", "enonce")):
        return "question"
    return None


def find_header(rows: list[Row]) -> tuple[int, dict[str, int]] | None:
    """(index of the header row, {column key: cell index}) or None."""
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        columns: dict[str, int] = {}
        for position, cell in enumerate(row.cells):
            key = header_key(cell)
            if key is not None and key not in columns:
                columns[key] = position
        if {"question", "answer1", "answer2", "correct"} <= columns.keys():
            return index, columns
    return None


def is_number(text: str) -> bool:
    # ASCII digits only: "²" or "٣" pass str.isdigit() but are no number a teacher typed.
    return text.isascii() and text.isdigit()


def parse_correct(text: str, filled: list[int]) -> tuple[list[int], str | None]:
    """Answer numbers (1 to 4) → indexes among the filled answers; or an error message."""
    if not text:
        return [], _("indiquez la ou les bonnes réponses (par exemple « 2 » ou « 1, 3 »).")
    numbers = re.split(r"[\s,;/+&]+|\bet\b|\band\b", text.lower())
    wanted: list[int] = []
    for number in filter(None, numbers):
        if not is_number(number) or not 1 <= int(number) <= ANSWER_COLUMNS:
            return [], _("bonne réponse « %(value)s » : écrivez des numéros de 1 à 4.") % {
                "value": text[:40]
            }
        if int(number) not in filled:
            return [], _("la bonne réponse %(number)s désigne une réponse vide.") % {
                "number": number
            }
        if filled.index(int(number)) not in wanted:
            wanted.append(filled.index(int(number)))
    if not wanted:
        return [], _("indiquez la ou les bonnes réponses (par exemple « 2 » ou « 1, 3 »).")
    return sorted(wanted), None


def parse_time(text: str) -> tuple[int, str | None]:
    if not text:
        return DEFAULT_TIME_S, None
    low, high = TIME_LIMIT_RANGE_S
    message = _("temps « %(value)s » : un nombre de secondes entre %(low)s et %(high)s.") % {
        "value": text[:40],
        "low": low,
        "high": high,
    }
    if not is_number(text) or not low <= int(text) <= high:
        return 0, message
    return int(text), None


class RowReader:
    def __init__(self, columns: dict[str, int], find_fiche: Lookup, find_image: Lookup):
        self.columns = columns
        self.find_fiche = find_fiche
        self.find_image = find_image

    def cell(self, row: Row, key: str) -> str:
        position = self.columns.get(key)
        if position is None or position >= len(row.cells):
            return ""
        return row.cells[position]

    def is_empty(self, row: Row) -> bool:
        # Kahoot's template numbers its empty rows: only our columns say a row is used.
        return not any(self.cell(row, key) for key in self.columns)

    def question(self, row: Row, number: int) -> tuple[dict | None, list[str]]:
        problems: list[str] = []
        prompt = self.cell(row, "question")
        if not prompt:
            problems.append(_("la question est vide."))
        elif len(prompt) > MAX_PROMPT_CHARS:
            problems.append(
                _("la question dépasse %(max)s caractères.") % {"max": MAX_PROMPT_CHARS}
            )
        answers = {n: self.cell(row, f"answer{n}") for n in range(1, ANSWER_COLUMNS + 1)}
        filled = [n for n, text in answers.items() if text]
        for n in filled:
            if len(answers[n]) > MAX_ANSWER_CHARS:
                problems.append(
                    _("la réponse %(number)s dépasse %(max)s caractères.")
                    % {"number": n, "max": MAX_ANSWER_CHARS}
                )
        if len(filled) < 2:
            problems.append(_("il faut au moins deux réponses."))
        correct, problem = parse_correct(self.cell(row, "correct"), filled)
        problems += [problem] if problem else []
        time_limit, problem = parse_time(self.cell(row, "time"))
        problems += [problem] if problem else []
        fiches = self.fiches(row, problems)
        image = self.image(row, problems)
        if problems:
            return None, problems
        question = {
            "id": f"question-{number}",
            "kind": "choice",
            "prompt": prompt,
            "options": [answers[n] for n in filled],
            "correct": correct,
            "multiple": len(correct) > 1,
            "time_limit_s": time_limit,
            "metiers": fiches,
            "image_id": image[0] if image else None,
            "image_title": image[1] if image else "",
        }
        return question, self.engine_problems(question)

    def fiches(self, row: Row, problems: list[str]) -> list[dict]:
        found = []
        for name in filter(None, (part.strip() for part in self.cell(row, "fiche").split("|"))):
            match = self.find_fiche(name[:255])
            if match is None:
                problems.append(
                    _("aucune fiche métier publiée ne s'appelle « %(name)s ».")
                    % {"name": name[:80]}
                )
            elif all(entry["id"] != match[0] for entry in found):
                found.append({"id": match[0], "title": match[1]})
        return found

    def image(self, row: Row, problems: list[str]) -> tuple[int, str] | None:
        name = self.cell(row, "image")
        if not name:
            return None
        match = self.find_image(name[:255])
        if match is None:
            problems.append(
                _("aucune image de la médiathèque ne s'appelle « %(name)s ».") % {"name": name[:80]}
            )
        return match

    @staticmethod
    def engine_problems(question: dict) -> list[str]:
        """The engine's own rules (duplicate answers...), as when the quiz is launched."""
        engine_form = {
            key: value for key, value in question.items() if key not in ("image_id", "image_title")
        }
        try:
            return question_from_dict(engine_form).problems()
        except EngineError as error:
            return [error.message]


def parse_quiz(rows: list[Row], find_fiche: Lookup, find_image: Lookup) -> ImportResult:
    result = ImportResult()
    header = find_header(rows)
    if header is None:
        result.errors.append(
            (
                0,
                _(
                    "Ligne d'en-tête introuvable : il faut au moins les colonnes « Question », "
                    "« Réponse 1 », « Réponse 2 » et « Bonne réponse »."
                ),
            )
        )
        return result
    start, columns = header
    reader = RowReader(columns, find_fiche, find_image)
    used = 0
    for row in rows[start + 1 :]:
        if reader.is_empty(row):
            continue
        used += 1
        if used > MAX_QUESTIONS:
            result.errors.append(
                (
                    row.line,
                    _("plus de %(max)s questions : découpez le quiz.") % {"max": MAX_QUESTIONS},
                )
            )
            break
        question, problems = reader.question(row, len(result.questions) + 1)
        result.errors += [(row.line, problem) for problem in problems]
        if question is not None and not problems:
            result.questions.append(question)
    if not result.questions and not result.errors:
        result.errors.append((rows[start].line, _("aucune question sous la ligne d'en-tête.")))
    return result
