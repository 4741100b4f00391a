"""manage.py import_rome: the ROME files become draft fiches in Wagtail.

On the hand-written fixtures (tests/fixtures/rome); the real referential is read only when
ROME_DIR is set (CI sets it).
"""

from __future__ import annotations

import os
import shutil
import time
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from wagtail.models import Page, PageLogEntry, ReferenceIndex, Revision

from cms.demo import ensure_home_page
from metiers.models import CentreInteret, MetierIndexPage, MetierPage
from metiers.rome import importer
from metiers.rome.mapping import content_values

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "rome"

pytestmark = pytest.mark.django_db


def run_import(directory: Path = FIXTURES, *args: str) -> str:
    out = StringIO()
    call_command("import_rome", str(directory), "--no-progress", *args, stdout=out)
    return out.getvalue()


def fiche(code: str) -> MetierPage:
    return MetierPage.objects.get(code_rome=code)


def draft(code: str) -> MetierPage:
    """The fiche as the editor opens it: its latest revision."""
    return fiche(code).get_latest_revision_as_object()


def codes(pages) -> set[str]:
    return {page.code_rome for page in pages}


def counts() -> tuple[int, int, int, int]:
    return (
        Page.objects.count(),
        Revision.objects.count(),
        CentreInteret.objects.count(),
        MetierPage.metiers_proches.through.objects.count(),
    )


def edit(code: str, **fields) -> None:
    """An editor changes the fiche and saves a draft."""
    page = draft(code)
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision(clean=False)  # un brouillon, comme dans l'administration


@pytest.fixture
def home():
    return ensure_home_page()


@pytest.fixture
def rome_copy(tmp_path):
    """A copy of the fixtures to change: ``change(file, old, new)``."""
    target = tmp_path / "rome"
    shutil.copytree(FIXTURES, target)

    def change(name: str, old: str, new: str) -> Path:
        path = target / f"unix_{name}_v460_utf8.csv"
        content = path.read_text(encoding="utf-8")
        assert content.count(old) == 1, f"{old!r} doit apparaître une fois dans {path.name}"
        path.write_text(content.replace(old, new), encoding="utf-8")
        return target

    change.directory = target
    return change


# --- premier import -----------------------------------------------------------------------


def test_creates_draft_fiches_under_the_metiers_index(home):
    out = run_import()

    index = MetierIndexPage.objects.get()
    assert index.slug == "metiers" and index.get_parent().pk == home.pk
    pages = MetierPage.objects.child_of(index)
    assert codes(pages) == {"H1101", "H2901", "H2902", "H2903", "K1202"}
    for page in pages:
        assert not page.live and page.has_unpublished_changes
        assert page.latest_revision is not None
        assert page.url_path == f"{index.url_path}{page.slug}/"
        assert PageLogEntry.objects.filter(page=page, action="wagtail.create").exists()
    assert Revision.objects.filter(object_id__in=[str(p.pk) for p in pages]).count() == 5
    assert Page.find_problems() == ([], [], [], [], [])
    assert "Fiches créées : 5" in out


def test_every_imported_field_is_filled_from_the_files(home):
    run_import()

    page = draft("H2901")
    assert page.title == "Monteur / Monteuse de maquettes mécaniques"
    assert page.titre_masculin == "Monteur de maquettes mécaniques"
    assert page.titre_feminin == "Monteuse de maquettes mécaniques"
    assert page.slug == "monteur-de-maquettes-mecaniques"
    assert page.appellations == "Maquettiste mécanique"  # the main one is the title
    assert page.riasec == "RC"
    assert page.description == (
        "<p>Assemble à la main des maquettes de machines.</p>"
        '<p>Contrôle l\'ajustement avec un outil dit "calibre".</p>'
    )
    assert page.acces == "<p>Accessible sans diplôme après une formation en atelier.</p>"
    groups = content_values(page.serializable_data(), {}, {})
    assert groups["competences"] == [
        {
            "titre": "Savoir-faire",
            "elements": [
                "Lire un plan d'ensemble mécanique",
                "Assembler des sous-ensembles à la main",
                "Fabriquer et assembler",
            ],
        },
        {"titre": "Savoir-être professionnels", "elements": ["Faire preuve de rigueur"]},
    ]
    assert [g["titre"] for g in groups["savoirs"]] == [
        "Techniques professionnelles",
        "Normes et procédés",
        "Certifications et habilitations",
    ]
    assert groups["conditions"][0] == {
        "titre": "Conditions de travail et risques professionnels",
        "elements": ["Port de protections auditives"],
    }
    assert {c.code_rome_ogr for c in page.centres_interet.all()} == {"1", "2"}
    assert codes(page.metiers_proches.all()) == {"H2902", "H2903", "K1202"}
    # The page row (a draft) holds the same links as the revision.
    assert codes(fiche("H2901").metiers_proches.all()) == {"H2902", "H2903", "K1202"}


