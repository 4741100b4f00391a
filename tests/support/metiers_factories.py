"""Small builders of trade content for the tests: each makes one thing, published unless told."""

from __future__ import annotations

import itertools
from datetime import date

from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from cms.demo import ensure_home_page
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

_numeros = itertools.count(1)


def groupe(titre: str, *elements: str) -> dict:
    """Raw stream data of one group, as the ROME importer writes it."""
    return {"type": "groupe", "value": {"titre": titre, "elements": list(elements)}}


def image(titre: str = "Photo", description: str = "") -> Image:
    return Image.objects.create(
        title=titre, description=description, file=get_test_image_file(f"img{next(_numeros)}.png")
    )


def _index(model, slug: str, title: str):
    home = ensure_home_page()
    page = model.objects.child_of(home).first()
    if page is None:
        page = model(title=title, slug=slug)
        home.add_child(instance=page)
        page.save_revision().publish()
    return page


def index_metiers() -> MetierIndexPage:
    return _index(MetierIndexPage, "metiers", "Les métiers")


def index_filieres() -> FiliereIndexPage:
    return _index(FiliereIndexPage, "filieres", "Les filières")


def index_objets() -> ObjetIndexPage:
    return _index(ObjetIndexPage, "objets-de-a-a-z", "Les objets de A à Z")


def _ajouter(parent, page, publier: bool, **relations):
    for nom, valeurs in relations.items():
        getattr(page, nom).set(valeurs)
    page.live = publier  # a new page is live unless told otherwise; a draft is not
    parent.add_child(instance=page)
    revision = page.save_revision()
    if publier:
        revision.publish()
        page.refresh_from_db()
    return page


def formation(nom="CAP Réalisations industrielles en chaudronnerie", niveau="cap", **champs):
    champs.setdefault("apprentissage_possible", True)
    champs.setdefault("duree", "2 ans")
    return Formation.objects.create(nom=nom, niveau=niveau, **champs)


def centre(libelle="Fabriquer avec mes mains", slug=None, **champs) -> CentreInteret:
    return CentreInteret.objects.create(
        libelle=libelle, slug=slug or f"centre-{next(_numeros)}", **champs
    )


def entreprise(nom="Tôlerie du Rhône", ville="Lyon", **champs) -> Entreprise:
    return Entreprise.objects.create(nom=nom, ville=ville, **champs)


def ambassadeur(metier, prenom="Inès", consentement=True, **champs) -> Ambassadeur:
    return Ambassadeur.objects.create(
        prenom=prenom,
        metier=metier,
        citation=champs.pop("citation", "Je vois la pièce naître entre mes mains."),
        consentement_enregistre=consentement,
        consentement_date=date(2025, 9, 1) if consentement else None,
        **champs,
    )


def metier(title="Chaudronnier / Chaudronnière", publier=True, **champs) -> MetierPage:
    relations = {
        nom: champs.pop(nom)
        for nom in ("formations", "filieres", "centres_interet", "metiers_proches", "entreprises")
        if nom in champs
    }
    champs.setdefault("slug", f"metier-{next(_numeros)}")
    champs.setdefault("accroche", "Je façonne le métal pour fabriquer de grandes pièces.")
    page = MetierPage(title=title, **champs)
    return _ajouter(index_metiers(), page, publier, **relations)


def filiere(title="Véhicules du futur", publier=True, **champs) -> FilierePage:
    champs.setdefault("slug", f"filiere-{next(_numeros)}")
    champs.setdefault("accroche", "Voitures, trains et avions de demain.")
    return _ajouter(index_filieres(), FilierePage(title=title, **champs), publier)


def objet(title="Pile à combustible", etapes=(), publier=True, **champs) -> ObjetPage:
    """`etapes`: (titre, [métiers]) pairs, in the order of the chain."""
    relations = {"filieres": champs.pop("filieres")} if "filieres" in champs else {}
    champs.setdefault("slug", f"objet-{next(_numeros)}")
    champs.setdefault("accroche", "De la plaque de métal au bus à hydrogène.")
    page = ObjetPage(title=title, **champs)
    page.etapes = [
        EtapeObjet(titre=titre, description=f"Étape « {titre} ».", sort_order=rang, metiers=metiers)
        for rang, (titre, metiers) in enumerate(etapes)
    ]
    return _ajouter(index_objets(), page, publier, **relations)


def liste_block(elements) -> dict:
    """Admin form data of a ListBlock (the `streamfield` helper's counterpart for lists)."""
    data = {
        str(rang): {"value": valeur, "deleted": "", "order": str(rang)}
        for rang, valeur in enumerate(elements)
    }
    data["count"] = str(len(elements))
    return data
