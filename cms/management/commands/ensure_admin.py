"""Make sure an administrator account exists, without ever shipping a default password."""

import os

from django.core.management.base import BaseCommand

from cms.accounts import create_account_once


class Command(BaseCommand):
    help = (
        "Crée le compte administrateur s'il n'existe pas. Mot de passe : variable "
        "ADMIN_PASSWORD, sinon un mot de passe aléatoire affiché une seule fois."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default=os.environ.get("ADMIN_USERNAME", "admin"))

    def handle(self, *args, username, **options):
        account = create_account_once(username, env_var="ADMIN_PASSWORD", superuser=True)
        if account is None:
            self.stdout.write(f"Le compte administrateur « {username} » existe déjà.")
            return
        message = account.announcement("Compte administrateur")
        self.stdout.write(message if account.from_env else self.style.WARNING(message))
