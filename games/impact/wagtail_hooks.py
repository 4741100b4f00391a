"""The « Impact » item of the Wagtail admin menu, shown to who may see the figures."""

from django.contrib.auth.models import Permission
from django.urls import path, re_path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from games.impact import views
from games.impact.models import SessionImpact


class ImpactMenuItem(MenuItem):
    def is_shown(self, request):
        return views.can_view_impact(request.user)


@hooks.register("register_admin_urls")
def impact_urls():
    return [
        path("impact/", views.dashboard, name="impact_dashboard"),
        re_path(r"^impact/export\.(?P<file_format>csv|xlsx)$", views.export, name="impact_export"),
    ]


@hooks.register("register_admin_menu_item")
def impact_menu_item():
    return ImpactMenuItem(
        _("Impact"), reverse("impact_dashboard"), name="impact", icon_name="table", order=900
    )


@hooks.register("register_permissions")
def impact_permissions():
    # Listed in Paramètres → Groupes, so an administrator can give it to editors.
    return Permission.objects.filter(content_type__app_label="impact", codename="view_impact")


class ContextOnlyPolicy(ModelPermissionPolicy):
    """Rows are made by the games, never by hand: the admin may only correct the context."""

    def user_has_permission(self, user, action):
        return action not in ("add", "delete") and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class SessionContextViewSet(ModelViewSet):
    """« Parties comptées »: the counted sessions, where an editor types a class's context."""

    model = SessionImpact
    form_fields = ["level", "etablissement", "commune", "departement", "event"]
    list_display = ["game_title", "played_on", "players", "level", "etablissement", "event"]
    list_filter = ["kind", "level", "departement", "is_demo"]
    search_fields = ["game_title", "etablissement", "commune", "event"]
    ordering = ["-played_on"]
    icon = "table"
    menu_label = _("Parties comptées")
    add_to_admin_menu = False
    url_prefix = "impact/parties"
    name = "impact_sessions"


register_permission_policy(SessionImpact, ContextOnlyPolicy(SessionImpact))


@hooks.register("register_admin_viewset")
def session_context_viewset():
    return SessionContextViewSet()
