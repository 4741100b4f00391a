"""The quiz spreadsheet parser: Kahoot's columns, line-numbered errors, untrusted files."""

from __future__ import annotations

import io

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from games.spreadsheet.quiz_rows import MAX_QUESTIONS, header_key, parse_quiz
from games.spreadsheet.reading import (
    MAX_FILE_BYTES,
    MAX_ROWS,
    Row,
    SpreadsheetError,
    read_rows,
)
from tests.support.spreadsheets import KAHOOT_HEADER, xlsx_bytes

FICHES = {"soudeur": (7, "Soudeur"), "Technicien de laboratoire": (8, "Technicien de laboratoire")}
IMAGES = {"usine.jpg": (3, "Usine")}


def find_fiche(name):
    return FICHES.get(name)


def find_image(name):
    return IMAGES.get(name)


def parse(rows):
    numbered = [Row(line, tuple(cells)) for line, cells in enumerate(rows, start=1)]
    return parse_quiz(numbered, find_fiche, find_image)


HEADER = ["Question", "Réponse 1", "Réponse 2", "Réponse 3", "Réponse 4", "Temps", "Bonne réponse"]


def test_kahoot_template_with_its_title_block_and_english_headers():
    rows = [
        [None, "Quiz template"],
        [
            None,
            "Add questions, at least two answer alternatives, time limit and choose correct answers",
        ],
        [],
        [None, *KAHOOT_HEADER],
        [1, "Que soude un soudeur ?", "Du métal", "Du pain", None, None, 30, 1],
        [2, None, None, None, None, None, None, None],  # the template's numbered empty rows
        [3, "Deux bonnes ?", "A", "B", "C", "D", 20.0, "1,3"],
    ]
    result = read_rows(xlsx_bytes(rows), "kahoot.xlsx")
    parsed = parse_quiz(result, find_fiche, find_image)
    assert parsed.errors == []
    first, second = parsed.questions
    assert first["options"] == ["Du métal", "Du pain"]
    assert first["correct"] == [0] and first["multiple"] is False
    assert first["time_limit_s"] == 30
    assert second["correct"] == [0, 2] and second["multiple"] is True


def test_french_csv_with_fiches_and_an_image():
    data = (
        "Question;Réponse 1;Réponse 2;Réponse 3;Réponse 4;Temps;Bonnes réponses;Image;Fiche\n"
        "Qui assemble ?;Le soudeur;Le boulanger;;;;1;usine.jpg;soudeur|Technicien de laboratoire\n"
    ).encode()
    result = parse_quiz(read_rows(data, "quiz.csv"), find_fiche, find_image)
    assert result.ok
    question = result.questions[0]
    assert question["time_limit_s"] == 20  # the default
    assert question["image_id"] == 3
    assert [m["id"] for m in question["metiers"]] == [7, 8]


def test_an_answer_gap_keeps_the_correct_answer_on_the_right_text():
    result = parse([HEADER, ["Q ?", "A", "", "C", "", "", "3"]])
    assert result.questions[0]["options"] == ["A", "C"]
    assert result.questions[0]["correct"] == [1]


def test_errors_name_their_line_and_no_question_is_kept_with_them():
    result = parse(
        [
            ["Mon quiz"],
            HEADER,
            ["Bonne ligne ?", "A", "B", "", "", "", "1"],
            ["", "A", "B", "", "", "", "1"],  # line 4: no prompt
            ["Sans bonne réponse ?", "A", "B", "", "", "", ""],  # line 5
            ["Réponse vide ?", "A", "B", "", "", "", "4"],  # line 6
            ["Trop long ?", "A", "B", "", "", "500", "1"],  # line 7
            ["Doublon ?", "A", "a", "", "", "", "1"],  # line 8: the engine's own rule
            ["Fiche inconnue ?", "A", "B", "", "", "", "1"],
        ]
    )
    lines = sorted({line for line, _message in result.errors})
    assert lines == [4, 5, 6, 7, 8]
    assert not result.ok
    messages = dict(result.errors)
    assert "vide" in messages[4]
    assert "vide" in messages[6]
    assert "240" in messages[7]


