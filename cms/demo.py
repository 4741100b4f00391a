"""Demo content of the site itself: the home page, legal and privacy pages, footer settings.

Built by code, idempotent: each page is found by its slug and updated, never duplicated.
"""

from django.db import transaction
from wagtail.models import Page, Site

from .models import HomePage, SiteSettings, StandardPage

HOME_TITLE = "Accueil"


def paragraph(html: str) -> dict:
    return {"type": "paragraph", "value": html}


def heading(text: str) -> dict:
    return {"type": "heading", "value": {"text": text}}


LEGAL_BODY = [
    heading("Éditeur"),
    paragraph(
        "<p>Ce site est édité dans le cadre d'une campagne de découverte des métiers de "
        "l'industrie. Les fiches s'appuient sur le référentiel ROME 4.0 publié par France "
        "Travail sous Licence Ouverte (Etalab 2.0).</p>"
    ),
    heading("Hébergement"),
    paragraph("<p>Le site est hébergé en France par l'organisme qui déploie la campagne.</p>"),
]

PRIVACY_BODY = [
    heading("Les élèves jouent sans compte"),
    paragraph(
        "<p>Pour jouer, un élève choisit seulement un pseudo. Nous ne demandons ni nom, ni "
        "adresse électronique, ni numéro de téléphone, et nous n'enregistrons pas l'adresse IP "
        "avec les données de jeu.</p>"
    ),
    heading("Durée de conservation"),
    paragraph(
        "<p>Le pseudo, les réponses et le score d'une partie sont effacés automatiquement "
        "30 jours après la fin de la partie (durée réglable par l'hébergeur).</p>"
    ),
    heading("Aucun service tiers"),
    paragraph(
        "<p>Les pages ouvertes par les élèves ne chargent ni police, ni script, ni image depuis "
        "un autre site : tout est servi par notre serveur.</p>"
    ),
]


REGION_TITRE = "Bourgogne-Franche-Comté, une région qui fabrique"
REGION_TEXTE = (
    "Des voitures à Sochaux, des montres dans le Haut-Doubs, des lunettes et des jouets dans le "
    "Jura, du comté dans les fruitières, de l'hydrogène à Belfort : ici, l'industrie est partout, "
    "et elle cherche des jeunes."
)
# Facts and orders of magnitude, each with its source; the sentences are ours.
REGION_CHIFFRES = (
    ("8", "départements, de la Nièvre au Territoire de Belfort", "Insee"),
    (
        "≈ 1 emploi sur 6",
        "est dans l'industrie : la plus forte part des régions de France",
        "Insee, ordre de grandeur",
    ),
    ("1912", "première voiture sortie de l'usine de Sochaux", "histoire du site de Sochaux"),
    (
        "≈ 70 000 t",
        "de comté AOP produites chaque année dans le massif du Jura",
        "interprofession du comté (CIGC), ordre de grandeur",
    ),
)


def region_chiffres() -> list[dict]:
    return [
        {"type": "chiffre", "value": {"chiffre": chiffre, "libelle": libelle, "source": source}}
        for chiffre, libelle, source in REGION_CHIFFRES
    ]


def ensure_region(home: HomePage) -> None:
    """Fill the region block once; an editor's own text is never overwritten."""
    if home.region_titre:
        return
    home.region_titre = REGION_TITRE
    home.region_texte = REGION_TEXTE
    home.region_chiffres = region_chiffres()
    home.save_revision().publish()


def ensure_home_page() -> HomePage:
    """Make a HomePage the root of the default site, replacing Wagtail's welcome page."""
    home = HomePage.objects.first()
    root = Page.get_first_root_node()
    if home is None:
        home = HomePage(
            title=HOME_TITLE,
            slug="accueil",
            hero_title="Découvre les métiers qui fabriquent ton quotidien",
            hero_text=(
                "Voitures de demain, montres, yaourts, éoliennes ou meubles : derrière chaque "
                "objet, des dizaines de métiers. Explore les fiches, suis un objet de A à Z "
                "et joue en classe."
            ),
        )
        root.add_child(instance=home)
        home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(hostname="localhost", root_page=home, is_default_site=True)
    elif site.root_page_id != home.pk:
        old_root = site.root_page
        site.root_page = home
        site.site_name = "Métiers en jeu"
        site.save()
        if old_root.specific_class is Page and not old_root.get_children().exists():
            old_root.delete()  # Wagtail's "Welcome to your new Wagtail site!" placeholder
    return home


def ensure_standard_page(parent: Page, slug: str, title: str, body: list[dict]) -> StandardPage:
    page = StandardPage.objects.child_of(parent).filter(slug=slug).first()
    if page is None:
        page = StandardPage(title=title, slug=slug, body=body)
        parent.add_child(instance=page)
        page.save_revision().publish()
    return page


@transaction.atomic
def load(stdout=None) -> None:
    home = ensure_home_page()
    ensure_region(home)
    legal = ensure_standard_page(home, "mentions-legales", "Mentions légales", LEGAL_BODY)
    privacy = ensure_standard_page(home, "confidentialite", "Confidentialité", PRIVACY_BODY)
    site = Site.objects.get(is_default_site=True)
    settings = SiteSettings.for_site(site)
    settings.legal_page = legal
    settings.privacy_page = privacy
    settings.save()
    if stdout:
        stdout.write("Site : accueil, mentions légales et confidentialité prêts.")