def test_lists_and_missing_feminine_forms(home):
    run_import()

    assert draft("H2902").acces == (
        "<p>Ce métier est accessible avec :</p>"
        "<ul><li>un CAP de mécanique ;</li><li>une expérience en atelier.</li></ul>"
        "<p>Un permis peut être demandé.</p>"
    )
    no_gender = draft("H2903")
    assert (no_gender.titre_masculin, no_gender.titre_feminin) == ("Opérateur prototypiste", "")
    assert draft("H2902").riasec == "R"


def test_creates_the_centres_d_interet_snippets(home):
    run_import()

    centres = {c.code_rome_ogr: c for c in CentreInteret.objects.all()}
    assert set(centres) == {"1", "2", "3"}
    assert centres["1"].libelle == "J'aime fabriquer de mes mains"
    assert centres["1"].slug == "jaime-fabriquer-de-mes-mains"
    assert centres["1"].description.startswith("Construire, monter, assembler")


def test_an_editor_opens_edits_and_publishes_an_imported_fiche(home, client):
    run_import()
    index = MetierIndexPage.objects.get()
    page = fiche("H2902")
    client.force_login(get_user_model().objects.create_superuser("editrice", "", "pass"))

    explorer = client.get(reverse("wagtailadmin_explore", args=[index.pk]))
    assert explorer.status_code == 200
    assert "Régleur / Régleuse de bancs d&#x27;essai" in explorer.content.decode()
    assert client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).status_code == 200

    edited = page.get_latest_revision_as_object()
    edited.accroche = "Tu fais parler les machines avant qu'elles partent chez le client."
    edited.save_revision().publish()  # full_clean: the imported content is valid
    page.refresh_from_db()
    assert page.live and page.accroche.startswith("Tu fais parler")


def test_imported_fields_hold_no_reference_for_the_reference_index(home):
    """The import leaves the reference index alone: it would have nothing to put there."""
    run_import()
    for page in MetierPage.objects.all():
        ReferenceIndex.create_or_update_for_object(page)
    assert not ReferenceIndex.objects.filter(
        object_id__in=[str(p.pk) for p in MetierPage.objects.all()]
    ).exists()


def test_imported_fiches_are_found_by_the_admin_search(home):
    from wagtail.search.backends import get_search_backend

    run_import()
    results = get_search_backend().search("maquettiste", MetierPage)
    assert codes(results) == {"H2901"}


# --- réimport -------------------------------------------------------------------------------


def test_second_run_changes_nothing(home):
    run_import()
    before = counts()

    out = run_import()

    assert counts() == before
    assert "Fiches créées : 0" in out
    assert "Fiches mises à jour : 0" in out
    assert "Fiches inchangées : 5" in out


