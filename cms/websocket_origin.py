"""The websocket Origin check: the page that opens a game socket must be one of ours.

Channels' AllowedHostsOriginValidator compares host names only, so a page on
`http://localhost:9999` (another program on the teacher's laptop) or an `https://` page of a
host we also serve in plain HTTP could open a socket with the visitor's cookies. Here an origin
is accepted when its scheme, host and port are exactly those the socket was opened on (the
Host header, with http for ws and https for wss), the host being one of ALLOWED_HOSTS, or when
it is listed in CSRF_TRUSTED_ORIGINS (a public address the proxy does not pass in Host).
"""

from __future__ import annotations

from urllib.parse import urlsplit

from channels.security.websocket import WebsocketDenier
from django.conf import settings
from django.http.request import split_domain_port, validate_host

DEFAULT_PORTS = {"http": 80, "https": 443}
PAGE_SCHEME = {"ws": "http", "wss": "https"}


def _header(scope: dict, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key.lower() == name:
            return value.decode("latin-1")
    return None


def _origin_tuple(scheme: str, host: str, port: int | None) -> tuple[str, str, int]:
    return scheme, host.lower(), port if port is not None else DEFAULT_PORTS[scheme]


def parse_origin(origin: str | None) -> tuple[str, str, int] | None:
    """(scheme, host, port) of an Origin header, None when absent, `null` or malformed."""
    if not origin or origin.strip() == "null":
        return None
    try:
        parts = urlsplit(origin.strip())
        port = parts.port
    except ValueError:
        return None
    if parts.scheme not in DEFAULT_PORTS or not parts.hostname or parts.path not in ("", "/"):
        return None
    return _origin_tuple(parts.scheme, parts.hostname, port)


def served_origin(scope: dict) -> tuple[str, str, int] | None:
    """The origin of the pages of the site this socket was opened on."""
    scheme = PAGE_SCHEME.get(scope.get("scheme") or "ws")
    host_header = _header(scope, b"host")
    if scheme is None or not host_header:
        return None
    domain, port = split_domain_port(host_header.strip().lower())
    if not domain or not validate_host(domain, settings.ALLOWED_HOSTS):
        return None
    try:
        port_number = int(port) if port else None
    except ValueError:
        return None
    return _origin_tuple(scheme, domain.strip("[]"), port_number)


def origin_allowed(scope: dict) -> bool:
    origin = parse_origin(_header(scope, b"origin"))
    if origin is None:
        return False
    if origin == served_origin(scope):
        return True
    return origin in {parse_origin(trusted) for trusted in settings.CSRF_TRUSTED_ORIGINS}


class SameOriginValidator:
    """Refuses (403 at the handshake) a websocket whose Origin is not the site's own."""

    def __init__(self, application):
        self.application = application

    async def __call__(self, scope, receive, send):
        if scope["type"] == "websocket" and not origin_allowed(scope):
            return await WebsocketDenier()(scope, receive, send)
        return await self.application(scope, receive, send)
