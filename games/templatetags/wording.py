"""{% load wording %} … {{ rank|ordinal }}: « 1ʳᵉ », « 2ᵉ », "1st" (games/wording.py)."""

from django import template

from games import wording

register = template.Library()


@register.filter
def ordinal(number) -> str:
    try:
        return wording.ordinal(int(number))
    except (TypeError, ValueError):
        return ""
