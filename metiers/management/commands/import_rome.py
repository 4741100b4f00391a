"""manage.py import_rome FOLDER [--domain H] [--dry-run]: ROME 4.0 as draft fiches.

The logic is in metiers.rome.importer; here, the arguments, the progress bar and the report.
"""

from __future__ import annotations

import sys

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from tqdm import tqdm

from metiers.rome import RomeFormatError
from metiers.rome.importer import ImportReport, RomeImportError, import_rome
from metiers.rome.referential import check_domain


class Command(BaseCommand):
    help = gettext_lazy(
        "Importe les fichiers CSV du ROME 4.0 en fiches métiers brouillon, sans écraser "
        "les champs modifiés par un rédacteur."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", help=_("dossier des fichiers unix_*_v460_utf8.csv"))
        parser.add_argument(
            "--domain", default=None, help=_("préfixe de code ROME à importer, ex. H ou H29")
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help=_("montre ce qui changerait, sans rien écrire"),
        )
        parser.add_argument(
            "--no-progress", action="store_true", help=_("sans barre de progression")
        )

    def handle(self, *args, directory, domain, dry_run, no_progress, verbosity, **options):
        try:
            domain = check_domain(domain)
        except ValueError as error:
            raise CommandError(str(error)) from error
        show = verbosity > 0 and not no_progress and sys.stderr.isatty()
        bar = _ProgressBar() if show else None
        try:
            report = import_rome(
                directory, domain, dry_run=dry_run, progress=bar.update if bar else None
            )
        except RomeFormatError as error:
            raise CommandError(
                _("ROME : %(error)s. Rien n'a été importé.") % {"error": error}
            ) from error
        except RomeImportError as error:
            raise CommandError(str(error)) from error
        finally:
            if bar:
                bar.close()
        if verbosity > 0:
            self.stdout.write("\n".join(report_lines(report, verbosity)))


class _ProgressBar:
    """One tqdm bar per step of the import, on standard error."""

    def __init__(self) -> None:
        self.stage = None
        self.bar = None

    def update(self, stage: str, done: int, total: int) -> None:
        if stage != self.stage:
            self.close()
            self.stage = stage
            self.bar = tqdm(total=total, desc=stage, unit="", leave=False, file=sys.stderr)
        self.bar.n = done
        self.bar.refresh()

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None


def report_lines(report: ImportReport, verbosity: int = 1) -> list[str]:
    def fields(counter) -> str:
        return ", ".join(f"{name} {count}" for name, count in sorted(counter.items())) or "—"

    lines = [
        _("ROME v%(version)s, domaine %(domain)s : %(fiches)s fiches lues.")
        % {
            "version": report.version,
            "domain": report.domain or _("tous"),
            "fiches": report.fiches,
        }
    ]
    if report.index_created:
        lines.append(_("Index des métiers créé (slug « metiers »)."))
    lines += [
        _("Fiches créées : %(n)s") % {"n": report.created},
        _("Fiches mises à jour : %(n)s") % {"n": report.updated},
        _("Fiches inchangées : %(n)s") % {"n": report.unchanged},
        _("Fiches avec des champs gardés (modifiés par un rédacteur) : %(n)s")
        % {"n": report.pages_with_kept_fields},
        _("Champs mis à jour : %(fields)s") % {"fields": fields(report.fields_updated)},
        _("Champs gardés car modifiés : %(fields)s") % {"fields": fields(report.fields_kept)},
        _("Centres d'intérêt créés : %(n)s, complétés : %(m)s")
        % {"n": report.centres_created, "m": report.centres_completed},
        _("Liens vers des métiers proches ignorés (fiche absente du site) : %(n)s")
        % {"n": report.links_skipped},
    ]
    if verbosity > 1:
        lines += [
            _("  %(code)s : champ « %(field)s » gardé") % {"code": code, "field": name}
            for code, name in report.kept
        ]
    if report.dry_run:
        lines.append(_("Simulation (--dry-run) : rien n'a été écrit."))
    return lines
