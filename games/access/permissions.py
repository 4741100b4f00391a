"""Who may launch a game: the teachers (group « Enseignants ») and the administrators.

The group is created by the demo loader (games.kinds.quiz.demo), with access to the Wagtail admin so
that a teacher logs in at /admin/ and finds the games there.
"""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission, Page

TEACHERS_GROUP = "Enseignants"


def can_host(user) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or user.groups.filter(name=TEACHERS_GROUP).exists()


def ensure_teachers_group(games_index: Page | None = None) -> Group:
    """The teachers' group, with admin access and, under the games index, the right to add
    a game: Wagtail shows a teacher the games there, and lets them write, copy and draft their
    own, published through the library workflow (games.teacher.library)."""
    from games.teacher.library import ensure_library_workflow, grant_image_choice

    group, _created = Group.objects.get_or_create(name=TEACHERS_GROUP)
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    if games_index is not None:
        GroupPagePermission.objects.get_or_create(
            group=group,
            page=games_index,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename="add_page"
            ),
        )
        ensure_library_workflow(games_index)
    grant_image_choice(group)
    return group
