from django import template
from wagtail.models import Site

register = template.Library()


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The live children of the site's root page marked "show in menus", in tree order."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return []
    return site.root_page.get_children().live().public().in_menu().specific()
