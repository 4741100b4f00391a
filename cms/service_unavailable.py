"""A database or Redis away for a few seconds answers 503 "try again", never a 500.

A restart of PostgreSQL or Redis during a forum is a moment, not a failure: the pupil who
was typing the PIN gets a page saying to retry (with Retry-After), the server log a warning
rather than a traceback, and nothing was half written (each view writes in a transaction).
The page is drawn without the database (no site settings, no navigation).
"""

from __future__ import annotations

import logging

from django.http import HttpResponse
from django.template.loader import render_to_string

from .outages import is_outage

logger = logging.getLogger(__name__)

RETRY_AFTER_S = 3


class ServiceUnavailableMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not is_outage(exception):
            return None
        logger.warning("503 on %s: %s", request.path, exception)
        html = render_to_string("503.html", {"retry_url": request.get_full_path()}, request=None)
        response = HttpResponse(html, status=503)
        response["Retry-After"] = str(RETRY_AFTER_S)
        return response
