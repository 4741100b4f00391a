"""Rich text sanitised on output too, for every page that shows editors' text.

Wagtail's editor limits what an editor can type, but HTML saved another way (the ORM, a
migration, a script, an import with a bug) reaches the page as is: a `<script>` or an
`onerror=` would run in pupils' browsers. `|richtext_propre` renders like Wagtail's `|richtext`
(page links, documents) and then keeps only the allow-list of metiers/sanitize.py.
"""

from django import template
from django.utils.safestring import mark_safe
from wagtail.templatetags.wagtailcore_tags import richtext

from metiers.sanitize import clean_html

register = template.Library()


@register.filter
def richtext_propre(value):
    return mark_safe(clean_html(str(richtext(value))))  # noqa: S308 - bleach's output
