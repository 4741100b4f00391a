"""{% page_meta %}: the description and Open Graph tags of the current page, with fallbacks."""

from django import template
from django.utils.html import format_html, format_html_join
from wagtail.images.models import SourceImageIOError

from ..seo import page_description

register = template.Library()
SHARE_RENDITION = "fill-1200x630|format-jpeg"


@register.simple_tag(takes_context=True)
def page_meta(context):
    page = context.get("page")
    request = context.get("request")
    if page is None or request is None or not hasattr(page, "get_url"):
        return ""
    description = page_description(page)
    properties = [
        ("og:type", "website"),
        ("og:site_name", "Métiers en jeu"),
        ("og:title", getattr(page, "seo_title", "") or page.title),
        ("og:url", request.build_absolute_uri(page.get_url(request) or request.path)),
        ("og:locale", "fr_FR"),
    ]
    if description:
        properties.append(("og:description", description))
    image = getattr(page, "image", None)
    if image is not None:
        try:
            rendition = image.get_rendition(SHARE_RENDITION)
        except SourceImageIOError:
            rendition = None  # the file is gone from media/: the page still renders, unshared
        if rendition is not None:
            properties.append(("og:image", request.build_absolute_uri(rendition.url)))
            properties.append(("og:image:alt", image.default_alt_text))
    tags = format_html_join("\n  ", '<meta property="{}" content="{}">', properties)
    if description:
        tags = format_html('<meta name="description" content="{}">\n  {}', description, tags)
    return tags
