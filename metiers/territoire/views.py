"""The public views of the map and of the agenda (reached through CartePage and AgendaPage)."""

from __future__ import annotations

import calendar
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone

from metiers.models import Entreprise, FilierePage, MetierPage

from . import carte as mapping
from . import geo
from .filters import AgendaFiltres, CarteFiltres
from .ical import calendrier
from .models import EvenementPage

EVENEMENTS_PAR_PAGE = 20
ICAL_PASSE = timedelta(days=180)  # past events a calendar feed still carries


@dataclass(frozen=True)
class Lien:
    """A filière or a fiche as the list shows it: computed once per page, not per company."""

    pk: int
    title: str
    url: str
    couleur: str = ""
    couleur_texte: str = ""


def annoter(entreprises: list[Entreprise], request) -> None:
    """Give each company `filieres_carte` and `metiers_carte` (live pages only) in four queries.

    Prefetching the pages themselves would load one copy of each fiche, stream fields included,
    per company that links it: with 500 companies that alone took most of a second.
    """
    ids = [e.pk for e in entreprises]
    par_filiere = Entreprise.filieres.through.objects.filter(entreprise_id__in=ids)
    par_metier = MetierPage.entreprises.through.objects.filter(entreprise_id__in=ids)
    filiere_links = list(par_filiere.values_list("entreprise_id", "filierepage_id"))
    metier_links = list(par_metier.values_list("entreprise_id", "metierpage_id"))
    filieres = {
        f.pk: Lien(f.pk, f.title, f.get_url(request), f.couleur, f.couleur_texte)
        for f in FilierePage.objects.live().public().filter(pk__in={p for _, p in filiere_links})
    }
    metiers = {
        m.pk: Lien(m.pk, m.title, m.get_url(request))
        for m in MetierPage.objects.live()
        .public()
        .filter(pk__in={p for _, p in metier_links})
        .defer_streamfields()
    }
    for entreprise in entreprises:
        entreprise.filieres_carte = []
        entreprise.metiers_carte = []
    by_id = {e.pk: e for e in entreprises}
    for entreprise_id, page_id in filiere_links:
        if page_id in filieres:
            by_id[entreprise_id].filieres_carte.append(filieres[page_id])
    for entreprise_id, page_id in metier_links:
        if page_id in metiers:
            by_id[entreprise_id].metiers_carte.append(metiers[page_id])
    for entreprise in entreprises:
        entreprise.filieres_carte.sort(key=lambda lien: lien.title)
        entreprise.metiers_carte.sort(key=lambda lien: lien.title)


def _query(query_string: str) -> str:
    return f"?{query_string}" if query_string else ""


def commune_of(entreprise: Entreprise) -> geo.Commune | None:
    etablissement = getattr(entreprise, "etablissement", None)
    if etablissement and etablissement.code_commune:
        found = geo.commune_by_code(etablissement.code_commune)
        if found:
            return found
    homonyms = geo.find_communes(entreprise.ville)
    return homonyms[0] if homonyms else None


def point_of(entreprise: Entreprise, url: str, filiere=None) -> mapping.Point | None:
    """The company on the map, in the colour of `filiere` when filtering by it, else its first."""
    commune = commune_of(entreprise)
    if entreprise.latitude is not None and entreprise.longitude is not None:
        lon, lat = float(entreprise.longitude), float(entreprise.latitude)
    elif commune:
        lon, lat = commune.longitude, commune.latitude
    else:
        return None
    # sorted() is stable: the filtered filière first, the others in their order.
    filieres = sorted(
        entreprise.filieres_carte, key=lambda f: filiere is None or f.pk != filiere.pk
    )
    colour = next((f.couleur for f in filieres if f.couleur), mapping.DEFAULT_COLOUR)
    return mapping.Point(
        key=entreprise.pk,
        label=str(entreprise),
        url=url,
        longitude=lon,
        latitude=lat,
        colour=colour,
        commune=entreprise.ville,
        departement=commune.departement if commune else "",
    )


def carte(request, page):
    filtres = CarteFiltres(request.GET)
    valeurs = filtres.valeurs()
    entreprises = filtres.filtrer(
        Entreprise.objects.select_related("etablissement").order_by("nom")
    )
    prefix = page.get_url(request) + "entreprise/"
    rows = []
    entreprises = list(entreprises.distinct())
    annoter(entreprises, request)
    for entreprise in entreprises:
        entreprise.url_carte = f"{prefix}{entreprise.pk}/"
        point = point_of(entreprise, entreprise.url_carte, valeurs.get("filiere"))
        departement = valeurs.get("departement")
        if departement and (point is None or point.departement != departement):
            continue
        rows.append((entreprise, point))

    view = mapping.FULL_VIEW
    if "departement" in valeurs:
        view = mapping.departement_view(valeurs["departement"])
    elif "commune" in valeurs and rows and rows[0][1]:
        view = mapping.departement_view(rows[0][1].departement)

    def cluster_url(points):
        departements = Counter(p.departement for p in points if p.departement)
        communes = Counter(p.commune for p in points)
        if view is mapping.FULL_VIEW and departements:
            query = filtres.query_string(departement=departements.most_common(1)[0][0])
        elif len(communes) > 1 or "commune" not in valeurs:
            query = filtres.query_string(commune=communes.most_common(1)[0][0])
        else:
            return "#liste"
        return f"?{query}#carte"

    points = [point for _, point in rows if point]
    return page.render(
        request,
        context_overrides={
            "filtres": filtres,
            "entreprises": rows,
            "markers": mapping.place(points, view, cluster_url),
            "view": view,
            "filieres_legende": [f for f in filtres.fields["filiere"].queryset if f.couleur],
            "filtre_actif": bool(valeurs),
            "url_region": _query(filtres.query_string(departement=None, commune=None)),
        },
    )


