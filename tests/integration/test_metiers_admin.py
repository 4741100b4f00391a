"""Editors in the Wagtail admin: where each trade page may live, creating each one through the
admin form, and the messages that stop a wrong fiche, objet or ambassadeur."""

from datetime import date

import pytest
from django.urls import reverse
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from cms.demo import ensure_home_page
from cms.models import HomePage, StandardPage
from metiers.models import (
    Ambassadeur,
    FiliereIndexPage,
    FilierePage,
    MetierIndexPage,
    MetierPage,
    ObjetIndexPage,
    ObjetPage,
)
from tests.support import metiers_factories as f


@pytest.fixture(autouse=True)
def media_temporaire(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


class TestOuCreerLesPages(WagtailPageTestCase):
    def test_index_pages_live_under_the_home_page_only(self):
        for index in (MetierIndexPage, FiliereIndexPage, ObjetIndexPage):
            self.assertCanCreateAt(HomePage, index)
            self.assertCanNotCreateAt(StandardPage, index)
            self.assertCanNotCreateAt(MetierIndexPage, index)

    def test_each_trade_page_lives_under_its_own_index_and_has_no_children(self):
        pairs = {
            MetierIndexPage: MetierPage,
            FiliereIndexPage: FilierePage,
            ObjetIndexPage: ObjetPage,
        }
        for index, page in pairs.items():
            self.assertCanCreateAt(index, page)
            self.assertCanNotCreateAt(HomePage, page)
            for autre_index in set(pairs) - {index}:
                self.assertCanNotCreateAt(autre_index, page)
            for enfant in pairs.values():
                self.assertCanNotCreateAt(page, enfant)

    def test_there_is_one_index_of_each_kind(self):
        home = ensure_home_page()
        f.index_metiers()
        assert not MetierIndexPage.can_create_at(home)
        assert FiliereIndexPage.can_create_at(home)


class AdminTestCase(WagtailPageTestCase):
    def setUp(self):
        self.login()

    def ajouter(self, parent, model, data, publier=True):
        """POST the admin's add form; return the response (follows the redirect on success)."""
        if publier:
            data["action-publish"] = "action-publish"
        url = reverse("wagtailadmin_pages:add", args=["metiers", model._meta.model_name, parent.pk])
        return self.client.post(url, data, follow=True)

    def erreurs(self, response) -> str:
        form = response.context["form"]
        messages = [str(e) for errors in form.errors.values() for e in errors]
        return " ".join(messages)


def avec_choix_multiples(donnees: dict, **choix: list) -> dict:
    """Add multiple-choice fields (checkboxes) after nesting: `nested_form_data` would number
    a list's items as sub-fields instead of posting them as one field's values."""
    donnees.update({nom: [str(obj.pk) for obj in objets] for nom, objets in choix.items()})
    return donnees


def donnees_metier(**champs):
    donnees = {
        "title": "Soudeur / Soudeuse",
        "slug": "soudeur",
        "titre_masculin": "Soudeur",
        "titre_feminin": "Soudeuse",
        "accroche": "J'assemble des pièces de métal à très haute température.",
        "description": rich_text("<p>Le soudeur assemble des pièces métalliques.</p>"),
        "activites": streamfield([("liste", f.liste_block(["Lire un plan", "Souder"]))]),
        "competences": streamfield(
            [("groupe", {"titre": "Souder", "elements": f.liste_block(["À l'arc", "Au TIG"])})]
        ),
        "savoirs": streamfield([]),
        "conditions": streamfield([]),
        "medias": streamfield([]),
        "acces": rich_text("<p>Un CAP suffit pour débuter.</p>"),
        "salaire_min": "1850",
        "salaire_max": "2300",
        "code_rome": "H2913",
        "riasec": "ri",
        "appellations": "Soudeur TIG\nSoudeuse MIG",
    }
    if "image" not in champs:
        donnees["image"] = f.image().pk  # an essential, with the définition and a filière
    donnees.update(champs)
    return nested_form_data(donnees)


class TestFicheMetierDansLAdmin(AdminTestCase):
    def setUp(self):
        super().setUp()
        self.index = f.index_metiers()

    def test_an_editor_creates_and_publishes_a_fiche(self):
        cap = f.formation()
        filiere = f.filiere()
        centre = f.centre()
        data = avec_choix_multiples(
            donnees_metier(), formations=[cap], filieres=[filiere], centres_interet=[centre]
        )
        self.assertCanCreate(self.index, MetierPage, data)
        fiche = MetierPage.objects.get(slug="soudeur")
        assert fiche.live
        assert fiche.riasec == "RI"  # typed in lower case, stored as letters
        groupe = fiche.competences[0]
        assert (groupe.block_type, groupe.value["titre"]) == ("groupe", "Souder")
        assert list(groupe.value["elements"]) == ["À l'arc", "Au TIG"]
        assert list(fiche.activites[0].value) == ["Lire un plan", "Souder"]
        assert list(fiche.formations.all()) == [cap]
        assert list(fiche.filieres.all()) == [filiere]
        assert fiche.liste_appellations == ["Soudeur TIG", "Soudeuse MIG"]

    def test_salary_minimum_above_maximum_is_refused(self):
        response = self.ajouter(
            self.index, MetierPage, donnees_metier(salaire_min="2500", salaire_max="2000")
        )
        assert "supérieur ou égal au salaire minimum" in self.erreurs(response)
        assert not MetierPage.objects.filter(slug="soudeur").exists()

    def test_implausible_salary_is_refused(self):
        # An annual salary typed in the monthly field.
        response = self.ajouter(
            self.index, MetierPage, donnees_metier(salaire_min="24000", salaire_max="")
        )
        assert "10000" in self.erreurs(response).replace("\u202f", "").replace(" ", "")

    def test_bad_rome_code_is_refused(self):
        for code in ("h2913", "Z1234", "H291", "H29133"):
            response = self.ajouter(self.index, MetierPage, donnees_metier(code_rome=code))
            assert "Un code ROME est une lettre de A à N" in self.erreurs(
                response
            ) or "caractères" in self.erreurs(response), code

    def test_a_rome_code_belongs_to_one_fiche(self):
        f.metier(code_rome="H2913")
        response = self.ajouter(self.index, MetierPage, donnees_metier(code_rome="H2913"))
        assert "Une autre fiche porte déjà ce code ROME." in self.erreurs(response)

    def test_fiches_without_rome_code_can_be_many(self):
        f.metier(code_rome="")
        data = avec_choix_multiples(donnees_metier(code_rome=""), filieres=[f.filiere()])
        self.assertCanCreate(self.index, MetierPage, data)

    def test_unknown_or_repeated_riasec_letters_are_refused(self):
        response = self.ajouter(self.index, MetierPage, donnees_metier(riasec="RXZ"))
        assert "Lettres inconnues : X, Z" in self.erreurs(response)
        response = self.ajouter(self.index, MetierPage, donnees_metier(riasec="RIR"))
        assert "ne peut apparaître qu'une fois" in self.erreurs(response)

    def test_a_draft_may_lack_its_accroche_but_publishing_needs_it(self):
        response = self.ajouter(self.index, MetierPage, donnees_metier(accroche=""))
        assert "accroche" in response.context["form"].errors
        self.ajouter(self.index, MetierPage, donnees_metier(accroche=""), publier=False)
        brouillon = MetierPage.objects.get(slug="soudeur")
        assert not brouillon.live

    def test_a_fiche_without_its_essentials_is_not_published_and_says_what_is_missing(self):
        response = self.ajouter(
            self.index, MetierPage, donnees_metier(description=rich_text(""), image="")
        )
        html = response.content.decode()
        assert "Pour publier cette fiche, il manque" in html
        for missing in ("la définition", "au moins une filière", "une photo"):
            assert missing in html.replace("&#x27;", "'"), missing
        assert not MetierPage.objects.filter(slug="soudeur").exists()
        # a draft may wait for them
        self.ajouter(
            self.index,
            MetierPage,
            donnees_metier(description=rich_text(""), image=""),
            publier=False,
        )
        assert not MetierPage.objects.get(slug="soudeur").live

    def test_a_slug_typed_with_accents_is_folded_to_ascii(self):
        data = avec_choix_multiples(donnees_metier(slug="opérateur-œuvre"), filieres=[f.filiere()])
        self.ajouter(self.index, MetierPage, data)
        assert MetierPage.objects.get(title="Soudeur / Soudeuse").slug == "operateur-oeuvre"


def test_generated_slugs_fold_accents_to_ascii():
    from cms.slugs import ascii_slug

    assert ascii_slug("Œnologue / Œnologue") == "oenologue-oenologue"
    assert ascii_slug("Opérateur·rice de maintenance") == "operateur-rice-de-maintenance"


class TestFiliereDansLAdmin(AdminTestCase):
    def test_an_editor_creates_a_filiere_with_key_figures(self):
        index = f.index_filieres()
        data = nested_form_data(
            {
                "title": "Énergies renouvelables",
                "accroche": "Le vent, le soleil et l'hydrogène.",
                "presentation": rich_text("<p>Une filière qui recrute.</p>"),
                "chiffres_cles": streamfield(
                    [
                        (
                            "chiffre",
                            {"chiffre": "20 000", "libelle": "emplois", "source": "Étude, 2024"},
                        )
                    ]
                ),
                "couleur": "#1D4ED8",
            }
        )
        self.assertCanCreate(index, FilierePage, data)
        filiere = FilierePage.objects.get(slug="energies-renouvelables")
        assert filiere.chiffres_cles[0].value["chiffre"] == "20 000"
        assert filiere.couleur_texte == "#ffffff"

    def test_a_badge_colour_must_be_hexadecimal(self):
        data = nested_form_data(
            {
                "title": "Chimie",
                "accroche": "x",
                "presentation": rich_text(""),
                "chiffres_cles": streamfield([]),
                "couleur": "bleu",
            }
        )
        response = self.ajouter(f.index_filieres(), FilierePage, data)
        assert "6 chiffres hexadécimaux" in self.erreurs(response)


class TestObjetDansLAdmin(AdminTestCase):
    def setUp(self):
        super().setUp()
        self.index = f.index_objets()
        self.chaudronnier = f.metier(slug="chaudronnier")
        self.soudeur = f.metier("Soudeur", slug="soudeur")

    def donnees(self, etapes):
        """`etapes`: (titre, [métiers]) pairs."""
        donnees = nested_form_data(
            {
                "title": "Pile à combustible",
                "slug": "pile-a-combustible",
                "accroche": "De la plaque de métal au bus à hydrogène.",
                "introduction": rich_text("<p>Suivons une pile.</p>"),
                "etapes": inline_formset(
                    [{"titre": titre, "description": f"{titre}, expliqué."} for titre, _ in etapes]
                ),
            }
        )
        for rang, (_, metiers) in enumerate(etapes):
            avec_choix_multiples(donnees, **{f"etapes-{rang}-metiers": metiers})
        return donnees

    def test_an_editor_creates_an_objet_with_its_chain(self):
        etapes = [
            ("Découper les plaques", [self.chaudronnier]),
            ("Souder le réservoir", [self.soudeur, self.chaudronnier]),
        ]
        self.assertCanCreate(self.index, ObjetPage, self.donnees(etapes))
        objet = ObjetPage.objects.get(slug="pile-a-combustible")
        chaine = objet.chaine()
        assert [etape.titre for etape in chaine] == ["Découper les plaques", "Souder le réservoir"]
        assert [m.title for m in chaine[1].metiers_en_ligne] == [
            "Chaudronnier / Chaudronnière",
            "Soudeur",
        ]

    def test_publishing_an_objet_needs_two_steps(self):
        une_etape = [("Découper", [self.chaudronnier])]
        response = self.ajouter(self.index, ObjetPage, self.donnees(une_etape))
        assert "au moins 2 étapes" in " ".join(response.context["form"].non_field_errors())
        assert not ObjetPage.objects.exists()

    def test_a_draft_objet_may_have_a_single_step(self):
        une_etape = [("Découper", [self.chaudronnier])]
        self.ajouter(self.index, ObjetPage, self.donnees(une_etape), publier=False)
        assert ObjetPage.objects.get().etapes.count() == 1


class TestAmbassadeurDansLAdmin(AdminTestCase):
    def url_ajout(self):
        return reverse("wagtailsnippets_metiers_ambassadeur:add")

    def test_consent_without_date_is_refused(self):
        response = self.client.post(
            self.url_ajout(),
            {"prenom": "Léa", "citation": "J'adore.", "consentement_enregistre": "on"},
        )
        assert response.status_code == 200
        assert "Indiquez la date du consentement enregistré." in response.content.decode()
        assert not Ambassadeur.objects.exists()

    def test_consent_with_date_is_saved_and_shown(self):
        fiche = f.metier()
        response = self.client.post(
            self.url_ajout(),
            {
                "prenom": "Léa",
                "metier": str(fiche.pk),
                "citation": "J'adore.",
                "consentement_enregistre": "on",
                "consentement_date": "2025-10-01",
            },
        )
        assert response.status_code == 302
        assert list(fiche.ambassadeurs_visibles) == [Ambassadeur.objects.get(prenom="Léa")]

    def test_without_consent_an_ambassador_stays_off_the_site(self):
        fiche = f.metier()
        f.ambassadeur(fiche, prenom="Sam", consentement=False)
        Ambassadeur.objects.create(
            prenom="Noé", metier=fiche, citation="x", consentement_enregistre=True
        )
        assert not Ambassadeur.objects.visibles().exists()
        assert Ambassadeur(
            prenom="Zoé", consentement_enregistre=True, consentement_date=date(2025, 1, 2)
        ).est_visible


class TestSnippetsDansLAdmin(AdminTestCase):
    def test_snippet_lists_search_and_filter(self):
        f.formation("CAP Chaudronnerie", "cap")
        f.formation("BTS Conception des processus", "bts")
        url = reverse("wagtailsnippets_metiers_formation:list")
        html = self.client.get(url, {"niveau": "bts"}).content.decode()
        assert "BTS Conception" in html and "CAP Chaudronnerie" not in html
        html = self.client.get(url, {"q": "chaudron"}).content.decode()
        assert "CAP Chaudronnerie" in html and "BTS Conception" not in html
        for modele in ("centreinteret", "entreprise", "ambassadeur"):
            assert (
                self.client.get(reverse(f"wagtailsnippets_metiers_{modele}:list")).status_code
                == 200
            )

    def test_coordinates_out_of_range_are_refused(self):
        response = self.client.post(
            reverse("wagtailsnippets_metiers_entreprise:add"),
            {"nom": "Usine", "ville": "Lyon", "latitude": "123", "longitude": "4.8"},
        )
        assert response.status_code == 200
        assert not f.Entreprise.objects.exists()
        response = self.client.post(
            reverse("wagtailsnippets_metiers_entreprise:add"),
            {"nom": "Usine", "ville": "Lyon", "latitude": "45.76", "longitude": ""},
        )
        assert "ou aucune des deux" in response.content.decode()
