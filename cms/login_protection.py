"""What django-axes needs from us beyond settings (see cms/settings/web_security.py)."""

import math

from axes.backends import AxesStandaloneBackend
from django.conf import settings
from django.template.response import TemplateResponse

LOCKOUT_TEMPLATE = "pages/connexion_bloquee.html"


def lockout_response(request, original_response=None, credentials=None):
    """The page a locked-out login gets instead of the login form: in French, saying for how
    long, with 429 so that scripts see a rate limit and not a wrong password."""
    minutes = math.ceil(settings.AXES_COOLOFF_TIME.total_seconds() / 60)
    return TemplateResponse(request, LOCKOUT_TEMPLATE, {"minutes": minutes}, status=429).render()


def client_description(username, ip_address, user_agent, path_info, request) -> str:
    """How axes names a client in the log: the username only, never the address, because
    the server's log is kept longer than the lockout and addresses are personal data."""
    return f"{{username: {username!r}}}"


class TestClientLoginBackend(AxesStandaloneBackend):
    """For the test suite only: Django's test client logs in without a request, which axes
    refuses outright. Real logins (the Wagtail login form) always pass their request."""

    def authenticate(self, request=None, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username, password, **kwargs)
