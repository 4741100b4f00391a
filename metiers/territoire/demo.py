"""Load the map and agenda demo (demo_data), idempotently: pages found by slug, never duplicated.

The companies themselves belong to the trade demo (metiers.demo_data), loaded before this one.
"""

from __future__ import annotations

import html
from datetime import datetime, time, timedelta

from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

from cms.models import HomePage
from metiers.models import Entreprise, FilierePage, MetierPage

from . import demo_data as data
from . import geo
from .models import AgendaPage, CartePage, EvenementJeu, EvenementPage, Public


def ensure_index(home: HomePage, model, content: dict) -> Page:
    existing = model.objects.child_of(home).first()
    if existing is not None:
        return existing
    page = model(
        title=content["title"],
        slug=content["slug"],
        introduction=f"<p>{html.escape(content['introduction'], quote=False)}</p>",
        show_in_menus=True,
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def _moment(jour: int, heure: int) -> datetime:
    return timezone.make_aware(
        datetime.combine(timezone.localdate() + timedelta(days=jour), time(heure))
    )


def ensure_evenement(agenda: AgendaPage, demo: data.EvenementDemo, jeu: Page | None) -> bool:
    if EvenementPage.objects.child_of(agenda).filter(slug=demo.slug).exists():
        return False
    commune = geo.find_communes(demo.commune)[0]
    evenement = EvenementPage(
        title=demo.titre,
        slug=demo.slug,
        type_evenement=demo.type_evenement,
        debut=_moment(demo.jour, demo.heures[0]),
        fin=_moment(demo.jour, demo.heures[1]),
        lieu=demo.lieu,
        commune=commune.nom,
        code_commune=commune.code,
        description=demo.description,
        organisateur=demo.organisateur,
    )
    evenement.publics = list(Public.objects.filter(slug__in=demo.publics))
    evenement.filieres = list(FilierePage.objects.filter(slug__in=demo.filieres))
    evenement.entreprises = list(Entreprise.objects.filter(nom__in=demo.entreprises))
    evenement.metiers = list(MetierPage.objects.filter(slug__in=demo.metiers))
    if demo.avec_un_jeu and jeu is not None:
        evenement.jeux = [EvenementJeu(jeu=jeu)]
    agenda.add_child(instance=evenement)  # add_child runs full_clean once the page has its place
    evenement.save_revision().publish()
    return True


@transaction.atomic
def load(stdout=None) -> None:
    home = HomePage.objects.get()
    ensure_index(home, CartePage, data.CARTE)
    agenda = ensure_index(home, AgendaPage, data.AGENDA)
    from games.models import QuizPage

    jeu = QuizPage.objects.live().order_by("pk").first()
    created = sum(ensure_evenement(agenda, demo, jeu) for demo in data.EVENEMENTS)
    if stdout:
        stdout.write(f"Territoire : carte et agenda prêts, {created} événement(s) ajouté(s).")
