"""Admin: a « Lancer » link on each published game, for the users who may host one.

It leads to the game's public page, where the launch is a POST form (a link must not start a
game: browsers and link checkers follow links on their own).
"""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button, ListingButton

from games.access.permissions import can_host
from games.models import LAUNCHABLE_PAGES

LABEL = _("Lancer")


def launchable(page, user) -> bool:
    return (
        page.specific_class in LAUNCHABLE_PAGES and page.live and bool(page.url) and can_host(user)
    )


def aria_label(page) -> str:
    return _("Lancer « %(title)s » en classe") % {"title": page.get_admin_display_title()}


@hooks.register("register_page_listing_buttons")
def launch_listing_button(page, user, next_url=None):
    if launchable(page, user):
        yield ListingButton(
            LABEL,
            page.url,
            icon_name="media",
            attrs={"aria-label": aria_label(page), "target": "_blank", "rel": "noreferrer"},
            priority=5,
        )


@hooks.register("register_page_header_buttons")
def launch_header_button(page, user, view_name, next_url=None):
    if launchable(page, user):
        yield Button(
            LABEL,
            page.url,
            icon_name="media",
            attrs={"aria-label": aria_label(page), "target": "_blank", "rel": "noreferrer"},
            priority=5,
        )
