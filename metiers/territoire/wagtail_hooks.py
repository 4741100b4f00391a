"""The companies' register entries (SIRET, INSEE code) in the admin, next to the trade snippets."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Etablissement


class EtablissementViewSet(SnippetViewSet):
    model = Etablissement
    icon = "site"
    menu_label = _("Établissements (SIRET)")
    menu_order = 260
    add_to_admin_menu = True
    list_display = ["entreprise", "siret", "code_commune"]
    search_fields = ["siret", "entreprise__nom"]
    search_backend_name = None  # plain "contains" search: a SIRET is typed in part


register_snippet(EtablissementViewSet)
