"""The teacher space in the Wagtail admin: its URLs and its menu (imported by games.wagtail_hooks)."""

from __future__ import annotations

from django.urls import path, re_path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem

from games.access.permissions import can_host
from games.teacher import import_views, trial_views, views

PIN = r"(?P<pin>[0-9]{6})"


class TeacherMenuItem(MenuItem):
    def is_shown(self, request):
        return can_host(request.user)


class TeacherSubmenu(SubmenuMenuItem):
    def is_shown(self, request):
        return can_host(request.user)


@hooks.register("register_admin_urls")
def teacher_urls():
    return [
        path("enseignant/", views.home, name="teacher_home"),
        path("enseignant/jeux/", views.my_games, name="teacher_games"),
        path("enseignant/jeux/<int:page_id>/apercu/", views.game_preview, name="teacher_preview"),
        path("enseignant/jeux/<int:page_id>/lancer/", views.launch, name="teacher_launch"),
        path("enseignant/jeux/<int:page_id>/essayer/", trial_views.try_game, name="teacher_try"),
        re_path(rf"^enseignant/essai/{PIN}/$", trial_views.trial, name="teacher_trial"),
        path("enseignant/essai/terminer/", trial_views.end_trial, name="teacher_end_trial"),
        path("enseignant/parties/", views.my_sessions, name="teacher_sessions"),
        path("enseignant/parties/<int:session_id>/", views.session_detail, name="teacher_session"),
        re_path(
            r"^enseignant/parties/(?P<session_id>[0-9]+)/export\.(?P<file_format>csv|xlsx)$",
            views.session_export,
            name="teacher_session_export",
        ),
        path("enseignant/importer/", import_views.import_quiz, name="teacher_import"),
        path(
            "enseignant/importer/creer/", import_views.confirm_import, name="teacher_import_confirm"
        ),
    ]


teacher_menu = Menu(
    register_hook_name="register_teacher_menu_item", construct_hook_name="construct_teacher_menu"
)


@hooks.register("register_teacher_menu_item")
def my_games_item():
    return TeacherMenuItem(_("Mes jeux"), reverse("teacher_games"), icon_name="media", order=10)


@hooks.register("register_teacher_menu_item")
def my_sessions_item():
    return TeacherMenuItem(
        _("Mes parties"), reverse("teacher_sessions"), icon_name="table", order=20
    )


@hooks.register("register_teacher_menu_item")
def import_item():
    return TeacherMenuItem(
        _("Importer un quiz"), reverse("teacher_import"), icon_name="upload", order=30
    )


@hooks.register("register_admin_menu_item")
def teacher_menu_item():
    return TeacherSubmenu(
        _("Espace enseignant"), teacher_menu, name="enseignant", icon_name="group", order=150
    )
