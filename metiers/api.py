"""Read-only API v2 of the trade content: /api/v2/metiers/, /api/v2/filieres/, /api/v2/objets/.

Each endpoint serves published, public pages of one type only; the API never accepts writes
(Wagtail's API v2 has no write views).
"""

from django.urls import path
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet

from cms.search_text import clean_search_query

from .models import FilierePage, MetierPage, ObjetPage


class PagesDUnTypeAPIViewSet(PagesAPIViewSet):
    """The pages endpoint narrowed to `model`: no `type` parameter to widen it again."""

    known_query_parameters = PagesAPIViewSet.known_query_parameters - {"type"}

    def initial(self, request, *args, **kwargs):
        # ?search= goes straight to the search backend: a NUL byte there was a 500 (see
        # cms/search_text.py). The cleaned text replaces it before any filter reads it.
        if "search" in request.query_params:
            query = request._request.GET.copy()
            query["search"] = clean_search_query(query["search"])
            query._mutable = False
            request._request.GET = query
        super().initial(request, *args, **kwargs)

    def get_queryset(self):
        publiques = self.get_base_queryset().values_list("pk", flat=True)
        return self.model.objects.filter(pk__in=publiques)


class MetiersAPIViewSet(PagesDUnTypeAPIViewSet):
    model = MetierPage
    name = "metiers"
    listing_default_fields = [
        *PagesAPIViewSet.listing_default_fields,
        "accroche",
        "code_rome",
        "image_vignette",
    ]


class FilieresAPIViewSet(PagesDUnTypeAPIViewSet):
    model = FilierePage
    name = "filieres"
    listing_default_fields = [*PagesAPIViewSet.listing_default_fields, "accroche", "couleur"]


class ObjetsAPIViewSet(PagesDUnTypeAPIViewSet):
    model = ObjetPage
    name = "objets"
    listing_default_fields = [*PagesAPIViewSet.listing_default_fields, "accroche", "image_vignette"]


api_router = WagtailAPIRouter("metiers_api")
api_router.register_endpoint("metiers", MetiersAPIViewSet)
api_router.register_endpoint("filieres", FilieresAPIViewSet)
api_router.register_endpoint("objets", ObjetsAPIViewSet)

# Mounted by cms/urls.py at /api/v2/.
urlpatterns = [path("", api_router.urls)]
