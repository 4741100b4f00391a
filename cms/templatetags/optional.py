"""{% include_if_exists "app/template.html" %}: a slot another app may fill, or nothing.

The home page keeps a place for the next event of the agenda (metiers.territoire): when that
app provides `territoire/accueil_evenement.html`, it is rendered with the page's context;
until then, or on a site without the agenda, the slot renders nothing.
"""

from django import template
from django.template.loader import get_template

register = template.Library()


@register.simple_tag(takes_context=True)
def include_if_exists(context, template_name: str):
    try:
        found = get_template(template_name)
    except template.TemplateDoesNotExist:
        return ""
    return found.render(context.flatten(), context.get("request"))
