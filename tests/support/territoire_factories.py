"""Builders for the map and agenda tests: the two index pages and events, published unless told."""

from __future__ import annotations

import itertools
from datetime import timedelta

from django.utils import timezone

from cms.demo import ensure_home_page
from metiers.territoire.models import AgendaPage, CartePage, EvenementPage, Public

_numeros = itertools.count(1)


def _index(model, slug: str, title: str):
    home = ensure_home_page()
    page = model.objects.child_of(home).first()
    if page is None:
        page = model(title=title, slug=slug, show_in_menus=True)
        home.add_child(instance=page)
        page.save_revision().publish()
    return page


def carte() -> CartePage:
    return _index(CartePage, "carte", "Carte des entreprises")


def agenda() -> AgendaPage:
    return _index(AgendaPage, "agenda", "Agenda")


def evenement(title="Forum des métiers", jours=10, publier=True, **champs) -> EvenementPage:
    """An event `jours` days from now (negative: past), 9 h to 17 h, in Besançon."""
    relations = {
        nom: champs.pop(nom)
        for nom in ("publics", "filieres", "entreprises", "metiers")
        if nom in champs
    }
    debut = timezone.now().replace(hour=9, minute=0, second=0, microsecond=0) + timedelta(
        days=jours
    )
    champs.setdefault("slug", f"evenement-{next(_numeros)}")
    champs.setdefault("type_evenement", EvenementPage.Type.FORUM)
    champs.setdefault("debut", debut)
    champs.setdefault("fin", debut + timedelta(hours=8))
    champs.setdefault("lieu", "Micropolis")
    champs.setdefault("commune", "Besançon")
    champs.setdefault("code_commune", "25056")
    champs.setdefault("description", "Trente entreprises présentent leurs métiers aux jeunes.")
    champs.setdefault("organisateur", "Association Industrie Jeunesse")
    page = EvenementPage(title=title, live=publier, **champs)
    for nom, valeurs in relations.items():
        setattr(page, nom, valeurs)
    agenda().add_child(instance=page)
    revision = page.save_revision()
    if publier:
        revision.publish()
        page.refresh_from_db()
    return page


def public(slug: str) -> Public:
    return Public.objects.get(slug=slug)
