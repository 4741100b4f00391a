from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TerritoireConfig(AppConfig):
    name = "metiers.territoire"
    label = "territoire"
    verbose_name = _("Territoire")
    default_auto_field = "django.db.models.BigAutoField"
