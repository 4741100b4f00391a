"""The client's address and scheme from a reverse proxy, believed only from configured proxies.

Behind nginx every request comes from the proxy's address, so the PIN throttle, the login
lockout and the websocket Origin check need the real client and scheme, which the proxy passes
in `X-Forwarded-For` and `X-Forwarded-Proto`. Anyone can send those headers, though: daphne's
own `--proxy-headers` believes them from every peer, which let one phone pose as thousands of
addresses. This ASGI middleware believes them only when the direct peer is in TRUSTED_PROXIES
(addresses or networks; empty by default: headers are never believed), and removes them from
every other request so that nothing further down can read them by mistake.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable

from django.conf import settings

Network = ipaddress.IPv4Network | ipaddress.IPv6Network

FORWARDED_FOR = b"x-forwarded-for"
FORWARDED_PROTO = b"x-forwarded-proto"
FORWARDED_HEADERS = {FORWARDED_FOR, FORWARDED_PROTO, b"x-real-ip", b"forwarded"}
SECURE_SCHEMES = {"http": "https", "ws": "wss"}
PLAIN_SCHEMES = {"https": "http", "wss": "ws"}


def parse_networks(values: Iterable[str]) -> tuple[Network, ...]:
    """`127.0.0.1`, `::1`, `10.0.0.0/8`...; a typo fails at start-up, not on a request."""
    return tuple(ipaddress.ip_network(value.strip(), strict=False) for value in values)


def _address(text: str):
    try:
        return ipaddress.ip_address(text.strip().strip("[]"))
    except ValueError:
        return None


def _is_trusted(address, networks: tuple[Network, ...]) -> bool:
    return address is not None and any(address in network for network in networks)


def forwarded_client(peer: str, forwarded_for: list[str], networks: tuple[Network, ...]) -> str:
    """The right-most address of the chain that is not one of our proxies.

    Each proxy appends the address it received the request from, so the entries left of the
    last trusted proxy's may be invented by the client; the right-most untrusted one is the
    first address a proxy of ours saw, the only one we can believe.
    """
    client = peer
    for hop in reversed(forwarded_for):
        address = _address(hop)
        if address is None:
            break  # garbage in the chain: keep the last address a trusted proxy vouched for
        client = str(address)
        if not _is_trusted(address, networks):
            break
    return client


def _header_values(headers, name: bytes) -> list[str]:
    values = []
    for key, value in headers:
        if key.lower() == name:
            values.extend(item.strip() for item in value.decode("latin-1").split(","))
    return [value for value in values if value]


def resolve_scope(scope: dict, networks: tuple[Network, ...]) -> dict:
    client = scope.get("client")
    peer = client[0] if client else None
    headers = scope.get("headers", [])
    if not networks or not _is_trusted(_address(peer or ""), networks):
        kept = [(key, value) for key, value in headers if key.lower() not in FORWARDED_HEADERS]
        if len(kept) == len(headers):
            return scope
        return {**scope, "headers": kept}

    resolved = dict(scope)
    forwarded_for = _header_values(headers, FORWARDED_FOR)
    if forwarded_for:
        resolved["client"] = [forwarded_client(peer, forwarded_for, networks), 0]
    protos = _header_values(headers, FORWARDED_PROTO)
    if protos:
        # Our proxy sets (not appends) the header, so its value is the last one.
        scheme = scope.get("scheme") or ("ws" if scope["type"] == "websocket" else "http")
        if protos[-1].lower() == "https":
            resolved["scheme"] = SECURE_SCHEMES.get(scheme, scheme)
        elif protos[-1].lower() == "http":
            resolved["scheme"] = PLAIN_SCHEMES.get(scheme, scheme)
    return resolved


class TrustedProxyMiddleware:
    """Outermost ASGI layer of cms/asgi.py, for HTTP and websockets alike."""

    def __init__(self, app, trusted_proxies: Iterable[str] | None = None):
        self.app = app
        self.networks = parse_networks(
            settings.TRUSTED_PROXIES if trusted_proxies is None else trusted_proxies
        )

    async def __call__(self, scope, receive, send):
        if scope["type"] in ("http", "websocket"):
            scope = resolve_scope(scope, self.networks)
        return await self.app(scope, receive, send)
