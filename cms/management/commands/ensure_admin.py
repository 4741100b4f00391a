"""Make sure an administrator account exists, without ever shipping a default password."""

import os
import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Crée le compte administrateur s'il n'existe pas. Mot de passe : variable "
        "ADMIN_PASSWORD, sinon un mot de passe aléatoire affiché une seule fois."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default=os.environ.get("ADMIN_USERNAME", "admin"))

    def handle(self, *args, username, **options):
        User = get_user_model()
        if User.objects.filter(username=username).exists():
            self.stdout.write(f"Le compte administrateur « {username} » existe déjà.")
            return
        password = os.environ.get("ADMIN_PASSWORD") or secrets.token_urlsafe(12)
        User.objects.create_superuser(username=username, email="", password=password)
        if os.environ.get("ADMIN_PASSWORD"):
            self.stdout.write(f"Compte administrateur « {username} » créé (ADMIN_PASSWORD).")
        else:
            self.stdout.write(
                self.style.WARNING(
                    f"Compte administrateur « {username} » créé. Mot de passe (affiché une "
                    f"seule fois, notez-le) : {password}"
                )
            )
