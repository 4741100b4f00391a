"""The six publics an event can be for (the agenda filters on them)."""

from django.db import migrations

PUBLICS = [
    ("collegiens", "Collégiens"),
    ("lyceens", "Lycéens"),
    ("apprentis", "Apprentis"),
    ("demandeurs-emploi", "Demandeurs d'emploi"),
    ("parents", "Parents"),
    ("enseignants", "Enseignants"),
]


def create_publics(apps, schema_editor):
    Public = apps.get_model("territoire", "Public")
    for ordre, (slug, libelle) in enumerate(PUBLICS):
        Public.objects.update_or_create(slug=slug, defaults={"libelle": libelle, "ordre": ordre})


class Migration(migrations.Migration):
    dependencies = [("territoire", "0001_initial")]

    operations = [migrations.RunPython(create_publics, migrations.RunPython.noop)]
