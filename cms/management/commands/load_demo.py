"""Load the demo content of every app, idempotently (safe to run on every start)."""

from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.core.management import call_command
from django.core.management.base import BaseCommand

# The order matters: games refer to métiers, métiers live under the home page, events link
# companies, fiches and games; the impact figures of the demo school year come last.
DEMO_APPS = ["cms", "metiers", "games", "territoire", "impact"]


class Command(BaseCommand):
    help = "Charge le contenu de démonstration (sans doublon si on le relance)."

    def handle(self, *args, **options):
        for label in DEMO_APPS:
            module_name = f"{apps.get_app_config(label).name}.demo"
            if find_spec(module_name) is None:
                continue
            import_module(module_name).load(stdout=self.stdout)
        call_command("update_index", verbosity=0)
        self.stdout.write(self.style.SUCCESS("Contenu de démonstration prêt."))
