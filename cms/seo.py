"""Search engines and link previews: robots.txt, a sitemap on the host actually asked, and the
description and picture of a page when its editor typed none."""

from __future__ import annotations

from django.http import HttpResponse
from django.urls import reverse
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.views.decorators.cache import cache_control
from wagtail.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap

from metiers.sanitize import clean_html

DESCRIPTION_CHARS = 160
# Where a page's own words are, in the order they describe it best.
DESCRIPTION_FIELDS = ("search_description", "accroche", "hero_text", "introduction")
# The game screens are one class's session, the admin is private: nothing to index there.
PRIVATE_PATHS = ("/admin/", "/jouer/", "/jeu/", "/jeux/lancer/", "/recherche/")


def page_description(page) -> str:
    for field in DESCRIPTION_FIELDS:
        # Through the sanitiser first: a script's text is code, never a page's description.
        text = strip_tags(clean_html(str(getattr(page, field, "") or ""))).strip()
        if text:
            return Truncator(" ".join(text.split())).chars(DESCRIPTION_CHARS)
    return ""


class RequestHostSitemap(Sitemap):
    """Wagtail's sitemap with each URL on the host the request came to, not the Site record's
    (which says `localhost` on an embedded install)."""

    def _urls(self, page, protocol, domain):
        urls = super()._urls(page, protocol, domain)
        site = self.get_wagtail_site()
        by_location = {
            item.get_full_url(self.request): item.relative_url(site, self.request)
            for item in self.paginator.page(page).object_list
        }
        for url in urls:
            relative = by_location.get(url["location"])
            if relative is not None:
                url["location"] = self.request.build_absolute_uri(relative)
        return urls


def sitemap(request):
    return wagtail_sitemap(request, sitemaps={"pages": RequestHostSitemap(request)})


@cache_control(max_age=86400, public=True)
def robots_txt(request):
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in PRIVATE_PATHS)]
    lines.append(f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
