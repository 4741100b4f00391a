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