def test_an_edited_field_is_kept_and_the_others_are_updated(home, rome_copy):
    run_import()
    edit("H2901", description="<p>Notre texte, réécrit pour les collégiens.</p>")
    rome_copy(
        "texte",
        "Assemble à la main des maquettes de machines.",
        "Monte des maquettes de machines.",
    )
    changed = rome_copy(
        "texte",
        "Accessible sans diplôme après une formation en atelier.",
        "Accessible avec un CAP de mécanique.",
    )
    revisions = Revision.objects.count()

    out = run_import(changed)

    page = draft("H2901")
    assert page.description == "<p>Notre texte, réécrit pour les collégiens.</p>"
    assert page.acces == "<p>Accessible avec un CAP de mécanique.</p>"
    assert not fiche("H2901").live
    assert Revision.objects.count() == revisions + 1  # one revision, for H2901 only
    assert "Fiches mises à jour : 1" in out
    assert "Champs mis à jour : acces 1" in out
    assert "Champs gardés car modifiés : description 1" in out

    # The kept field stays kept on later runs; nothing else moves.
    again = run_import(changed, "-v", "2")
    assert Revision.objects.count() == revisions + 1
    assert "H2901 : champ « description » gardé" in again
    assert draft("H2901").description == "<p>Notre texte, réécrit pour les collégiens.</p>"


def test_an_edited_group_list_is_kept(home, rome_copy):
    run_import()
    page = draft("H2902")
    page.competences = [{"type": "groupe", "value": {"titre": "Au banc", "elements": ["Régler"]}}]
    page.save_revision(clean=False)  # un brouillon, comme dans l'administration
    changed = rome_copy("referentiel_code_rome_riasec", '"H2902","R",""', '"H2902","R","I"')

    out = run_import(changed)

    page = draft("H2902")
    assert page.riasec == "RI"
    assert content_values(page.serializable_data(), {}, {})["competences"] == [
        {"titre": "Au banc", "elements": ["Régler"]}
    ]
    assert "Champs gardés car modifiés : competences 1" in out


def test_a_published_fiche_gets_a_draft_revision_and_stays_online(home, rome_copy):
    run_import()
    page = draft("H2902")
    page.accroche = "Une accroche."
    page.save_revision().publish()
    changed = rome_copy("texte", "Prépare et règle des bancs d''essai.", "Règle des bancs.")

    run_import(changed)

    live = fiche("H2902")
    assert live.live and live.has_unpublished_changes
    assert live.description == "<p>Prépare et règle des bancs d'essai.</p>"  # en ligne
    assert live.get_latest_revision_as_object().description == "<p>Règle des bancs.</p>"


def test_a_fiche_written_by_hand_is_only_completed(home):
    """Same ROME code, a hand-made fiche: its filled fields are kept, the empty ones filled,
    and no duplicate fiche is created."""
    index = MetierIndexPage(title="Métiers", slug="metiers")
    home.add_child(instance=index)
    hand = MetierPage(
        title="Régleur de bancs",
        slug="regleur",
        code_rome="H2902",
        description="<p>Écrit à la main.</p>",
        live=False,
    )
    index.add_child(instance=hand)
    hand.save_revision(clean=False)

    out = run_import()

    assert MetierPage.objects.filter(code_rome="H2902").count() == 1
    page = draft("H2902")
    assert page.title == "Régleur de bancs"
    assert page.description == "<p>Écrit à la main.</p>"
    assert page.acces.startswith("<p>Ce métier est accessible avec :</p>")
    assert page.riasec == "R"
    assert "Fiches créées : 4" in out
    assert "Champs gardés car modifiés : description 1, title 1" in out
    # The links to the hand-made fiche are set.
    assert "H2902" in codes(draft("H2901").metiers_proches.all())


# --- filtre de domaine et simulation -----------------------------------------------------


def test_domain_filter_imports_only_that_domain_and_counts_skipped_links(home):
    out = run_import(FIXTURES, "--domain", "H29")

    assert codes(MetierPage.objects.all()) == {"H2901", "H2902", "H2903"}
    # H2901 -> K1202: outside the filter and not on the site
    assert codes(draft("H2901").metiers_proches.all()) == {"H2902", "H2903"}
    assert "métiers proches ignorés (fiche absente du site) : 1" in out

    # The rest of the referential, later: the missing link is set.
    run_import()
    assert codes(draft("H2901").metiers_proches.all()) == {"H2902", "H2903", "K1202"}


