"""What teachers may do with games, as Wagtail permissions, and the workflow that publishes
their games into the shared library.

- On the games index, « add »: in Wagtail that lets a teacher create a game there, edit and
  copy the games they own, and save drafts (launched and tried from the teacher space); not
  publish: publishing goes through the workflow below.
- In the media library, choose and add images for their questions.
- The workflow « Publication dans la bibliothèque des jeux », on the games index: one approval
  by a moderator or an editor (Wagtail's own groups); an administrator approves as well.
"""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

WORKFLOW_NAME = "Publication dans la bibliothèque des jeux"
TASK_NAME = "Relecture par un éditeur"
REVIEWER_GROUPS = ("Moderators", "Editors")
IMAGE_PERMISSIONS = ("add_image", "choose_image")


def grant_image_choice(group: Group) -> None:
    root = Collection.get_first_root_node()
    if root is None:
        return
    for codename in IMAGE_PERMISSIONS:
        GroupCollectionPermission.objects.get_or_create(
            group=group,
            collection=root,
            permission=Permission.objects.get(
                content_type__app_label="wagtailimages", codename=codename
            ),
        )


def ensure_library_workflow(games_index) -> Workflow:
    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME)
        reviewers = Group.objects.filter(name__in=REVIEWER_GROUPS)
        task.groups.set(reviewers)
    # WorkflowTask rows directly: the workflow's ParentalKey manager would keep them in memory.
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=games_index, defaults={"workflow": workflow})
    return workflow
