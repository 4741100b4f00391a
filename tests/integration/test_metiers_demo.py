"""The trade demo content as `make run` loads it: complete, linked, valid, and loaded once only."""

from __future__ import annotations

import dataclasses
import os
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from wagtail.images import get_image_model
from wagtail.models import Page, Revision

from cms.models import HomePage
from metiers import demo_data
from metiers.models import (
    Ambassadeur,
    CentreInteret,
    Entreprise,
    EtapeObjet,
    FiliereIndexPage,
    FilierePage,
    Formation,
    MetierIndexPage,
    MetierPage,
    ObjetIndexPage,
    ObjetPage,
)
from metiers.rome.reader import find_files

pytestmark = pytest.mark.django_db


def run_load_demo() -> str:
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


@pytest.fixture(scope="module", autouse=True)
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo, loaded once for the whole module inside a transaction rolled back at the end.

    Each test runs in a savepoint inside it (pytest-django's django_db), so a test that changes
    the demo leaves nothing behind for the next one, and the suite pays for one load, not one
    per test. Pictures go to a media folder of the module's own.
    """
    media = tmp_path_factory.mktemp("demo-media")
    with (
        override_settings(MEDIA_ROOT=str(media)),
        django_db_blocker.unblock(),
        transaction.atomic(),
    ):
        first_output = run_load_demo()
        yield Demo(media=media, first_output=first_output)
        transaction.set_rollback(True)


@dataclasses.dataclass(frozen=True)
class Demo:
    media: Path
    first_output: str


def snapshot() -> dict[str, int]:
    """How many of each thing the demo makes, to compare two loads."""
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "images": get_image_model().objects.count(),
        "etapes": EtapeObjet.objects.count(),
        "centres": CentreInteret.objects.count(),
        "formations": Formation.objects.count(),
        "entreprises": Entreprise.objects.count(),
        "ambassadeurs": Ambassadeur.objects.count(),
    }


# --- what a visitor finds -----------------------------------------------------------------


def test_seven_filieres_24_fiches_and_three_objets_are_live(demo):
    assert FilierePage.objects.live().count() == 7
    assert MetierPage.objects.live().count() == 24
    assert ObjetPage.objects.live().count() == 3
    assert set(FilierePage.objects.values_list("slug", flat=True)) == {
        "vehicules-du-futur",
        "microtechniques",
        "plasturgie",
        "agroalimentaire",
        "energie",
        "bois",
        "luxe",
    }
    assert set(ObjetPage.objects.values_list("slug", flat=True)) == {
        "pile-a-combustible",
        "eclairage-automobile",
        "pot-de-yaourt",
    }


def test_the_chaudronnier_fiche_is_complete_and_served(client, demo):
    fiche = MetierPage.objects.get(slug="chaudronnier")
    assert fiche.url == "/metiers/chaudronnier/"
    assert (fiche.titre_masculin, fiche.titre_feminin) == ("Chaudronnier", "Chaudronnière")
    assert fiche.code_rome == "H2902"
    assert fiche.rome_import == {}
    assert len(fiche.accroche) <= 300 and fiche.description.startswith("<p>")
    assert fiche.activites and fiche.competences and fiche.savoirs and fiche.conditions
    assert fiche.formations.exists() and fiche.centres_interet.exists()
    assert 1_800 <= fiche.salaire_min <= fiche.salaire_max <= 2_600
    assert fiche.metiers_proches.live().count() >= 2
    response = client.get(fiche.url)
    assert response.status_code == 200
    assert "Chaudronnière" in response.content.decode()


def test_every_demo_page_renders(client, demo):
    for page in Page.objects.live().type(MetierPage, FilierePage, ObjetPage).specific():
        assert client.get(page.url).status_code == 200, page.url
    for index in (MetierIndexPage, FiliereIndexPage, ObjetIndexPage):
        assert client.get(index.objects.get().url).status_code == 200


def test_every_fiche_is_linked_to_filieres_and_related_fiches(demo):
    for fiche in MetierPage.objects.all():
        assert 1 <= fiche.filieres.live().count() <= 2, fiche.slug
        assert 2 <= fiche.metiers_proches.live().count() <= 3, fiche.slug
        assert fiche.pk not in fiche.metiers_proches.values_list("pk", flat=True)
        assert 1 <= fiche.centres_interet.count() <= 3, fiche.slug
        assert 1 <= fiche.formations.count() <= 3, fiche.slug
        assert fiche.riasec and fiche.appellations, fiche.slug


def test_each_objet_has_6_to_12_steps_done_by_live_fiches(demo):
    for objet in ObjetPage.objects.all():
        etapes = objet.chaine()
        assert 6 <= len(etapes) <= 12, objet.slug
        for etape in etapes:
            assert etape.metiers_en_ligne, f"{objet.slug} : « {etape.titre} » sans métier en ligne"
            assert etape.image is not None and etape.description
        assert objet.filieres.live().exists()


def test_pictures_exist_with_alt_text(demo):
    pages = [*MetierPage.objects.all(), *FilierePage.objects.all(), *ObjetPage.objects.all()]
    for page in pages:
        image = page.image
        assert image is not None, page.slug
        assert (image.width, image.height) == (1200, 675)
        assert image.description.startswith("Illustration : ")
        assert image.default_alt_text == image.description
        assert (demo.media / image.file.name).is_file()
    assert get_image_model().objects.filter(description="").count() == 0
    # A picture per page and per step: no two pages or steps share one.
    step_images = [etape.image_id for objet in ObjetPage.objects.all() for etape in objet.chaine()]
    all_images = [page.image_id for page in pages] + step_images
    assert len(set(all_images)) == len(all_images)


def test_home_page_leads_to_the_three_indexes(client, demo):
    home = HomePage.objects.get()
    cards = [
        card for block in home.body if block.block_type == "cards" for card in block.value["cards"]
    ]
    linked = {card["page"].specific_class for card in cards}
    assert {MetierIndexPage, FiliereIndexPage, ObjetIndexPage} <= linked
    for model in (MetierIndexPage, FiliereIndexPage, ObjetIndexPage):
        assert model.objects.get().show_in_menus
    html = client.get("/").content.decode()
    for path in ("/metiers/", "/filieres/", "/objets-de-a-a-z/"):
        assert f'href="{path}"' in html


def test_an_ambassador_without_recorded_consent_is_never_shown(demo):
    assert Ambassadeur.objects.count() == 5
    visibles = Ambassadeur.objects.visibles()
    assert visibles.count() == 4
    assert not visibles.filter(prenom="Chloé").exists()
    fiche = MetierPage.objects.get(slug="conducteur-ligne-alimentaire")
    assert not fiche.ambassadeurs_visibles.exists()
    assert MetierPage.objects.get(slug="chaudronnier").ambassadeurs_visibles.count() == 1


# --- ROME codes are real ------------------------------------------------------------------


@pytest.mark.rome
def test_rome_codes_riasec_and_appellations_exist_in_the_official_referential(demo):
    directory = os.environ.get("ROME_DIR")
    if not directory:
        pytest.skip("ROME_DIR non défini : codes ROME des fiches non vérifiés sur le référentiel")
    files = find_files(directory)
    codes = {row.fields["code_rome"] for row in files.open("referentiel_code_rome").rows()}
    riasec = {
        row.fields["code_rome"]: row.fields["riasec_majeur"] + row.fields["riasec_mineur"]
        for row in files.open("referentiel_code_rome_riasec").rows()
    }
    appellations = {
        (row.fields["code_rome"], row.fields["libelle_appellation_long"])
        for row in files.open("referentiel_appellation").rows()
    }
    fiches = list(MetierPage.objects.all())
    assert len(fiches) == 24
    assert len({fiche.code_rome for fiche in fiches}) == 24
    for fiche in fiches:
        assert fiche.code_rome in codes, f"{fiche.slug} : {fiche.code_rome} absent du ROME"
        assert fiche.riasec == riasec[fiche.code_rome], fiche.slug
        for appellation in fiche.liste_appellations:
            assert (fiche.code_rome, appellation) in appellations, (fiche.slug, appellation)


def test_rome_codes_are_well_formed_even_without_the_referential(demo):
    for fiche in MetierPage.objects.all():
        fiche.full_clean()  # validates the code's shape, the RIASEC letters, the salaries


# --- loading again ------------------------------------------------------------------------


def test_the_first_load_creates_every_page_and_the_home_cards(demo):
    assert "Métiers : pages 37 créée(s), 0 mise(s) à jour" in demo.first_output
    assert "cartes ajoutées à l'accueil" in demo.first_output
    # One revision per page the demo made: pages are created, then published once.
    for page in Page.objects.type(MetierPage, FilierePage, ObjetPage):
        assert page.revisions.count() == 1, page.slug


def test_loading_again_duplicates_nothing_and_makes_no_revision():
    before = snapshot()
    output = run_load_demo()
    assert snapshot() == before
    assert "Métiers : pages 0 créée(s), 0 mise(s) à jour" in output
    assert "cartes" not in output


def test_changed_demo_content_updates_its_page_with_one_revision(monkeypatch):
    before = snapshot()
    first, *others = demo_data.METIERS
    changed = dataclasses.replace(first, accroche="Une nouvelle accroche pour la démo.")
    monkeypatch.setattr(demo_data, "METIERS", (changed, *others))

    output = run_load_demo()

    fiche = MetierPage.objects.get(slug=first.slug)
    assert fiche.accroche == "Une nouvelle accroche pour la démo."
    assert "1 mise(s) à jour" in output
    assert snapshot() == {**before, "revisions": before["revisions"] + 1}


def test_an_editors_revision_wins_over_the_demo(monkeypatch, django_user_model):
    editor = django_user_model.objects.create_user("redactrice", password="x")
    fiche = MetierPage.objects.get(slug="soudeur")
    fiche.accroche = "Écrit par la rédaction."
    fiche.save_revision(user=editor).publish()
    changed = [
        dataclasses.replace(m, accroche="Réécrit par la démo.") if m.slug == "soudeur" else m
        for m in demo_data.METIERS
    ]
    monkeypatch.setattr(demo_data, "METIERS", tuple(changed))

    output = run_load_demo()

    fiche.refresh_from_db()
    assert fiche.accroche == "Écrit par la rédaction."
    assert fiche.latest_revision.user == editor
    assert "1 laissée(s) telle(s) quelle(s)" in output


def test_a_steps_change_replaces_the_chain_in_one_revision(monkeypatch):
    objet = ObjetPage.objects.get(slug="eclairage-automobile")
    revisions = objet.revisions.count()
    demo_objet = next(o for o in demo_data.OBJETS if o.slug == objet.slug)
    shorter = dataclasses.replace(demo_objet, etapes=demo_objet.etapes[:-1])
    monkeypatch.setattr(
        demo_data, "OBJETS", tuple(shorter if o is demo_objet else o for o in demo_data.OBJETS)
    )

    run_load_demo()

    assert objet.etapes.count() == len(demo_objet.etapes) - 1
    assert objet.revisions.count() == revisions + 1


def test_an_imported_fiche_holding_a_demo_rome_code_is_linked_not_duplicated():
    # As if the ROME import had written the fiche: another slug, the same unique code.
    imported = MetierPage.objects.get(slug="chaudronnier")
    imported.slug = "chaudronnier-chaudronniere"
    imported.save_revision(user=None).publish()

    run_load_demo()

    assert MetierPage.objects.filter(code_rome="H2902").count() == 1
    assert MetierPage.objects.count() == 24
    soudeur = MetierPage.objects.get(slug="soudeur")
    assert imported.pk in soudeur.metiers_proches.values_list("pk", flat=True)


def test_a_centre_d_interet_renamed_by_an_editor_is_found_again():
    centre = CentreInteret.objects.get(slug="fabriquer")
    centre.slug = "creer-fabriquer"
    centre.save()

    run_load_demo()

    assert CentreInteret.objects.count() == len(demo_data.CENTRES_INTERET)
    assert MetierPage.objects.get(slug="chaudronnier").centres_interet.filter(pk=centre.pk).exists()


def test_every_demo_picture_has_its_pictograms():
    from metiers import demo_pictures

    for objet in demo_data.OBJETS:
        own, per_step = demo_pictures.OBJETS[objet.slug]
        assert len(per_step) == len(objet.etapes), objet.slug
    assert set(demo_pictures.METIERS) == {metier.slug for metier in demo_data.METIERS}
    assert set(demo_pictures.FILIERES) == {filiere.slug for filiere in demo_data.FILIERES}
