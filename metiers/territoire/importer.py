"""Import companies from a CSV file onto the map: everything is checked before anything is written.

Columns (header row required, `;` or `,` separated, UTF-8):
    nom, siret (optional), commune, code_commune (optional INSEE code),
    latitude and longitude (optional: without them the company sits at its commune's town hall),
    filieres and metiers (optional, slugs or titles separated by `|`).

Re-running the same file changes nothing: a company is found again by its SIRET, or without
one by its name and commune. Links to fiches are added through a new revision of the fiche,
published only if the fiche had no pending draft (an editor's draft is never published by us).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils.translation import gettext as _

from metiers.models import Entreprise, FilierePage, MetierPage

from . import geo
from .models import Etablissement

REQUIRED = ("nom", "commune")
KNOWN = ("nom", "siret", "commune", "code_commune", "latitude", "longitude", "filieres", "metiers")
MAX_ROWS = 5000
SEPARATOR = "|"


class ImportErrors(Exception):
    """Every problem found, each with its line; nothing was written."""

    def __init__(self, errors: list[str]):
        self.errors = errors
        super().__init__("\n".join(errors))


@dataclass
class Ligne:
    numero: int
    nom: str
    siret: str | None
    commune: geo.Commune
    latitude: Decimal
    longitude: Decimal
    filieres: list[FilierePage] = field(default_factory=list)
    metiers: list[MetierPage] = field(default_factory=list)


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    fiches_linked: int = 0
    fiches_left_as_draft: list[str] = field(default_factory=list)


def _by_slug_or_title(queryset) -> dict[str, object]:
    index = {}
    for page in queryset:
        index[page.slug.lower()] = page
        index[page.title.lower()] = page
    return index


def _decimal(value: str, low: int, high: int) -> Decimal | None:
    try:
        number = Decimal(value.replace(",", "."))
    except InvalidOperation:
        return None
    return number.quantize(Decimal("0.000001")) if low <= number <= high else None


def read(text: str) -> list[Ligne]:
    """Parse and check every row; raise ImportErrors listing all the problems found."""
    text = text.lstrip("\ufeff")
    try:
        dialect = csv.Sniffer().sniff(text.split("\n", 1)[0], delimiters=";,")
    except csv.Error:
        raise ImportErrors(
            [_("Ligne 1 : en-tête illisible (colonnes séparées par ; ou ,).")]
        ) from None
    reader = csv.DictReader(io.StringIO(text), dialect=dialect)
    header = [(name or "").strip().lower() for name in reader.fieldnames or []]
    reader.fieldnames = header
    missing = [name for name in REQUIRED if name not in header]
    if missing:
        raise ImportErrors(
            [_("Ligne 1 : colonne(s) manquante(s) : %(noms)s.") % {"noms": ", ".join(missing)}]
        )
    filieres = _by_slug_or_title(FilierePage.objects.all())
    metiers = _by_slug_or_title(MetierPage.objects.all())
    errors: list[str] = []
    lignes: list[Ligne] = []
    sirets: dict[str, int] = {}
    for row in reader:
        numero = reader.line_num
        if len(lignes) + len(errors) >= MAX_ROWS:
            errors.append(
                _("Ligne %(n)d : plus de %(max)d lignes, coupez le fichier.")
                % {"n": numero, "max": MAX_ROWS}
            )
            break
        values = {k: (v or "").strip() for k, v in row.items() if k in KNOWN}
        if None in row:
            errors.append(_("Ligne %(n)d : plus de colonnes que dans l'en-tête.") % {"n": numero})
            continue
        problems = []
        nom = values.get("nom", "")
        if not nom or len(nom) > 255:
            problems.append(_("le nom est vide ou dépasse 255 caractères"))
        siret = values.get("siret", "").replace(" ", "") or None
        if siret is not None:
            if not (len(siret) == 14 and siret.isdigit()):
                problems.append(_("le SIRET « %(s)s » n'a pas 14 chiffres") % {"s": siret})
            elif siret in sirets:
                problems.append(_("SIRET déjà vu ligne %(n)d") % {"n": sirets[siret]})
            else:
                sirets[siret] = numero
        commune = None
        if values.get("code_commune"):
            commune = geo.commune_by_code(values["code_commune"])
            if commune is None:
                problems.append(
                    _("code de commune « %(c)s » inconnu") % {"c": values["code_commune"]}
                )
        elif values.get("commune"):
            found = geo.find_communes(values["commune"])
            if not found:
                problems.append(
                    _("commune « %(c)s » introuvable dans la région et autour")
                    % {"c": values["commune"]}
                )
            elif len(found) > 1 and not (values.get("latitude") and values.get("longitude")):
                problems.append(
                    _(
                        "plusieurs communes s'appellent « %(c)s » : indiquez son code INSEE (code_commune)"
                    )
                    % {"c": values["commune"]}
                )
            else:
                commune = found[0]
        else:
            problems.append(_("la commune est vide"))
        latitude = longitude = None
        if values.get("latitude") or values.get("longitude"):
            latitude = _decimal(values.get("latitude", ""), -90, 90)
            longitude = _decimal(values.get("longitude", ""), -180, 180)
            if latitude is None or longitude is None:
                problems.append(
                    _("latitude et longitude : deux nombres en degrés décimaux, ou rien")
                )
        elif commune is not None:
            latitude = Decimal(str(commune.latitude)).quantize(Decimal("0.000001"))
            longitude = Decimal(str(commune.longitude)).quantize(Decimal("0.000001"))
        found_filieres, found_metiers = [], []
        for name in filter(None, (v.strip() for v in values.get("filieres", "").split(SEPARATOR))):
            if name.lower() in filieres:
                found_filieres.append(filieres[name.lower()])
            else:
                problems.append(_("filière « %(f)s » inconnue") % {"f": name})
        for name in filter(None, (v.strip() for v in values.get("metiers", "").split(SEPARATOR))):
            if name.lower() in metiers:
                found_metiers.append(metiers[name.lower()])
            else:
                problems.append(_("métier « %(m)s » inconnu") % {"m": name})
        if problems:
            errors.append(_("Ligne %(n)d : %(p)s.") % {"n": numero, "p": " ; ".join(problems)})
            continue
        lignes.append(
            Ligne(numero, nom, siret, commune, latitude, longitude, found_filieres, found_metiers)
        )
    if errors:
        raise ImportErrors(errors)
    return lignes


def _find(ligne: Ligne) -> Entreprise | None:
    if ligne.siret:
        etablissement = (
            Etablissement.objects.filter(siret=ligne.siret).select_related("entreprise").first()
        )
        if etablissement:
            return etablissement.entreprise
    return (
        Entreprise.objects.filter(nom__iexact=ligne.nom, ville__iexact=ligne.commune.nom)
        .order_by("pk")
        .first()
    )


def _link_fiche(metier: MetierPage, entreprise: Entreprise, report: ImportReport) -> None:
    """Add the company to the fiche's latest revision (the editors' truth), if not there yet."""
    metier = MetierPage.objects.get(pk=metier.pk)  # fresh: an earlier line may have linked it
    latest = metier.get_latest_revision_as_object()
    linked = list(latest.entreprises.all())
    if entreprise.pk in {e.pk for e in linked}:
        return
    had_draft = metier.has_unpublished_changes
    # Instances, not pks: modelcluster writes a list of pks straight to the live table.
    latest.entreprises = [*linked, entreprise]
    revision = latest.save_revision(log_action=True)
    report.fiches_linked += 1
    if metier.live and not had_draft:
        revision.publish()
    else:
        report.fiches_left_as_draft.append(metier.title)


@transaction.atomic
def write(lignes: list[Ligne]) -> ImportReport:
    report = ImportReport()
    for ligne in lignes:
        entreprise = _find(ligne)
        wanted = {
            "nom": ligne.nom,
            "ville": ligne.commune.nom,
            "latitude": ligne.latitude,
            "longitude": ligne.longitude,
        }
        if entreprise is None:
            entreprise = Entreprise(**wanted)
            report.created += 1
        else:
            changed = any(getattr(entreprise, k) != v for k, v in wanted.items()) or (
                {f.pk for f in entreprise.filieres.all()} != {f.pk for f in ligne.filieres}
            )
            if changed:
                report.updated += 1
            else:
                report.unchanged += 1
            for name, value in wanted.items():
                setattr(entreprise, name, value)
        entreprise.filieres = ligne.filieres
        entreprise.full_clean()
        entreprise.save()
        Etablissement.objects.update_or_create(
            entreprise=entreprise,
            defaults={"siret": ligne.siret, "code_commune": ligne.commune.code},
        )
        for metier in ligne.metiers:
            _link_fiche(metier, entreprise, report)
    return report
