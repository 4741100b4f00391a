from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

register = template.Library()


@register.simple_tag
def reperes(markers, view):
    """The markers' SVG, written in Python: 500 of them through template tags cost ~10 times more."""
    parts = []
    for m in markers:
        if m.count == 1:
            circle = (
                f'<circle class="repere" cx="{m.x:g}" cy="{m.y:g}" r="{view.radius:g}" '
                f'fill="{escape(m.colour)}" stroke-width="{view.stroke:g}">'
                f"<title>{escape(m.label)}</title></circle>"
            )
            parts.append(
                f'<a href="{escape(m.url)}" tabindex="-1">{circle}</a>' if m.url else circle
            )
        else:
            parts.append(
                f'<a href="{escape(m.url)}" tabindex="-1">'
                f'<circle class="groupe" cx="{m.x:g}" cy="{m.y:g}" r="{view.cluster_radius:g}" '
                f'stroke-width="{view.stroke:g}"/>'
                f'<text x="{m.x:g}" y="{m.y:g}" font-size="{view.font_size:g}" dy="0.35em">{m.count}</text></a>'
            )
    return mark_safe("\n".join(parts))  # noqa: S308 - every value above is a number or escaped


@register.simple_tag
def prochains_evenements(count: int = 2):
    """The next published events, soonest first (the home page's « À venir »)."""
    from django.utils import timezone

    from ..models import AgendaPage, EvenementPage

    events = list(
        EvenementPage.objects.live()
        .public()
        .filter(fin__gte=timezone.now())
        .order_by("debut")
        .prefetch_related("publics")[:count]
    )
    agenda = AgendaPage.objects.live().public().first()
    return {"evenements": events, "agenda": agenda}


@register.simple_tag(takes_context=True)
def couleurs_des_filieres(context) -> str:
    """One <style> giving every filière's `.filiere-couleur-<pk>` its colours, for the badges and
    the legend of the map and agenda pages: style attributes would break the page's CSP."""
    from metiers.models import FilierePage
    from metiers.templatetags.metiers_tags import couleurs_filiere

    return mark_safe(  # noqa: S308 - each part is built by couleurs_filiere with format_html
        "".join(
            couleurs_filiere(context, filiere)
            for filiere in FilierePage.objects.live().only("pk", "couleur")
        )
    )


@register.simple_tag(takes_context=True)
def taille_reperes(context, view) -> dict:
    """The marker sizes of one map drawing, as CSS variables on a class of its own (carried by
    an element with the request's nonce, not by a style attribute)."""
    values = (view.radius, view.cluster_radius, view.font_size)
    classe = "carte-t-" + "-".join(f"{value:g}".replace(".", "_") for value in values)
    nonce = getattr(context.get("request"), "csp_nonce", "")
    style = (
        f'<style nonce="{escape(nonce)}">.{classe}{{--r:{values[0]:g};--rg:{values[1]:g};'
        f"--fs:{values[2]:g}}}</style>"
    )
    return {"classe": classe, "style": mark_safe(style)}  # noqa: S308 - numbers and a nonce