def test_dry_run_reports_and_writes_nothing(home, rome_copy):
    before = counts()
    out = run_import(FIXTURES, "--dry-run")
    assert counts() == before
    assert not MetierIndexPage.objects.exists()
    assert "Fiches créées : 5" in out and "Index des métiers créé" in out
    assert "Simulation (--dry-run) : rien n'a été écrit." in out

    run_import()
    edit("H2901", appellations="Maquettiste")
    changed = rome_copy("referentiel_code_rome_riasec", '"H2902","R",""', '"H2902","R","I"')
    before = counts()
    out = run_import(changed, "--dry-run")
    assert counts() == before
    assert draft("H2902").riasec == "R"
    assert "Fiches mises à jour : 1" in out
    assert "Champs mis à jour : riasec 1" in out
    assert "Champs gardés car modifiés : appellations 1" in out


# --- bad input: a message that says where, and nothing written ---------------------------


BAD_INPUTS = {
    "en-tête inattendu": (
        "rubrique_mobilite",
        '"code_rome","code_rome_cible"',
        '"code_rome","cible"',
        "ligne 1",
    ),
    "enregistrement mal formé": (
        "referentiel_code_rome_riasec",
        '"H2902","R",""',
        '"H2902","R"',
        "ligne 4",
    ),
    "code inconnu dans une table de liens": (
        "liens_rome_referentiels",
        '"H2902","5","1","500003"',
        '"H2902","5","1","599999"',
        "ligne 23",
    ),
}


@pytest.mark.parametrize("kind", BAD_INPUTS)
def test_bad_input_names_file_and_line_and_writes_nothing(home, rome_copy, kind):
    name, old, new, line = BAD_INPUTS[kind]
    run_import()
    edit("H2901", appellations="Maquettiste")
    directory = rome_copy(name, old, new)
    before = counts()

    with pytest.raises(CommandError) as error:
        run_import(directory)

    assert f"unix_{name}_v460_utf8.csv, {line}" in str(error.value)
    assert "Rien n'a été importé" in str(error.value)
    assert counts() == before


def test_missing_file_names_it_and_writes_nothing(home, rome_copy):
    (rome_copy.directory / "unix_texte_v460_utf8.csv").unlink()

    with pytest.raises(CommandError, match="unix_texte_v460_utf8.csv"):
        run_import(rome_copy.directory)

    assert not MetierPage.objects.exists() and not CentreInteret.objects.exists()


def test_without_a_home_page_nothing_is_written():
    with pytest.raises(CommandError, match="Aucune page d'accueil"):
        run_import()
    assert not CentreInteret.objects.exists()
    assert not MetierPage.objects.exists()


def test_a_failure_while_writing_rolls_everything_back(home, monkeypatch):
    """An error after the centres and fiches are written: the transaction undoes everything."""
    before = counts()

    def fail(self, pages):
        assert len(pages) == 5  # the fiches are written when the error comes
        raise RuntimeError("disque plein")

    monkeypatch.setattr(importer._Importer, "_update_indexes", fail)
    with pytest.raises(RuntimeError, match="disque plein"):
        run_import()
    assert counts() == before
    assert not MetierIndexPage.objects.exists()


def test_invalid_domain_is_refused(home):
    with pytest.raises(CommandError, match="domaine « 29 » invalide"):
        run_import(FIXTURES, "--domain", "29")


# --- le référentiel réel -------------------------------------------------------------------


@pytest.mark.rome
def test_real_referential_imports_and_reimports():
    directory = os.environ.get("ROME_DIR", "").strip()
    if not directory:
        pytest.skip("ROME_DIR n'est pas défini : import du référentiel réel non testé")
    ensure_home_page()

    started = time.perf_counter()
    first = run_import(Path(directory))
    first_time = time.perf_counter() - started
    assert MetierPage.objects.filter(live=False).count() == 1584
    assert Page.find_problems() == ([], [], [], [], [])
    assert "Fiches créées : 1584" in first
    before = counts()

    second = run_import(Path(directory))

    assert counts() == before
    assert "Fiches inchangées : 1584" in second
    assert first_time < 60, f"premier import en {first_time:.0f} s"