def test_unknown_fiche_and_image_are_errors():
    header = [*HEADER, "Image", "Fiche"]
    result = parse([header, ["Q ?", "A", "B", "", "", "", "1", "nope.png", "plombier"]])
    assert [line for line, _m in result.errors] == [2, 2]


def test_a_file_without_our_header_is_refused():
    result = parse([["nom", "prénom"], ["a", "b"]])
    assert not result.ok and result.errors[0][0] == 0


def test_too_many_questions():
    rows = [HEADER] + [[f"Q{n} ?", "A", "B", "", "", "", "1"] for n in range(MAX_QUESTIONS + 1)]
    result = parse(rows)
    assert result.errors and result.errors[-1][0] == MAX_QUESTIONS + 2


def test_header_keys():
    assert header_key("Correct answer(s) - choose at least one") == "correct"
    assert header_key("Answer 3 - max 75 characters") == "answer3"
    assert header_key("Réponse 5") is None
    assert header_key("Durée") == "time"
    assert header_key("Métier") == "fiche"


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (b"x" * (MAX_FILE_BYTES + 1), "big.csv"),
        (b"PK\x03\x04 not really a zip", "broken.xlsx"),
        (b"hello", "quiz.ods"),
        (b"a\x00b", "nul.csv"),
    ],
)
def test_unreadable_files_are_refused_with_a_message(data, name):
    with pytest.raises(SpreadsheetError) as error:
        read_rows(data, name)
    assert str(error.value)


def test_too_many_rows_are_refused():
    data = ("Question;Réponse 1\n" * (MAX_ROWS + 1)).encode()
    with pytest.raises(SpreadsheetError):
        read_rows(data, "long.csv")


def test_a_zip_bomb_is_refused_before_it_is_inflated():
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * 30_000_000)
    assert len(out.getvalue()) < MAX_FILE_BYTES
    with pytest.raises(SpreadsheetError, match="volumineux"):
        read_rows(out.getvalue(), "bomb.xlsx")


def test_windows_1252_csv_is_read():
    data = "Question;Réponse 1;Réponse 2;Bonne réponse\nÉté ?;Oui;Non;1\n".encode("cp1252")
    result = parse_quiz(read_rows(data, "quiz.csv"), find_fiche, find_image)
    assert result.questions[0]["prompt"] == "Été ?"


# -- fuzzing: untrusted files never raise anything but SpreadsheetError ------------------------

# What a spreadsheet cell can hold (openpyxl refuses control characters on writing).
cell_text = st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=30)
cells = st.one_of(
    st.none(),
    cell_text,
    st.integers(-10, 300),
    st.sampled_from(["1", "1,3", "5", "soudeur", "usine.jpg"]),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(st.text(max_size=40), max_size=10), max_size=30))
def test_parser_never_crashes_on_any_rows(rows):
    result = parse([HEADER, *rows])
    for question in result.questions:
        assert question["correct"] and all(
            0 <= i < len(question["options"]) for i in question["correct"]
        )
    assert all(isinstance(line, int) and isinstance(msg, str) for line, msg in result.errors)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(cells, max_size=9), max_size=20))
def test_any_xlsx_grid_reads_and_parses(grid):
    rows = read_rows(xlsx_bytes([HEADER, *grid]), "quiz.xlsx")
    result = parse_quiz(rows, find_fiche, find_image)
    assert result.ok or result.errors or not result.questions


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=3000), st.sampled_from(["f.csv", "f.xlsx"]))
def test_random_bytes_never_escape_as_another_exception(data, name):
    try:
        rows = read_rows(data, name)
    except SpreadsheetError:
        return
    parse_quiz(rows, find_fiche, find_image)


@pytest.mark.parametrize("odd", ["²", "٣", "1²", "½"])
def test_digits_that_are_not_ascii_are_refused_not_crashed_on(odd):
    result = parse([HEADER, ["Q ?", "A", "B", "", "", odd, odd]])
    assert not result.ok and {line for line, _m in result.errors} == {2}