def entreprise(request, page, pk):
    entreprise = get_object_or_404(Entreprise.objects.select_related("etablissement"), pk=pk)
    annoter([entreprise], request)
    point = point_of(entreprise, "")
    view = mapping.departement_view(point.departement) if point else mapping.FULL_VIEW
    evenements = (
        EvenementPage.objects.live().public().filter(entreprises=entreprise).order_by("debut")
    )
    maintenant = timezone.now()
    return page.render(
        request,
        template="territoire/entreprise.html",
        context_overrides={
            "entreprise": entreprise,
            "commune": commune_of(entreprise),
            "view": view,
            "markers": mapping.place([point], view, lambda points: "") if point else [],
            "evenements_a_venir": [e for e in evenements if e.fin >= maintenant],
            "evenements_passes": [e for e in evenements if e.fin < maintenant][::-1],
        },
    )


def contexte_evenement(evenement: EvenementPage, request) -> dict:
    """What an event page shows besides its fields: its companies, games and place on the map."""
    from .models import CartePage

    carte_page = CartePage.objects.live().public().first()
    entreprises = list(evenement.entreprises.order_by("nom"))
    for entreprise in entreprises:
        entreprise.url_carte = (
            f"{carte_page.get_url(request)}entreprise/{entreprise.pk}/" if carte_page else ""
        )
    jeux = [j.jeu.specific for j in evenement.jeux.select_related("jeu") if j.jeu.live]
    context = {"entreprises": entreprises, "jeux": jeux, "markers": []}
    position = evenement.position()
    if position:
        commune = geo.commune_by_code(evenement.code_commune)
        view = mapping.departement_view(commune.departement) if commune else mapping.FULL_VIEW
        point = mapping.Point(evenement.pk, evenement.title, "", *position)
        context.update(view=view, markers=mapping.place([point], view, lambda points: ""))
    return context


def _mois_suivant(mois: date) -> date:
    return (mois.replace(day=28) + timedelta(days=4)).replace(day=1)


def grille_du_mois(mois: date, evenements) -> list[list[dict]]:
    """Weeks of days, Monday first, each day with the events it holds (several-day ones too)."""
    weeks = calendar.Calendar(firstweekday=0).monthdatescalendar(mois.year, mois.month)
    par_jour: dict[date, list] = {}
    for evenement in evenements:
        jour = timezone.localtime(evenement.debut).date()
        fin = timezone.localtime(evenement.fin).date()
        while jour <= fin:
            par_jour.setdefault(jour, []).append(evenement)
            jour += timedelta(days=1)
    return [
        [
            {"date": d, "dans_le_mois": d.month == mois.month, "evenements": par_jour.get(d, [])}
            for d in week
        ]
        for week in weeks
    ]


def agenda(request, page, archives=False):
    filtres = AgendaFiltres(request.GET)
    valeurs = filtres.valeurs()
    maintenant = timezone.now()
    evenements = filtres.filtrer(
        EvenementPage.objects.child_of(page).live().public()
    ).prefetch_related("publics", "filieres")
    context = {"filtres": filtres, "archives": archives}
    mois = valeurs.get("mois")
    if mois and not archives:
        debut = timezone.make_aware(datetime.combine(mois, time.min))
        fin = timezone.make_aware(datetime.combine(_mois_suivant(mois), time.min))
        du_mois = list(evenements.filter(debut__lt=fin, fin__gte=debut).order_by("debut"))
        context.update(
            mois=mois,
            mois_precedent=(mois - timedelta(days=1)).replace(day=1),
            mois_suivant=_mois_suivant(mois),
            semaines=grille_du_mois(mois, du_mois),
            evenements=du_mois,
        )
    else:
        if archives:
            evenements = evenements.filter(fin__lt=maintenant).order_by("-debut")
        else:
            evenements = evenements.filter(fin__gte=maintenant).order_by("debut")
        pagination = Paginator(evenements, EVENEMENTS_PAR_PAGE).get_page(request.GET.get("page"))
        context.update(pagination=pagination, evenements=pagination.object_list)
    context["mois_courant"] = timezone.localdate().replace(day=1)
    context["ical_url"] = page.get_url(request) + "ical/" + _query(filtres.query_string(mois=None))
    return page.render(request, context_overrides=context)


def ical(request, page):
    filtres = AgendaFiltres(request.GET)
    evenements = (
        filtres.filtrer(EvenementPage.objects.child_of(page).live().public())
        .filter(fin__gte=timezone.now() - ICAL_PASSE)
        .order_by("debut")
    )
    response = HttpResponse(
        calendrier(evenements, request, page.title), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = 'inline; filename="agenda.ics"'
    return response
