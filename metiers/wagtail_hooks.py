"""The snippets of the trade content in the admin, grouped under one menu entry."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Ambassadeur, CentreInteret, Entreprise, Formation


class OrmSearchMixin:
    # Plain "contains" search in the admin lists: an editor typing "chaud" expects
    # "Chaudronnerie", which the full-text index does not find as a partial word.
    search_backend_name = None


class CentreInteretViewSet(OrmSearchMixin, SnippetViewSet):
    model = CentreInteret
    icon = "pick"
    menu_label = _("Centres d'intérêt")
    list_display = ["libelle", "slug", "code_rome_ogr"]
    list_filter = {"code_rome_ogr": ["exact"]}
    search_fields = ["libelle", "description"]


class FormationViewSet(OrmSearchMixin, SnippetViewSet):
    model = Formation
    icon = "tasks"
    menu_label = _("Formations")
    list_display = ["nom", "niveau", "apprentissage_possible", "duree"]
    list_filter = ["niveau", "apprentissage_possible"]
    search_fields = ["nom", "description"]


class EntrepriseViewSet(OrmSearchMixin, SnippetViewSet):
    model = Entreprise
    icon = "site"
    menu_label = _("Entreprises")
    list_display = ["nom", "ville", "site_web"]
    list_filter = {"ville": ["icontains"]}
    search_fields = ["nom", "ville"]


class AmbassadeurViewSet(OrmSearchMixin, SnippetViewSet):
    model = Ambassadeur
    icon = "user"
    menu_label = _("Ambassadeurs")
    list_display = ["prenom", "metier", "consentement_enregistre", "consentement_date"]
    list_filter = ["consentement_enregistre"]
    search_fields = ["prenom", "citation"]


class ContenusMetiersGroup(SnippetViewSetGroup):
    menu_label = _("Contenus métiers")
    menu_icon = "folder-open-inverse"
    menu_order = 250
    items = (FormationViewSet, CentreInteretViewSet, EntrepriseViewSet, AmbassadeurViewSet)


register_snippet(ContenusMetiersGroup)
