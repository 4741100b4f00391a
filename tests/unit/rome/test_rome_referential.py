"""Loading and joining the referential, on the hand-written fixtures."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from metiers.rome import (
    BlocTexte,
    CentreInteretLien,
    ContexteTravail,
    Mobilite,
    Riasec,
    RomeFormatError,
    SecteurLien,
    load_referential,
)

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "rome"


@pytest.fixture(scope="module")
def referential():
    return load_referential(FIXTURES)


def test_fiches_and_reference_tables(referential):
    assert list(referential.fiches) == ["H1101", "H2901", "H2902", "H2903", "K1202"]
    assert referential.version == "460"
    assert referential.domain is None
    assert referential.appellation_count == 8
    assert referential.grands_domaines == {"H": "Industrie", "K": "Services et collectivité"}
    assert referential.domaines["H29"] == "Mécanique et montage"
    assert referential.rows["liens_rome_referentiels"] == 29
    assert referential.rows["centre_interet"] == 3


def test_fiche_identity_and_flags(referential):
    fiche = referential.fiches["H1101"]
    assert fiche.code_fiche_metier == 101
    assert fiche.code_ogr == 9001
    assert fiche.libelle == "Dessinateur / Dessinatrice en bureau d'études"
    assert fiche.masculin == "Dessinateur en bureau d'études"
    assert fiche.feminin == "Dessinatrice en bureau d'études"
    assert (fiche.code_grand_domaine, fiche.code_domaine) == ("H", "H11")
    assert fiche.transition_eco == "Emploi Blanc"
    assert (fiche.transition_num, fiche.transition_demo) == (True, False)
    assert (fiche.emploi_reglemente, fiche.emploi_cadre) == (None, True)

    no_gender = referential.fiches["H2903"]
    assert no_gender.masculin is None and no_gender.feminin is None
    assert no_gender.code_rome_parent == "H2901"


def test_appellations_principal_first(referential):
    first, second = referential.fiches["H1101"].appellations
    assert first.principale and first.code_ogr == 19001
    assert first.libelle_court == "Dessinateur(trice) bureau d'études"
    assert not second.principale
    assert (second.masculin, second.feminin) == (
        "Dessinateur projeteur",
        "Dessinatrice projeteuse",
    )
    assert (second.transition_num, second.emploi_cadre) == (True, True)

    rare = referential.fiches["H2901"].appellations[1]
    assert rare.libelle == "Maquettiste mécanique"
    assert rare.peu_usite and rare.masculin is None

    other_parent = referential.fiches["H2903"].appellations[1]
    assert other_parent.code_rome_parent == "H2901"


def test_texts_in_position_order_with_quotes_unescaped(referential):
    fiche = referential.fiches["H2901"]
    assert fiche.definition.phrases == (
        "Assemble à la main des maquettes de machines.",
        'Contrôle l\'ajustement avec un outil dit "calibre".',
    )
    assert fiche.acces_metier.texte == "Accessible sans diplôme après une formation en atelier."
    assert referential.fiches["H2902"].acces_metier.blocs == (
        BlocTexte("paragraphe", ("Ce métier est accessible avec :",)),
        BlocTexte("liste", ("un CAP de mécanique ;", "une expérience en atelier.")),
        BlocTexte("paragraphe", ("Un permis peut être demandé.",)),
    )
    # No access sentence for H2903: empty text, no error.
    assert not referential.fiches["H2903"].acces_metier


def test_competences_grouped_by_rubrique_position(referential):
    fiche = referential.fiches["H2901"]
    assert [g.rubrique for g in fiche.competences] == ["Savoir-faire", "Savoir-être professionnels"]
    savoir_faire = fiche.competences[0].competences
    assert [c.code_ogr for c in savoir_faire] == [500001, 500002, 500100]
    assert savoir_faire[0].macro_code_ogr == 500100
    assert savoir_faire[0].macro_libelle == "Fabriquer et assembler"
    assert savoir_faire[1].sous_categorie == "Technique expert"
    assert savoir_faire[1].transition_eco is True
    macro = savoir_faire[2]
    assert macro.nature == "Macro-compétence"
    assert macro.definition == "Regroupe les gestes de fabrication."
    assert macro.macro_code_ogr is None
    (savoir_etre,) = fiche.competences[1].competences
    assert savoir_etre.libelle == "Faire preuve de rigueur"
    assert savoir_etre.categorie == "Savoir-être professionnel"


def test_savoirs_grouped_by_category(referential):
    groups = referential.fiches["H2901"].savoirs
    assert [(g.categorie, [s.libelle for s in g.savoirs]) for g in groups] == [
        ("Techniques professionnelles", ["Métrologie"]),
        ("Normes et procédés", ["Lecture de plans"]),
        ("Certifications et habilitations", ["Habilitation électrique"]),
    ]
    assert groups[0].savoirs[0].sous_categorie == "Techniques industrielles"


def test_contextes_grouped_by_type(referential):
    groups = referential.fiches["H2901"].contextes
    assert [(g.code, g.categorie) for g in groups] == [
        (1, "Conditions de travail et risques professionnels"),
        (2, "Horaires et durée du travail"),
        (5, "Lieux et déplacements"),
    ]
    assert groups[0].contextes == (ContexteTravail(700002, "Port de protections auditives"),)


def test_centres_riasec_mobilites_secteurs(referential):
    fiche = referential.fiches["H2901"]
    assert fiche.centres_interet == (
        CentreInteretLien(1, "J'aime fabriquer de mes mains", True),
        CentreInteretLien(2, "J'aime comprendre comment ça marche", False),
    )
    assert fiche.centre_interet_principal.code == 1
    assert fiche.riasec == Riasec("R", "C")
    assert referential.fiches["H2902"].riasec == Riasec("R", None)
    assert fiche.mobilites == (
        Mobilite("H2902", 1),
        Mobilite("H2903", 2),
        Mobilite("K1202", 3),
    )
    assert fiche.secteurs == (
        SecteurLien(10, "Industries de fabrication", 11, "Mécanique", True),
        SecteurLien(20, "Éducation et loisirs", None, None, False),
    )
    assert fiche.secteur_principal.code_secteur == 10


def test_centres_and_secteurs_tables(referential):
    centre = referential.centres_interet[1]
    assert centre.definition.startswith("Construire, monter, assembler")
    assert "\n\nCes métiers" in centre.definition
    assert referential.centres_interet[3].definition is None
    secteur = referential.secteurs[10]
    assert [s.code for s in secteur.sous_secteurs] == [11]
    assert secteur.definition == "Des usines et des ateliers.\nPartout en France."


def test_dataclasses_are_immutable(referential):
    fiche = referential.fiches["H2901"]
    with pytest.raises(AttributeError):
        fiche.libelle = "autre"  # type: ignore[misc]
    with pytest.raises(TypeError):
        referential.fiches["X"] = fiche  # type: ignore[index]


# --- filtre de domaine --------------------------------------------------------------


def test_domain_filter_by_grand_domaine(rome_dir):
    referential = load_referential(rome_dir, domain="H")
    assert list(referential.fiches) == ["H1101", "H2901", "H2902", "H2903"]
    assert referential.domain == "H"
    # The mobilité towards K1202, outside the filter, stays a code.
    assert Mobilite("K1202", 3) in referential.fiches["H2901"].mobilites


def test_domain_filter_by_sub_domain(rome_dir):
    referential = load_referential(rome_dir, domain="h29")
    assert list(referential.fiches) == ["H2901", "H2902", "H2903"]
    assert referential.appellation_count == 5


def test_domain_filter_still_validates_links(corrupt):
    directory = corrupt(
        "liens_rome_referentiels", '"K1202","5","2","500004"', '"K1202","5","2","500999"'
    )
    with pytest.raises(RomeFormatError, match="code_ogr 500999 inconnu"):
        load_referential(directory, domain="H29")


def test_any_code_prefix_is_a_domain(rome_dir):
    assert list(load_referential(rome_dir, domain="H2").fiches) == ["H2901", "H2902", "H2903"]
    assert list(load_referential(rome_dir, domain="H2902").fiches) == ["H2902"]
    assert load_referential(rome_dir, domain="").domain is None


@pytest.mark.parametrize("domain", ["Z", "29", "H29011", "H-29"])
def test_invalid_domain_argument(rome_dir, domain):
    with pytest.raises(ValueError, match="domaine"):
        load_referential(rome_dir, domain=domain)


def test_progress_is_reported(rome_dir):
    calls: list[tuple[str, int, int | None]] = []
    load_referential(rome_dir, progress=lambda step, done, total: calls.append((step, done, total)))
    assert calls[0] == ("grand_domaine", 0, 18)
    assert calls[-1] == ("terminé", 18, 18)
    done = [c[1] for c in calls]
    assert done == sorted(done)


# --- entrées invalides --------------------------------------------------------------


def test_missing_file(corrupt):
    directory = corrupt("texte", '"H2903","3"', '"H2903","3"')  # simple copie
    (directory / "unix_rubrique_mobilite_v460_utf8.csv").unlink()
    with pytest.raises(RomeFormatError) as info:
        load_referential(directory)
    assert str(info.value).startswith("unix_rubrique_mobilite_v460_utf8.csv : fichier introuvable")


def test_unexpected_header(corrupt):
    directory = corrupt("referentiel_savoir", '"categorie_savoir"', '"categorie"')
    with pytest.raises(RomeFormatError) as info:
        load_referential(directory)
    assert info.value.line == 1
    assert "unix_referentiel_savoir_v460_utf8.csv, ligne 1 : en-tête inattendu" in str(info.value)
    assert "manquantes : categorie_savoir" in str(info.value)


def test_wrong_column_count(corrupt):
    directory = corrupt("referentiel_code_rome_riasec", '"H2902","R",""', '"H2902","R"')
    with pytest.raises(RomeFormatError) as info:
        load_referential(directory)
    assert str(info.value) == (
        "unix_referentiel_code_rome_riasec_v460_utf8.csv, ligne 4 : 3 champs attendus, 2 trouvés"
    )


def test_malformed_code_rome(corrupt):
    directory = corrupt("referentiel_code_rome", '"H2902","202"', '"H29O2","202"')
    with pytest.raises(RomeFormatError) as info:
        load_referential(directory)
    assert info.value.line == 4
    assert "code ROME « H29O2 » mal formé" in str(info.value)


def test_bad_integer(corrupt):
    directory = corrupt("texte", '"H2903","3","definition","1"', '"H2903","3","definition","un"')
    with pytest.raises(
        RomeFormatError, match=r"ligne 12 : position_phrase : « un » n'est pas un entier"
    ):
        load_referential(directory)


def test_empty_required_field(corrupt):
    directory = corrupt("referentiel_savoir", '"600002","Métrologie"', '"600002",""')
    with pytest.raises(RomeFormatError, match=r"ligne 3 : champ libelle_savoir vide"):
        load_referential(directory)


def test_bad_flag_value(corrupt):
    directory = corrupt("referentiel_code_rome_riasec", '"K1202","S","A"', '"K1202","S","X"')
    with pytest.raises(RomeFormatError, match=r"ligne 6 : riasec_mineur : valeur « X » inattendue"):
        load_referential(directory)


@pytest.mark.parametrize(
    ("name", "old", "new", "line", "message"),
    [
        (
            "liens_rome_referentiels",
            '"H2902","5","1","500003"',
            '"H2902","5","1","512345"',
            23,
            "code_ogr 512345 inconnu (ni compétence ni savoir)",
        ),
        (
            "liens_rome_referentiels",
            '"H2903","2","","19007"',
            '"H2903","2","","19005"',
            27,
            "l'appellation 19005 appartient à H2902, pas à H2903",
        ),
        (
            "liens_rome_referentiels",
            '"H1101","6","","700002"',
            '"H1101","6","","700009"',
            7,
            "code_ogr 700009 inconnu (aucun contexte de travail)",
        ),
        (
            "liens_rome_referentiels",
            '"K1202","1","","9005"',
            '"K1203","1","","9005"',
            28,
            "code_rome K1203 inconnu",
        ),
        (
            "rubrique_mobilite",
            '"K1202","H1101","1"',
            '"K1202","H1102","1"',
            7,
            "code_rome_cible H1102 inconnu",
        ),
        (
            "referentiel_appellation",
            '"H2902","Emploi Blanc"',
            '"H2999","Emploi Blanc"',
            6,
            "code_rome H2999 inconnu",
        ),
        (
            "arborescence_centre_interet",
            '"9004","H2903"',
            '"9003","H2903"',
            6,
            "code_ogr_rome 9003 ne correspond pas à la fiche H2903 (code_ogr 9004)",
        ),
        (
            "arborescence_secteur_activite",
            '"20","Éducation et loisirs","21"',
            '"20","Éducation et loisirs","11"',
            6,
            "le sous-secteur 11 n'appartient pas au secteur 20",
        ),
        (
            "texte",
            '"K1202","4","acces_metier"',
            '"K1202","4","definition"',
            14,
            "type de texte « definition » inattendu pour le bloc 4",
        ),
    ],
)
def test_unknown_code_in_link_table(corrupt, name, old, new, line, message):
    directory = corrupt(name, old, new)
    with pytest.raises(RomeFormatError) as info:
        load_referential(directory)
    assert info.value.path.name == f"unix_{name}_v460_utf8.csv"
    assert info.value.line == line
    assert message in str(info.value)


def test_line_number_after_multiline_field(corrupt):
    # The 2nd centre starts on line 6, after a 3-line definition and a blank line.
    directory = corrupt("centre_interet", '"2","J\'aime comprendre', '"deux","J\'aime comprendre')
    with pytest.raises(RomeFormatError) as info:
        load_referential(directory)
    assert str(info.value) == (
        "unix_centre_interet_v460_utf8.csv, ligne 6 : code_centre_interet : « deux » n'est pas un entier"
    )


def test_duplicate_code_rome(corrupt):
    directory = corrupt("referentiel_code_rome", '"H2903","203","9004"', '"H2902","203","9004"')
    with pytest.raises(RomeFormatError, match=r"ligne 5 : code_rome H2902 en double"):
        load_referential(directory)


# --- fichiers réels ---------------------------------------------------------------


@pytest.mark.rome
def test_real_referential():
    directory = os.environ.get("ROME_DIR")
    if not directory:
        pytest.skip("ROME_DIR non défini : test sur les vrais fichiers ROME 4.0 ignoré")
    started = time.perf_counter()
    referential = load_referential(Path(directory))
    elapsed = time.perf_counter() - started
    assert len(referential.fiches) == 1584
    assert referential.appellation_count == 13120
    assert referential.rows["liens_rome_referentiels"] > 100_000
    assert all(f.definition for f in referential.fiches.values())
    assert all(f.riasec is not None for f in referential.fiches.values())
    assert all(f.secteur_principal is not None for f in referential.fiches.values())
    assert all(sum(a.principale for a in f.appellations) == 1 for f in referential.fiches.values())
    industry = load_referential(Path(directory), domain="H29")
    assert industry.fiches and all(code.startswith("H29") for code in industry.fiches)
    assert elapsed < 20, f"lecture trop lente : {elapsed:.1f} s"
