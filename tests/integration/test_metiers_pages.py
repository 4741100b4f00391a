"""The trade pages as a visitor reads them: a fiche, a filière, an objet and the indexes."""

import pytest

from metiers.models import MetierPage
from tests.support import metiers_factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_temporaire(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def fiche():
    filiere = f.filiere("Véhicules du futur", slug="vehicules-du-futur", couleur="#FFC845")
    voisin = f.metier("Soudeur / Soudeuse", slug="soudeur")
    brouillon = f.metier("Tôlier en brouillon", slug="tolier", publier=False)
    page = f.metier(
        slug="chaudronnier",
        image=f.image("Atelier", description="Une chaudronnière plie une tôle"),
        description="<p>Il fabrique des pièces en <strong>métal</strong>.</p>",
        activites=[{"type": "liste", "value": ["Lire un plan", "Découper la tôle"]}],
        competences=[f.groupe("Mettre en forme", "Cintrer", "Plier")],
        savoirs=[f.groupe("Matériaux", "Aciers inoxydables")],
        conditions=[f.groupe("Lieux", "En atelier")],
        medias=[
            {
                "type": "image",
                "value": {
                    "image": {
                        "image": f.image("Soudure").pk,
                        "alt_text": "Un arc de soudure",
                        "decorative": False,
                    },
                    "legende": "Au poste",
                },
            },
            {
                "type": "video",
                "value": {
                    "video": "https://www.youtube.com/watch?v=abc",
                    "titre": "Une journée",
                    "legende": "",
                },
            },
        ],
        salaire_min=1850,
        salaire_max=2300,
        code_rome="H2902",
        riasec="RI",
        appellations="Chaudronnier industriel\nTôlière",
        formations=[
            f.formation(),
            f.formation(
                "BTS Conception et réalisation en chaudronnerie",
                "bts",
                apprentissage_possible=False,
            ),
        ],
        filieres=[filiere],
        centres_interet=[f.centre("Fabriquer avec mes mains")],
        metiers_proches=[voisin, brouillon],
        entreprises=[f.entreprise(site_web="https://example.org")],
    )
    f.ambassadeur(page, prenom="Inès")
    f.ambassadeur(page, prenom="Sam", consentement=False, citation="Sans accord")
    return page


def test_a_fiche_gives_the_key_facts_first(client, fiche):
    html = client.get(fiche.url).content.decode()
    assert "<h1>Chaudronnier / Chaudronnière</h1>" in html
    salaire = html.index("1\u202f850\u202f€")
    assert "2\u202f300\u202f€" in html
    assert salaire < html.index("Ce que je fais") < html.index("Mes compétences")
    assert "CAP, BTS" in html and "possible en apprentissage" in html
    assert 'href="/metiers/"' in html  # breadcrumb back to the index


def test_a_fiche_shows_its_content_and_folds_the_details(client, fiche):
    html = client.get(fiche.url).content.decode()
    assert "Il fabrique des pièces en <strong>métal</strong>." in html
    assert "<li>Découper la tôle</li>" in html
    assert html.count('<details class="repliable">') == 3
    for texte in (
        "Cintrer",
        "Aciers inoxydables",
        "En atelier",
        "Fabriquer avec mes mains",
        "Réaliste, Investigateur",
    ):
        assert texte in html
    assert "Tôle\u0300" not in html
    assert "Chaudronnier industriel, Tôlière" in html
    assert "Code ROME : H2902" in html and "Source : France Travail, ROME 4.0." in html


def test_a_fiche_shows_only_consenting_ambassadors_and_published_neighbours(client, fiche):
    html = client.get(fiche.url).content.decode()
    assert "Inès" in html and "Sans accord" not in html
    assert "Soudeur / Soudeuse" in html and "Tôlier en brouillon" not in html
    assert "Tôlerie du Rhône" in html and 'href="https://example.org"' in html
    assert "Véhicules du futur" in html


def test_fiche_images_have_sizes_and_alt_text_and_videos_are_links(client, fiche):
    html = client.get(fiche.url).content.decode()
    assert 'alt="Une chaudronnière plie une tôle"' in html
    assert 'alt="Un arc de soudure"' in html and "<figcaption>Au poste</figcaption>" in html
    assert 'width="' in html and 'height="' in html
    assert 'href="https://www.youtube.com/watch?v=abc"' in html
    assert "<iframe" not in html  # no third-party request from the student's page


def test_a_minimal_fiche_renders(client):
    page = f.metier(slug="minimal")
    response = client.get(page.url)
    assert response.status_code == 200
    assert "Code ROME" not in response.content.decode()


def test_a_draft_fiche_is_not_served(client):
    page = f.metier(slug="cache", publier=False)
    assert (
        client.get(MetierPage.objects.get(pk=page.pk).url or "/metiers/cache/").status_code == 404
    )


def test_a_filiere_shows_key_figures_metiers_and_objets(client):
    filiere = f.filiere(
        chiffres_cles=[
            {
                "type": "chiffre",
                "value": {"chiffre": "400 000", "libelle": "salariés", "source": "Étude 2024"},
            }
        ],
        presentation="<p>Des voitures propres.</p>",
        couleur="#12355B",
    )
    metier = f.metier("Carrossier", slug="carrossier", filieres=[filiere])
    f.metier("Hors filière", slug="hors")
    f.objet("Bus à hydrogène", etapes=[("Assembler", [metier]), ("Livrer", [])], filieres=[filiere])
    html = client.get(filiere.url).content.decode()
    assert "400 000" in html and "Source : Étude 2024" in html
    assert "Des voitures propres." in html
    assert "Carrossier" in html and "Hors filière" not in html
    assert "Bus à hydrogène" in html
    # The colours come in a <style> element with the CSP nonce, not a style attribute.
    assert "--filiere-fond:#12355B;--filiere-texte:#ffffff" in html


def test_an_objet_shows_its_chain_in_order_with_links_to_the_fiches(client):
    chaudronnier = f.metier(slug="chaudronnier")
    soudeur = f.metier("Soudeur", slug="soudeur")
    brouillon = f.metier("Brouillon", slug="brouillon", publier=False)
    objet = f.objet(
        etapes=[
            ("Découper les plaques", [chaudronnier]),
            ("Souder", [soudeur, brouillon]),
            ("Tester", []),
        ]
    )
    html = client.get(objet.url).content.decode()
    assert '<ol class="chaine">' in html
    assert html.index("Découper les plaques") < html.index("Souder") < html.index("Tester")
    assert "De A à Z, en 3 étapes" in html
    assert f'href="{chaudronnier.url}"' in html and f'href="{soudeur.url}"' in html
    assert "Brouillon" not in html


def test_objet_chain_costs_the_same_few_queries_however_long(django_assert_num_queries):
    metiers = [f.metier(f"Métier {i}", slug=f"m{i}") for i in range(3)]
    objet = f.objet(etapes=[(f"Étape {i}", metiers) for i in range(5)])
    objet = type(objet).objects.get(pk=objet.pk)
    # Steps, their métiers (one prefetch), and the view restrictions behind `.public()`.
    with django_assert_num_queries(3):
        chaine = objet.chaine()
        assert [len(etape.metiers_en_ligne) for etape in chaine] == [3] * 5


def test_filiere_and_objet_indexes_list_published_cards(client):
    f.filiere("Énergie", slug="energie")
    f.filiere("Cachée", slug="cachee", publier=False)
    f.objet("Montre", slug="montre", etapes=[("A", []), ("B", [])])
    html = client.get("/filieres/").content.decode()
    assert "Énergie" in html and "Cachée" not in html
    assert "Montre" in client.get("/objets-de-a-a-z/").content.decode()
