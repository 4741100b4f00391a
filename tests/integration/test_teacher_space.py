"""The teacher space: quiz import, one-click launch of drafts, « Essayer », « Mes parties » and
their figures and exports; who may do what, enforced by the server."""

from __future__ import annotations

import csv
import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.test import Client, override_settings
from django.urls import reverse
from openpyxl import load_workbook

from games.engine.commands import Answer as AnswerCommand
from games.engine.commands import End, Start
from games.impact.models import SessionImpact
from games.models import GameSession, QuizPage
from games.services.clock import now_ms
from games.services.play import apply_commands
from games.teacher.stats import session_figures
from games.teacher.trial import is_trial
from games.views import join_address as join_address_module
from tests.support.game_pages import game_index, teacher
from tests.support.games import join

pytestmark = pytest.mark.django_db

CSV_QUIZ = (
    "Question;Réponse 1;Réponse 2;Réponse 3;Réponse 4;Temps;Bonne réponse\n"
    "=1+1 fait ?;2;3;;;20;1\n"
    "Qui soude ?;Le soudeur;Le boulanger;Le fleuriste;;30;1\n"
)


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def upload(client, content: str, name="quiz.csv", title="Mon quiz"):
    return client.post(
        reverse("teacher_import"),
        {
            "title": title,
            "introduction": "",
            "fichier": io.BytesIO(content.encode()) | _named(name),
        },
    )


class _named:
    """`io.BytesIO(...) | _named("x.csv")`: a file object with a name, for the test client."""

    def __init__(self, name):
        self.name = name

    def __ror__(self, stream):
        stream.name = self.name
        return stream


