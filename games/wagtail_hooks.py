"""Admin: « Lancer » and « Essayer » on each game the user may launch, and the teacher space.

« Lancer » starts the game in one click: a POST (Wagtail's `w-action#post` controller builds
the form with its CSRF token), never a plain link, since browsers and link checkers follow
links on their own. Who may launch what is decided again by the view (games.teacher).
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button, ListingButton

from games.access.permissions import can_host
from games.models import LAUNCHABLE_PAGES
from games.teacher import hooks as teacher_hooks  # noqa: F401 (registers the teacher space)
from games.teacher.launching import can_edit

LABEL = _("Lancer")


def launchable(page, user) -> bool:
    if page.specific_class not in LAUNCHABLE_PAGES or not can_host(user):
        return False
    return page.live or can_edit(page, user)


def aria_label(page) -> str:
    return _("Lancer « %(title)s » en classe") % {"title": page.get_admin_display_title()}


def post_attrs(url: str, label: str) -> dict:
    return {
        "aria-label": label,
        "data-controller": "w-action",
        "data-action": "w-action#post",
        "data-w-action-url-value": url,
    }


def game_buttons(page, user, button_class):
    if not launchable(page, user):
        return
    launch_url = reverse("teacher_launch", args=[page.pk])
    yield button_class(
        LABEL,
        launch_url,
        icon_name="media",
        attrs=post_attrs(launch_url, aria_label(page)),
        priority=5,
    )
    yield button_class(
        _("Voir les questions"),
        reverse("teacher_preview", args=[page.pk]),
        icon_name="view",
        priority=6,
    )
    if can_edit(page, user):
        try_url = reverse("teacher_try", args=[page.pk])
        label = _("Essayer « %(title)s » sans rien enregistrer") % {
            "title": page.get_admin_display_title()
        }
        yield button_class(
            _("Essayer"),
            try_url,
            icon_name="mobile-alt",
            attrs=post_attrs(try_url, label),
            priority=7,
        )


@hooks.register("register_page_listing_buttons")
def launch_listing_button(page, user, next_url=None):
    yield from game_buttons(page, user, ListingButton)


@hooks.register("register_page_header_buttons")
def launch_header_button(page, user, view_name, next_url=None):
    yield from game_buttons(page, user, Button)
