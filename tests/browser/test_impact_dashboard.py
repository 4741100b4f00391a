"""The impact dashboard in a real Chromium: demo figures, date filters, exports read back."""

from __future__ import annotations

import csv
import io
import os
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from tests.support.a11y import assert_accessible, assert_no_horizontal_scroll
from tests.support.live_games import launch_from_page, log_in_as_admin, watch

pytestmark = pytest.mark.browser

QUIZ_PAGE = "/jeux/quiz-pile-a-combustible/"
WIDE = {"viewport": {"width": 1366, "height": 900}, "locale": "fr-FR"}


def screenshot(page, tmp_path: Path, name: str) -> None:
    # IMPACT_SCREENSHOTS keeps them for a person to look at; otherwise they go to tmp_path.
    folder = Path(os.environ.get("IMPACT_SCREENSHOTS", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(folder / name), full_page=True)


def month_rows(page) -> list[str]:
    table = page.get_by_role("region", name="Par mois").get_by_role("table")
    return [cell.inner_text() for cell in table.get_by_role("rowheader").all()]


def number(text: str) -> int:
    return int(re.sub(r"\D", "", text))


@pytest.fixture
def admin_page(browser, site_server):
    context = browser.new_context(base_url=site_server.url, accept_downloads=True, **WIDE)
    context.set_default_timeout(10_000)
    page = context.new_page()
    log_in_as_admin(page)
    yield page
    context.close()


def test_dashboard_filters_and_exports(admin_page, site_server, tmp_path):
    page = admin_page
    problems = watch(page, site_server.url)
    page.get_by_role("link", name="Impact").first.click()
    page.wait_for_url("**/admin/impact/")
    expect(page.get_by_role("note")).to_contain_text("démonstration")
    all_months = month_rows(page)
    # The demo school year (September to June), and any game other tests played on this server.
    assert len(all_months) >= 10
    total = number(
        page.locator(".impact-figures div", has_text="Parties").locator("dd").inner_text()
    )
    screenshot(page, tmp_path, "impact-1366.png")
    filieres = page.get_by_role("region", name="Par filière")
    filieres.scroll_into_view_if_needed()
    filieres.screenshot(
        path=str(Path(os.environ.get("IMPACT_SCREENSHOTS", tmp_path)) / "impact-1366-filieres.png")
    )

    # March only: one month left in the monthly table, and fewer games in the key figures.
    first_march = all_months.index(next(m for m in all_months if m.startswith("mars")))
    year = all_months[first_march].split()[-1]
    page.get_by_label("Du :", exact=True).fill(f"{year}-03-01")
    page.get_by_label("Au :", exact=True).fill(f"{year}-03-31")
    page.get_by_role("button", name="Appliquer").click()
    page.wait_for_url(re.compile(r"start="))
    assert month_rows(page) == [f"mars {year}"]
    march = number(
        page.locator(".impact-figures div", has_text="Parties").locator("dd").inner_text()
    )
    assert 0 < march < total

    # The CSV of the monthly table is the table on the page.
    region = page.get_by_role("region", name="Par mois")
    with page.expect_download() as download_info:
        region.get_by_role("link", name=re.compile("CSV")).click()
    text = Path(download_info.value.path()).read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows[0] == ["Mois", "Parties", "Élèves", "Découvertes de métiers"]
    assert [row[0] for row in rows[1:]] == [f"mars {year}"]
    assert int(rows[1][1]) == march

    # The workbook holds every table, filtered the same way.
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Tout exporter (XLSX)").click()
    workbook = load_workbook(io.BytesIO(Path(download_info.value.path()).read_bytes()))
    assert "Par métier" in workbook.sheetnames and "Par département" in workbook.sheetnames
    months = list(workbook["Par mois"].iter_rows(values_only=True))
    assert months[1][:2] == (f"mars {year}", march)
    trades = list(workbook["Par métier"].iter_rows(values_only=True))
    assert len(trades) > 2 and all(isinstance(row[2], int) for row in trades[1:])

    # A start after the end is refused with a message, and filters nothing.
    page.get_by_label("Du :", exact=True).fill(f"{year}-04-01")
    page.get_by_role("button", name="Appliquer").click()
    expect(page.get_by_role("alert")).to_contain_text("La date de début est après la date de fin")
    assert problems == []


def test_dashboard_on_a_phone(browser, site_server, tmp_path):
    context = browser.new_context(
        base_url=site_server.url,
        viewport={"width": 360, "height": 740},
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
        locale="fr-FR",
    )
    page = context.new_page()
    try:
        log_in_as_admin(page)
        page.goto("/admin/impact/")
        expect(page.get_by_role("heading", name="Chiffres clés")).to_be_visible()
        assert_no_horizontal_scroll(page)
        screenshot(page, tmp_path, "impact-360.png")
        trades = page.get_by_role("region", name="Par métier")
        trades.scroll_into_view_if_needed()
        assert trades.get_by_role("rowheader").count() == 15  # the rest is in the exports
        page.screenshot(
            path=str(
                Path(os.environ.get("IMPACT_SCREENSHOTS", tmp_path)) / "impact-360-metiers.png"
            )
        )
        widths = trades.get_by_role("table").evaluate(
            "table => [table.getBoundingClientRect().width, table.parentElement.clientWidth]"
        )
        assert widths[0] <= widths[1], f"the trades table sticks out: {widths}"
    finally:
        context.close()


def test_a_teacher_describes_the_class_from_a_phone(browser, site_server, tmp_path):
    context = browser.new_context(
        base_url=site_server.url,
        viewport={"width": 360, "height": 740},
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
        locale="fr-FR",
    )
    page = context.new_page()
    try:
        problems = watch(page, site_server.url)
        log_in_as_admin(page)
        pin = launch_from_page(page, QUIZ_PAGE)
        link = page.get_by_role("link", name="Décrire la classe (pour le bilan)")
        assert link.get_attribute("href") == f"/jeu/{pin}/contexte/"
        page.goto(f"/jeu/{pin}/contexte/")
        page.get_by_label("Niveau").select_option("college")
        page.get_by_label("Établissement").fill("Collège Jean Moulin")
        page.get_by_label("Département").select_option("69")
        page.get_by_role("button", name="Enregistrer").click()
        expect(page.get_by_role("status")).to_contain_text("contexte de la séance est enregistré")
        expect(page.get_by_label("Établissement")).to_have_value("Collège Jean Moulin")
        assert_no_horizontal_scroll(page)
        assert_accessible(page)
        screenshot(page, tmp_path, "impact-contexte-360.png")
        assert problems == []
    finally:
        context.close()
