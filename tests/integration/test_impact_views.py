"""Who sees the impact dashboard, its filters and exports, and the class context form."""

import csv
import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.management import call_command
from openpyxl import load_workbook

from games.impact import demo
from games.impact.blocks import KeyFiguresBlock, period_start
from games.impact.models import SessionImpact, SessionTrade
from tests.support.games import join, launch_quiz, make_teacher

pytestmark = pytest.mark.django_db

DASHBOARD = "/admin/impact/"


def editor(with_permission: bool):
    user = get_user_model().objects.create_user("editrice", password="x")
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    if with_permission:
        user.user_permissions.add(Permission.objects.get(codename="view_impact"))
    return user


def impact(**fields):
    defaults = {
        "kind": "quiz",
        "game_title": "Quiz",
        "started_at": "2026-03-10T10:00:00+01:00",
        "played_on": "2026-03-10",
        "month": "2026-03-01",
        "recorded_at": "2026-03-10T11:00:00+01:00",
        "players": 25,
    }
    return SessionImpact.objects.create(**{**defaults, **fields})


def test_the_dashboard_needs_the_permission(client):
    assert client.get(DASHBOARD).status_code == 302  # to the admin login
    client.force_login(editor(with_permission=False))
    # Wagtail's admin turns the refusal into a return to its home page, with a message.
    for url in (DASHBOARD, DASHBOARD + "export.xlsx"):
        response = client.get(url)
        assert (response.status_code, response["Location"]) == (302, "/admin/")
    assert "/admin/impact/" not in client.get("/admin/").content.decode()


def test_an_editor_with_the_permission_sees_it_in_the_menu(client):
    client.force_login(editor(with_permission=True))
    assert "/admin/impact/" in client.get("/admin/").content.decode()
    assert client.get(DASHBOARD).status_code == 200


def test_filters_choose_the_sessions(admin_client):
    impact(players=25, level="college", departement="69")
    impact(players=30, level="lycee_pro", played_on="2026-04-02", month="2026-04-01")
    impact(players=99, recorded_at=None)  # context typed, game not ended: not counted
    page = admin_client.get(DASHBOARD)
    assert page.context["figures"]["players"] == 55
    page = admin_client.get(DASHBOARD, {"level": "college"})
    assert page.context["figures"]["players"] == 25
    page = admin_client.get(DASHBOARD, {"start": "2026-04-01"})
    assert page.context["figures"]["sessions"] == 1
    tables = {table.key: table.rows for table in page.context["tables"]}
    assert tables["mois"] == [["avril 2026", 1, 30, 0]]


def test_trades_are_summed_over_sessions(admin_client):
    for players in (20, 12):
        row = impact(players=players)
        SessionTrade.objects.create(
            impact=row, title="Soudeur", players_reached=players, played_on=row.played_on
        )
    response = admin_client.get(DASHBOARD + "export.csv", {"table": "metiers"})
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows == [["Métier", "Parties", "Élèves qui l'ont découvert"], ["Soudeur", "2", "32"]]


def test_text_typed_by_a_teacher_cannot_become_a_formula(admin_client):
    impact(event="=HYPERLINK(1)")
    response = admin_client.get(DASHBOARD + "export.xlsx")
    sheet = load_workbook(io.BytesIO(response.content))["Par événement"]
    assert sheet["A2"].value == "'=HYPERLINK(1)"


def test_bad_filters_are_refused_with_a_reason(admin_client):
    page = admin_client.get(DASHBOARD, {"start": "2026-05-01", "end": "2026-01-01"})
    assert "La date de début est après la date de fin" in page.content.decode()
    response = admin_client.get(DASHBOARD + "export.xlsx", {"start": "pas une date"})
    assert response.status_code == 400
    assert admin_client.get(DASHBOARD + "export.csv", {"table": "rien"}).status_code == 404
    assert admin_client.get(DASHBOARD + "export.pdf", follow=True).status_code == 404


def test_the_host_describes_the_class(client):
    teacher = make_teacher()
    session = launch_quiz(teacher)
    url = f"/jeu/{session.pin}/contexte/"
    client.force_login(teacher)
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "level": "college",
            "etablissement": "Collège Jean Moulin",
            "departement": "69",
            "commune": "Lyon",
            "event": "",
        },
    )
    assert response.status_code == 302
    context = SessionImpact.objects.get(session=session)
    assert (context.level, context.departement, context.recorded_at) == ("college", "69", None)


def test_a_bad_departement_is_refused_and_nothing_is_written(client):
    teacher = make_teacher()
    session = launch_quiz(teacher)
    client.force_login(teacher)
    response = client.post(f"/jeu/{session.pin}/contexte/", {"departement": "99", "level": ""})
    assert response.status_code == 200
    assert "departement" in response.context["form"].errors
    assert not SessionImpact.objects.exists()


def test_another_teacher_cannot_describe_my_class(client):
    session = launch_quiz(make_teacher())
    join(session, "Zoé")
    client.force_login(make_teacher("autre"))
    assert client.post(f"/jeu/{session.pin}/contexte/", {"level": "college"}).status_code == 403
    assert not SessionImpact.objects.exists()


def test_demo_year_is_loaded_once_and_labelled(admin_client):
    call_command("load_demo", stdout=io.StringIO())
    count = SessionImpact.objects.filter(is_demo=True).count()
    assert count == demo.SESSIONS
    call_command("load_demo", stdout=io.StringIO())
    assert SessionImpact.objects.count() == count
    page = admin_client.get(DASHBOARD)
    assert "données de démonstration" in page.content.decode()
    assert admin_client.get(DASHBOARD, {"without_demo": "on"}).context["figures"]["sessions"] == 0


def test_an_editor_completes_the_context_in_the_admin_but_creates_nothing(admin_client):
    row = impact()
    edit = f"/admin/impact/parties/edit/{row.pk}/"
    assert "/admin/impact/parties/" in admin_client.get(DASHBOARD).content.decode()
    response = admin_client.post(
        edit,
        {
            "level": "apprentis",
            "etablissement": "CFA",
            "commune": "",
            "departement": "2A",
            "event": "",
        },
    )
    assert response.status_code == 302
    row.refresh_from_db()
    assert (row.level, row.departement, row.players) == ("apprentis", "2A", 25)
    # Rows come from the games only: no « add » in the admin.
    assert admin_client.get("/admin/impact/parties/new/")["Location"] == "/admin/"


def test_key_figures_block_leaves_demo_data_out_unless_asked():
    impact(players=25, etablissement="Collège A")
    impact(players=500, is_demo=True)
    block = KeyFiguresBlock()
    real = block.render(block.to_python({"title": "Chiffres clés", "period": "all"}))
    assert ">25<" in real and "démonstration" not in real
    demo_site = block.render(
        block.to_python({"title": "Chiffres", "period": "all", "include_demo": True})
    )
    assert ">525<" in demo_site and "démonstration" in demo_site


def test_key_figures_periods():
    today = datetime.date(2026, 12, 3)
    assert period_start("school_year", today) == datetime.date(2026, 9, 1)
    assert period_start("school_year", datetime.date(2027, 2, 1)) == datetime.date(2026, 9, 1)
    assert period_start("all", today) is None
