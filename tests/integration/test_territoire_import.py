"""Importing companies from a CSV: line-numbered errors, nothing written on error, idempotent."""

import pytest
from django.core.management import CommandError, call_command

from metiers.models import Entreprise
from metiers.territoire.models import Etablissement
from tests.support import metiers_factories as f

pytestmark = pytest.mark.django_db

HOMONYME, HOMONYME_CODE = "Lent", "39292"  # a Lent in the Jura and another in the Ain
HEADER = "nom;siret;commune;code_commune;latitude;longitude;filieres;metiers\n"


@pytest.fixture
def pages():
    return {
        "bois": f.filiere("Bois", slug="bois"),
        "energie": f.filiere("Énergie", slug="energie"),
        "soudeur": f.metier("Soudeur / Soudeuse", slug="soudeur"),
    }


def run(tmp_path, text: str, *args):
    path = tmp_path / "entreprises.csv"
    path.write_text(text, encoding="utf-8")
    call_command("import_entreprises", str(path), *args)


GOOD = (
    HEADER
    + "Forges du Test;12345678901234;Le Creusot;;;;energie;soudeur\n"
    + "Scierie du Test;;Luxeuil-les-Bains;;47.82;6.38;Bois;\n"
)


def test_import_creates_companies_placed_and_linked(tmp_path, pages):
    run(tmp_path, GOOD)
    forges = Entreprise.objects.get(nom="Forges du Test")
    assert forges.ville == "Le Creusot"
    assert float(forges.latitude) == pytest.approx(46.8056)  # the town hall, from the boundary data
    assert [p.slug for p in forges.filieres.all()] == ["energie"]
    assert forges.etablissement.siret == "12345678901234"
    assert forges.etablissement.code_commune == "71153"
    soudeur = pages["soudeur"]
    soudeur.refresh_from_db()
    assert list(soudeur.entreprises.all()) == [forges]
    assert not soudeur.has_unpublished_changes  # published through a revision
    scierie = Entreprise.objects.get(nom="Scierie du Test")
    assert str(scierie.latitude) == "47.820000"


def test_running_again_updates_without_duplicates(tmp_path, pages):
    run(tmp_path, GOOD)
    run(tmp_path, GOOD)
    assert Entreprise.objects.count() == 2
    renamed = GOOD.replace(
        "Forges du Test;12345678901234;Le Creusot", "Forges Renommées;12345678901234;Autun"
    )
    run(tmp_path, renamed)
    assert Entreprise.objects.count() == 2
    forges = Etablissement.objects.get(siret="12345678901234").entreprise
    assert (forges.nom, forges.ville) == ("Forges Renommées", "Autun")
    assert pages["soudeur"].revisions.count() == 2  # created, then linked once


def test_dry_run_writes_nothing(tmp_path, pages):
    run(tmp_path, GOOD, "--dry-run")
    assert not Entreprise.objects.exists()


def test_link_to_a_fiche_with_a_pending_draft_stays_a_draft(tmp_path, pages):
    soudeur = pages["soudeur"]
    soudeur.accroche = "Brouillon en cours d'un rédacteur"
    soudeur.save_revision()
    run(tmp_path, GOOD)
    soudeur.refresh_from_db()
    assert not soudeur.entreprises.exists()
    latest = soudeur.get_latest_revision_as_object()
    assert latest.accroche == "Brouillon en cours d'un rédacteur"
    assert [e.nom for e in latest.entreprises.all()] == ["Forges du Test"]


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        (";;Dole;;;;;\n", "Ligne 3 : le nom est vide"),
        ("X;123;Dole;;;;;\n", "Ligne 3 : le SIRET « 123 » n'a pas 14 chiffres"),
        ("X;12345678901234;Dole;;;;;\n", "Ligne 3 : SIRET déjà vu ligne 2"),
        ("X;;Atlantide;;;;;\n", "Ligne 3 : commune « Atlantide » introuvable"),
        ("X;;Dole;99999;;;;\n", "Ligne 3 : code de commune « 99999 » inconnu"),
        ("X;;;;;;;\n", "Ligne 3 : la commune est vide"),
        ("X;;Dole;;47.1;;;\n", "Ligne 3 : latitude et longitude"),
        ("X;;Dole;;91;5;;\n", "Ligne 3 : latitude et longitude"),
        ("X;;Dole;;;;chimie;\n", "Ligne 3 : filière « chimie » inconnue"),
        ("X;;Dole;;;;;astronaute\n", "Ligne 3 : métier « astronaute » inconnu"),
        ("X;;Dole;;;;;;en trop\n", "Ligne 3 : plus de colonnes"),
    ],
)
def test_bad_rows_are_reported_by_line_and_nothing_is_written(tmp_path, pages, rows, message):
    text = HEADER + "Bonne Ligne;12345678901234;Dole;;;;bois;\n" + rows
    with pytest.raises(CommandError) as error:
        run(tmp_path, text)
    assert message in str(error.value)
    assert "Rien n'a été importé." in str(error.value)
    assert not Entreprise.objects.exists()


def test_missing_column_is_reported(tmp_path, pages):
    with pytest.raises(CommandError, match="Ligne 1 : colonne\\(s\\) manquante\\(s\\) : commune"):
        run(tmp_path, "nom;siret\nX;\n")


def test_homonyms_need_the_insee_code(tmp_path, pages):
    with pytest.raises(CommandError, match="plusieurs communes"):
        run(tmp_path, HEADER + f"X;;{HOMONYME};;;;;\n")
    run(tmp_path, HEADER + f"X;;{HOMONYME};{HOMONYME_CODE};;;;\n")
    assert Entreprise.objects.get().etablissement.code_commune == HOMONYME_CODE


def test_unreadable_file_is_reported(tmp_path, pages):
    path = tmp_path / "latin1.csv"
    path.write_bytes("nom;commune\nÉbénisterie;Dole\n".encode("latin-1"))
    with pytest.raises(CommandError, match="Fichier illisible"):
        call_command("import_entreprises", str(path))
