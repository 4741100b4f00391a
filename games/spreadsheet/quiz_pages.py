"""The database side of the import: names looked up in the library, the quiz page written.

The page is written through the quiz's StreamField format (QuestionsBlock.raw_from_engine),
as a draft owned by the teacher: nothing is published by the import itself.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import Q
from wagtail.images import get_image_model

from games.kinds.quiz.blocks import QuestionsBlock
from games.models import GameIndexPage, QuizPage
from games.spreadsheet.quiz_rows import ImportResult, parse_quiz
from games.spreadsheet.reading import read_rows
from metiers.models import MetierPage


def find_fiche(name: str) -> tuple[int, str] | None:
    fiche = (
        MetierPage.objects.live()
        .filter(Q(slug__iexact=name) | Q(title__iexact=name))
        .only("pk", "title")
        .first()
    )
    return (fiche.pk, fiche.title) if fiche else None


def find_image(name: str) -> tuple[int, str] | None:
    """An image of the media library by its title or its file's name (without the folder)."""
    image = (
        get_image_model()
        .objects.filter(Q(title__iexact=name) | Q(file__iendswith=f"/{name}"))
        .only("pk", "title")
        .first()
    )
    return (image.pk, image.title) if image else None


def import_spreadsheet(data: bytes, filename: str) -> ImportResult:
    """Read and check a teacher's file; raises reading.SpreadsheetError when unreadable."""
    return parse_quiz(read_rows(data, filename), find_fiche, find_image)


def questions_stream(questions: list[dict]) -> list[dict]:
    stream = QuestionsBlock.raw_from_engine(questions)
    for child, question in zip(stream, questions, strict=True):
        child["value"]["image"] = question.get("image_id")
    return stream


@transaction.atomic
def create_quiz_draft(*, title: str, introduction: str, questions: list[dict], owner) -> QuizPage:
    index = GameIndexPage.objects.get()
    page = QuizPage(
        title=title,
        introduction=introduction,
        questions=questions_stream(questions),
        owner=owner,
        live=False,
    )
    index.add_child(instance=page)
    page.save_revision(user=owner, log_action=True)
    return page
