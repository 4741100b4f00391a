"""The teacher space in a real Chromium: import a 10-question quiz from a spreadsheet, try it,
launch it in one click, play it with two phones, find it in « Mes parties »; a bad
spreadsheet refused with its line numbers."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from openpyxl import Workbook
from playwright.sync_api import Page, expect

from tests.support.live_games import join_by_pin, watch
from tests.support.live_server import manage
from tests.support.spreadsheets import KAHOOT_HEADER

pytestmark = pytest.mark.browser

TEACHER = "prof.essai"
PASSWORD = "prof-essai-pass"  # noqa: S105 - a throwaway account in a throwaway database
WIDE = {"viewport": {"width": 1366, "height": 900}, "locale": "fr-FR", "accept_downloads": True}
QUESTIONS = [
    (
        f"Question {n} : quel outil pour le métier {n} ?",
        ["Clé", "Marteau", "Pinceau", "Scie"],
        (n % 4) + 1,
    )
    for n in range(1, 11)
]


def screenshot(page: Page, tmp_path: Path, name: str) -> None:
    # TEACHER_SCREENSHOTS keeps them for a person to look at; otherwise they go to tmp_path.
    folder = Path(os.environ.get("TEACHER_SCREENSHOTS", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(folder / name), full_page=True)


def quiz_xlsx(path: Path, rows) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Quiz template"])
    sheet.append([])
    sheet.append(KAHOOT_HEADER)
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


@pytest.fixture(scope="module")
def teacher_account(site_server):
    script = (
        "from django.contrib.auth import get_user_model; "
        "from django.contrib.auth.models import Group; "
        f"u, _ = get_user_model().objects.get_or_create(username={TEACHER!r}); "
        f"u.set_password({PASSWORD!r}); u.save(); "
        "u.groups.add(Group.objects.get(name='Enseignants'))"
    )
    manage("shell", "-c", script, env=site_server.env, log=site_server.workdir / "teacher.log")
    return TEACHER


@pytest.fixture
def teacher_page(browser, site_server, teacher_account):
    context = browser.new_context(base_url=site_server.url, **WIDE)
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.goto("/admin/login/")
    page.locator("#id_username").fill(teacher_account)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("#id_password").press("Enter")
    page.wait_for_url(re.compile(r"/admin/$"))
    yield page
    context.close()


def import_quiz(page: Page, path: Path, title: str) -> None:
    page.get_by_role("button", name="Espace enseignant").click()
    page.get_by_role("link", name="Importer un quiz").click()
    page.get_by_label("Titre du quiz").fill(title)
    page.get_by_label("Tableur (XLSX ou CSV)").set_input_files(str(path))
    page.get_by_role("button", name="Voir l'aperçu").click()


def play_question(host: Page, phones: list[Page], number: int, count: int, correct: int) -> None:
    heading = f"Question {number} sur {count}"
    expect(host.get_by_role("heading", name=heading)).to_be_visible()
    for choice, phone in enumerate(phones):
        expect(phone.get_by_role("heading", name=heading)).to_be_visible()
        # the first phone answers right, the second wrong
        option = QUESTIONS[number - 1][1][(correct - 1) if choice == 0 else correct % 4]
        phone.get_by_role("button", name=option, exact=True).click()
    expect(host.get_by_role("heading", name="La bonne réponse")).to_be_visible()


def test_a_teacher_imports_tries_launches_plays_and_reviews_a_quiz(
    teacher_page, new_phone, site_server, tmp_path
):
    page = teacher_page
    problems = watch(page, site_server.url)
    title = "Quiz importé : les outils"
    xlsx = quiz_xlsx(
        tmp_path / "quiz.xlsx",
        [[prompt, *answers, 20, right] for prompt, answers, right in QUESTIONS],
    )
    import_quiz(page, xlsx, title)
    expect(page.get_by_text("10 questions, rien n'est encore créé")).to_be_visible()
    expect(page.get_by_text(QUESTIONS[9][0])).to_be_visible()
    screenshot(page, tmp_path, "teacher-import-preview.png")
    page.get_by_role("button", name="Créer le quiz").click()
    expect(page.get_by_text("créé en brouillon")).to_be_visible()
    expect(page.get_by_role("heading", name="Mes jeux", level=2)).to_be_visible()
    screenshot(page, tmp_path, "teacher-my-games.png")

    # The teacher's preview: the questions with their right answers, before launching.
    page.get_by_role("link", name=f"Voir les questions de « {title} »").click()
    expect(page.get_by_text(QUESTIONS[0][0])).to_be_visible()
    expect(page.locator(".teacher-answers__right").first).to_contain_text("bonne réponse")
    page.go_back()

    # « Essayer » : the class screen and a phone side by side, nothing kept.
    page.get_by_role("button", name=f"Essayer « {title} » sans rien enregistrer").click()
    page.wait_for_url(re.compile(r"/admin/enseignant/essai/\d{6}/$"))
    screenshot(page, tmp_path, "teacher-trial.png")
    opened: list[Page] = []
    page.context.on("page", lambda window: opened.append(window))
    page.get_by_role("button", name="Ouvrir les deux côte à côte").click()
    for _ in range(50):  # both windows open from one click
        if len(opened) == 2:
            break
        page.wait_for_timeout(100)
    for window in opened:
        window.wait_for_load_state()
    trial_host = next(window for window in opened if "/hote/" in window.url)
    trial_phone = next(window for window in opened if window is not trial_host)
    trial_phone.get_by_label("Ton pseudo").fill("Moi")
    trial_phone.get_by_role("button", name="C'est parti !").click()
    expect(trial_host.get_by_role("heading", name="Joueurs connectés : 1")).to_be_visible()
    trial_host.get_by_role("button", name="Démarrer").click()
    expect(trial_phone.get_by_role("heading", name="Question 1 sur 10")).to_be_visible()
    for other in opened:
        other.close()
    page.get_by_role("button", name="Terminer l'essai").click()
    expect(page.get_by_text("Essai terminé : rien n'a été gardé.")).to_be_visible()

    # « Lancer » : one click from « Mes jeux » to the class screen.
    page.get_by_role("button", name=f"Lancer « {title} » en classe").click()
    page.wait_for_url(re.compile(r"/jeu/\d{6}/hote/$"))
    pin = re.search(r"/jeu/(\d{6})/hote/", page.url).group(1)
    host = page
    phones = [new_phone(), new_phone()]
    for phone, nickname in zip(phones, ["Lina", "Hugo"], strict=True):
        join_by_pin(phone, pin, nickname)
    expect(host.get_by_role("heading", name="Joueurs connectés : 2")).to_be_visible()
    host.get_by_role("button", name="Démarrer").click()
    for number, (_prompt, _answers, correct) in enumerate(QUESTIONS, start=1):
        play_question(host, phones, number, len(QUESTIONS), correct)
        last = number == len(QUESTIONS)
        host.get_by_role("button", name="Voir le podium" if last else "Question suivante").click()
    expect(host.get_by_role("heading", name="Podium")).to_be_visible()

    # « Mes parties » : the session, its figures per question; the trial is not there.
    host.goto("/admin/enseignant/parties/")
    row = host.get_by_role("row").filter(has_text=title)
    expect(row).to_have_count(1)
    expect(row).to_contain_text("2")  # players
    expect(row).to_contain_text("50 %")
    screenshot(host, tmp_path, "teacher-my-sessions.png")
    row.get_by_role("link", name=re.compile("Détail de la partie")).click()
    expect(host.get_by_role("heading", name="Question par question")).to_be_visible()
    expect(
        host.get_by_text(re.compile(r"Réussite : 50 % \(1 sur 2 réponses\)")).first
    ).to_be_visible()
    screenshot(host, tmp_path, "teacher-session-detail.png")
    with host.expect_download() as download:
        host.get_by_role("link", name="Télécharger (XLSX)").click()
    assert download.value.suggested_filename.endswith(".xlsx")
    assert problems == []


def test_a_bad_spreadsheet_is_refused_with_its_line_numbers(teacher_page, tmp_path):
    page = teacher_page
    title = "Quiz refusé"
    rows = [
        ["Bonne question ?", "A", "B", None, None, 20, 1],
        ["Sans bonne réponse ?", "A", "B", None, None, 20, None],  # line 5
        ["Réponse vide ?", "A", "B", None, None, 20, 3],  # line 6
        ["Trop long ?", "A", "B", None, None, 999, 1],  # line 7
    ]
    import_quiz(page, quiz_xlsx(tmp_path / "mauvais.xlsx", rows), title)
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("rien n'a été créé")
    for line in (5, 6, 7):
        expect(alert).to_contain_text(f"Ligne {line} :")
    expect(alert).not_to_contain_text("Ligne 4 :")
    screenshot(page, tmp_path, "teacher-import-errors.png")
    page.goto("/admin/enseignant/jeux/")
    expect(page.get_by_text(title)).to_have_count(0)