def refused(response) -> bool:
    """Wagtail's admin answers a PermissionDenied with a redirect to its dashboard."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == "/admin/"
    )


def imported_quiz(client) -> QuizPage:
    preview = upload(client, CSV_QUIZ)
    assert preview.status_code == 200
    token = preview.context["form"].initial["token"]
    response = client.post(reverse("teacher_import_confirm"), {"token": token})
    assert response.status_code == 302
    return QuizPage.objects.get(title="Mon quiz")


# -- import ---------------------------------------------------------------------------------


def test_import_shows_a_preview_and_creates_nothing_before_confirmation():
    game_index()
    client = logged_in(teacher())
    response = upload(client, CSV_QUIZ)
    html = response.content.decode()
    assert "Qui soude ?" in html and "bonne réponse" in html
    assert not QuizPage.objects.exists()


def test_confirmed_import_writes_a_draft_owned_by_the_teacher_with_explicit_answers():
    game_index()
    user = teacher()
    page = imported_quiz(logged_in(user))
    assert page.owner == user and not page.live
    first = page.questions[0]
    assert first.block_type == "choice"
    assert [option["correct"] for option in first.value["options"]] == [True, False]
    assert page.questions[1].value["time_limit"] == 30
    assert page.game_problems() == []


def test_a_bad_spreadsheet_is_refused_with_its_line_numbers_and_writes_nothing():
    game_index()
    client = logged_in(teacher())
    bad = CSV_QUIZ + "Sans réponse juste ?;A;B;;;;\n;A;B;;;;1\n"
    response = upload(client, bad)
    html = response.content.decode()
    assert "Ligne 4" in html and "Ligne 5" in html
    assert "rien n’a été créé" in html.replace("&#x27;", "’").replace("'", "’")
    assert not QuizPage.objects.exists()
    # and the confirmation cannot be forged from the refused upload
    response = client.post(reverse("teacher_import_confirm"), {"token": "0" * 32})
    assert response.status_code == 302 and not QuizPage.objects.exists()


def test_an_unreadable_file_is_a_form_error():
    game_index()
    response = upload(logged_in(teacher()), "whatever", name="quiz.ods")
    assert "xlsx ou .csv" in response.content.decode()
    assert not QuizPage.objects.exists()


# -- roles ----------------------------------------------------------------------------------


TEACHER_PAGES = ["teacher_games", "teacher_sessions", "teacher_import"]


@pytest.mark.parametrize("name", TEACHER_PAGES)
def test_the_teacher_space_is_for_teachers_only(name):
    game_index()
    url = reverse(name)
    assert Client().get(url).status_code == 302  # to the login page
    staff = get_user_model().objects.create_user("editeur", password="x")
    staff.user_permissions.add(Permission.objects.get(codename="access_admin"))
    assert refused(logged_in(staff).get(url))
    assert logged_in(teacher()).get(url).status_code == 200


def test_a_teacher_launches_their_own_draft_in_one_post_but_not_anothers():
    game_index()
    author = teacher("auteur")
    page = imported_quiz(logged_in(author))
    url = reverse("teacher_launch", args=[page.pk])
    assert logged_in(author).get(url).status_code == 405  # a link never launches
    response = logged_in(author).post(url)
    session = GameSession.objects.get()
    assert response["Location"] == reverse("games:host", kwargs={"pin": session.pin})
    assert session.host == author and session.page_id == page.pk
    other = teacher("autre")
    assert refused(logged_in(other).post(url))
    assert GameSession.objects.count() == 1
    assert refused(logged_in(other).get(reverse("teacher_preview", args=[page.pk])))


def test_a_teacher_edits_and_copies_their_own_game_but_not_anothers():
    game_index()
    author = teacher("auteur")
    page = imported_quiz(logged_in(author))
    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert logged_in(author).get(edit).status_code == 200
    assert (
        logged_in(author).get(reverse("wagtailadmin_pages:copy", args=[page.pk])).status_code == 200
    )
    assert refused(logged_in(teacher("autre")).get(edit))


def test_a_published_library_game_is_launched_by_any_teacher_and_previewed():
    game_index()
    author = teacher("auteur")
    page = imported_quiz(logged_in(author))
    page.save_revision().publish()
    other = logged_in(teacher("autre"))
    preview = other.get(reverse("teacher_preview", args=[page.pk]))
    assert preview.status_code == 200 and "Qui soude ?" in preview.content.decode()
    assert other.post(reverse("teacher_launch", args=[page.pk])).status_code == 302
    # but only its editors try it
    assert refused(other.post(reverse("teacher_try", args=[page.pk])))


# -- « Essayer » ----------------------------------------------------------------------------


def play_through(session, nicknames, picks):
    """Start, let each player answer question 1 with its pick, reveal, end."""
    players = [join(session, name).player for name in nicknames]
    now = now_ms()
    apply_commands(session.pk, [Start()], now)
    apply_commands(
        session.pk,
        [
            AnswerCommand(player_id=p.engine_id, question_index=0, payload=[pick])
            for p, pick in zip(players, picks, strict=True)
        ],
        now + 1000,
    )
    apply_commands(session.pk, [End()], now + 2000)
    return players


def test_a_trial_is_never_counted_listed_or_kept(django_capture_on_commit_callbacks):
    game_index()
    author = teacher("auteur")
    client = logged_in(author)
    page = imported_quiz(client)
    response = client.post(reverse("teacher_try", args=[page.pk]))
    session = GameSession.objects.get()
    assert is_trial(session)
    assert response["Location"] == reverse("teacher_trial", kwargs={"pin": session.pin})
    trial_page = client.get(response["Location"]).content.decode()
    assert reverse("games:host", kwargs={"pin": session.pin}) in trial_page
    with django_capture_on_commit_callbacks(execute=True):
        play_through(session, ["Moi"], [0])
    assert not SessionImpact.objects.exists()
    assert "Mon quiz" not in client.get(reverse("teacher_sessions")).content.decode()
    client.post(reverse("teacher_end_trial"))
    assert not GameSession.objects.exists()


# -- « Mes parties » ------------------------------------------------------------------------


@pytest.fixture
def played(django_capture_on_commit_callbacks):
    game_index()
    author = teacher("auteur")
    client = logged_in(author)
    page = imported_quiz(client)
    client.post(reverse("teacher_launch", args=[page.pk]))
    session = GameSession.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        play_through(session, ["Alice", "Bob", "Chloé"], [0, 0, 1])
    return author, client, session


def test_session_figures_per_question(played):
    _author, _client, session = played
    figures = session_figures(session)
    assert figures.players == 3
    first = figures.questions[0]
    assert (first.answers, first.right, first.success_rate) == (3, 2, 67)
    assert [(label, count) for label, count, _ok in first.distribution] == [("2", 2), ("3", 1)]
    assert first.average_s == 1.0
    assert figures.questions[1].answers == 0


def test_mes_parties_lists_the_session_and_its_detail(played):
    author, client, session = played
    listing = client.get(reverse("teacher_sessions")).content.decode()
    assert "Mon quiz" in listing
    detail = client.get(reverse("teacher_session", args=[session.pk])).content.decode()
    assert "67 %" in detail and "Choisie par" in detail
    assert (
        logged_in(teacher("autre")).get(reverse("teacher_session", args=[session.pk])).status_code
        == 404
    )
    impact = SessionImpact.objects.get()
    assert impact.host == author  # the counts that outlive the purge stay the teacher's


def test_exports_neutralise_formulas(played):
    _author, client, session = played
    response = client.get(reverse("teacher_session_export", args=[session.pk, "csv"]))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[1][1] == "'=1+1 fait ?"
    response = client.get(reverse("teacher_session_export", args=[session.pk, "xlsx"]))
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook["Questions"]["B2"].value == "'=1+1 fait ?"
    assert workbook["Questions"]["E2"].value == 67


def test_after_the_purge_the_counts_remain_in_mes_parties(played):
    _author, client, session = played
    session.delete()
    listing = client.get(reverse("teacher_sessions")).content.decode()
    assert "comptes seulement" in listing and "Mon quiz" in listing


# -- the address the class screen shows ---------------------------------------------------


def test_a_loopback_address_is_shown_with_a_warning(played, monkeypatch):
    _author, client, session = played
    monkeypatch.delenv("HOST", raising=False)
    response = client.get(
        reverse("games:host", kwargs={"pin": session.pin}), HTTP_HOST="127.0.0.1:8000"
    )
    assert "ne fonctionne que sur cet ordinateur" in response.context["join_warning"]


@override_settings(ALLOWED_HOSTS=["127.0.0.1", "192.168.1.20", "testserver"])
def test_served_on_all_interfaces_the_lan_address_is_shown(played, monkeypatch):
    _author, client, session = played
    monkeypatch.setenv("HOST", "0.0.0.0")  # noqa: S104 (the setting read, nothing bound)
    monkeypatch.setattr(join_address_module, "lan_addresses", lambda: ["192.168.1.20"])
    response = client.get(
        reverse("games:host", kwargs={"pin": session.pin}), HTTP_HOST="127.0.0.1:8000"
    )
    assert response.context["join_address"] == "192.168.1.20:8000/jouer"
    assert response.context["join_warning"] == ""


def test_a_real_host_name_is_kept_without_warning(played):
    _author, client, session = played
    response = client.get(reverse("games:host", kwargs={"pin": session.pin}))
    assert response.context["join_address"] == "testserver/jouer"
    assert response.context["join_warning"] == ""


# -- the library workflow -----------------------------------------------------------------


def test_a_teacher_submits_their_game_to_the_library_workflow_and_cannot_publish_it():
    index = game_index()
    author = teacher("auteur")
    client = logged_in(author)
    page = imported_quiz(client)
    permissions = page.permissions_for_user(author)
    assert permissions.can_edit() and not permissions.can_publish()
    assert page.get_workflow().name == "Publication dans la bibliothèque des jeux"
    assert index.get_workflow() == page.get_workflow()
    page.get_workflow().start(page, author)
    page.refresh_from_db()
    assert page.workflow_in_progress and not page.live
    reviewer = get_user_model().objects.create_superuser("editrice", password="x")
    state = page.current_workflow_task_state
    state.task.specific.on_action(state, reviewer, "approve")
    page.refresh_from_db()
    assert page.live


# -- launching from the admin listing and the public page ---------------------------------


def test_admin_buttons_launch_and_try_with_a_post_never_a_link():
    from games.wagtail_hooks import launch_listing_button

    game_index()
    author = teacher("auteur")
    page = imported_quiz(logged_in(author))
    buttons = {str(button.label): button for button in launch_listing_button(page, author)}
    assert {"Lancer", "Essayer", "Voir les questions"} <= buttons.keys()
    for label in ("Lancer", "Essayer"):
        attrs = buttons[label].attrs
        assert attrs["data-action"] == "w-action#post"
        assert attrs["data-w-action-url-value"].startswith("/admin/enseignant/jeux/")
    assert list(launch_listing_button(page, teacher("autre"))) == []  # a draft not theirs
    listing = logged_in(author).get(reverse("wagtailadmin_explore", args=[page.get_parent().pk]))
    assert "w-action#post" in listing.content.decode()


def test_the_public_game_page_offers_hosts_the_launch_and_the_preview():
    game_index()
    page = imported_quiz(logged_in(teacher("auteur")))
    page.save_revision().publish()
    html = logged_in(teacher("autre")).get(page.url).content.decode()
    assert reverse("games:launch", kwargs={"page_id": page.pk}) in html
    assert reverse("teacher_preview", args=[page.pk]) in html
    assert reverse("teacher_preview", args=[page.pk]) not in Client().get(page.url).content.decode()


def test_a_forgotten_trial_is_purged_after_a_day_without_being_counted():
    from datetime import timedelta

    from django.utils import timezone

    from games.services.retention import purge_expired

    game_index()
    author = teacher("auteur")
    client = logged_in(author)
    page = imported_quiz(client)
    client.post(reverse("teacher_try", args=[page.pk]))
    client.post(reverse("teacher_launch", args=[page.pk]))
    trial, real = GameSession.objects.order_by("pk")
    join(trial, "Moi")
    join(real, "Lina")
    two_days_ago = timezone.now() - timedelta(days=2)
    GameSession.objects.update(created_at=two_days_ago)
    assert purge_expired(timezone.now(), retention_days=30) == 1
    assert list(GameSession.objects.all()) == [real]  # the class's game waits for the retention
    assert not SessionImpact.objects.exists()
