from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.views.decorators.cache import cache_control, never_cache
from django.views.static import serve

from .health import health_report
from .search.query import IDEES, describe, search_pages, suggestions
from .search_text import clean_search_query

SEARCH_RESULTS_PER_PAGE = 10


@never_cache
async def healthz(request):
    report = await health_report()
    return JsonResponse(report, status=200 if report["status"] == "ok" else 503)


def search(request):
    query = clean_search_query(request.GET.get("q"))
    results = search_pages(query) if query else []
    paginator = Paginator(results, SEARCH_RESULTS_PER_PAGE)
    try:
        page = paginator.page(request.GET.get("page", 1))
    except PageNotAnInteger:
        page = paginator.page(1)
    except EmptyPage:
        page = paginator.page(paginator.num_pages)
    context = {
        "search_query": query,
        "search_results": page,
        "results": [describe(result) for result in page],
        "suggestions": suggestions(query) if query and not paginator.count else [],
        "idees": IDEES,
    }
    return TemplateResponse(request, "pages/search.html", context)


@cache_control(max_age=86400, public=True)
def media(request, path):
    """Uploads, in the embedded mode only (see SERVE_MEDIA); serve() refuses paths outside."""
    return serve(request, path, document_root=settings.MEDIA_ROOT)
