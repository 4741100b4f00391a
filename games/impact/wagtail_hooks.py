"""The « Impact » item of the Wagtail admin menu, shown to who may see the figures."""

from django.contrib.auth.models import Permission
from django.urls import path, re_path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import views


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
