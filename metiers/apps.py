from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MetiersConfig(AppConfig):
    name = "metiers"
    verbose_name = _("Métiers")
