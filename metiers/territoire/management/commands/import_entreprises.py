"""manage.py import_entreprises FILE.csv [--dry-run]: the companies of the map.

The logic is in metiers.territoire.importer; here, the arguments and the report.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from metiers.territoire.importer import ImportErrors, read, write


class Command(BaseCommand):
    help = gettext_lazy(
        "Importe des entreprises depuis un fichier CSV (nom, siret, commune, code_commune, "
        "latitude, longitude, filieres, metiers) ; relancer le même fichier ne crée pas de doublon."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help=_("fichier CSV en UTF-8"))
        parser.add_argument("--dry-run", action="store_true", help=_("vérifie sans rien écrire"))

    def handle(self, *args, path, dry_run, **options):
        try:
            with open(path, encoding="utf-8-sig") as f:
                text = f.read()
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(
                _("Fichier illisible : %(e)s. Rien n'a été importé.") % {"e": error}
            ) from error
        try:
            lignes = read(text)
        except ImportErrors as error:
            raise CommandError("\n".join([*error.errors, _("Rien n'a été importé.")])) from error
        if dry_run:
            self.stdout.write(
                _("%(n)d ligne(s) valide(s) ; rien n'a été écrit (--dry-run).") % {"n": len(lignes)}
            )
            return
        report = write(lignes)
        self.stdout.write(
            self.style.SUCCESS(
                _(
                    "Entreprises : %(c)d créée(s), %(u)d mise(s) à jour, %(s)d inchangée(s) ; %(f)d lien(s) ajouté(s) aux fiches."
                )
                % {
                    "c": report.created,
                    "u": report.updated,
                    "s": report.unchanged,
                    "f": report.fiches_linked,
                }
            )
        )
        if report.fiches_left_as_draft:
            self.stdout.write(
                _("Fiches ayant un brouillon en cours, lien laissé en brouillon : %(t)s.")
                % {"t": ", ".join(report.fiches_left_as_draft)}
            )
