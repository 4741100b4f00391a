"""The address the class screen shows to the phones, and a warning when phones cannot use it.

A teacher usually opens the class screen at http://127.0.0.1:8000 or http://localhost:8000 on
the classroom computer: that address means « this machine » to every phone. When the site is
served on all interfaces (`HOST=0.0.0.0 make run`), the machine's own network address is shown
instead, provided Django accepts it as a host (ALLOWED_HOSTS); otherwise the screen says what
to change.
"""

from __future__ import annotations

import ipaddress
import os
import socket
from dataclasses import dataclass

from django.conf import settings
from django.http.request import split_domain_port, validate_host
from django.utils.translation import gettext as _

ALL_INTERFACES = {"0.0.0.0", "::", "[::]"}  # noqa: S104 (names the setting, binds nothing)
LOOPBACK_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost"}


@dataclass(frozen=True)
class JoinAddress:
    host: str  # "192.168.1.20:8000": what the phones type, and the QR code's host
    warning: str = ""


def is_loopback(hostname: str) -> bool:
    hostname = hostname.strip("[]").lower()
    if hostname in LOOPBACK_NAMES or hostname.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(hostname).is_loopback
    except ValueError:
        return False


def served_on_all_interfaces() -> bool:
    return os.environ.get("HOST", "") in ALL_INTERFACES


def lan_addresses() -> list[str]:
    """This machine's IPv4 addresses other than loopback, from its own name (no traffic)."""
    try:
        _name, _aliases, addresses = socket.gethostbyname_ex(socket.gethostname())
    except OSError:
        return []
    return [address for address in addresses if not is_loopback(address)]


def join_address(request) -> JoinAddress:
    host = request.get_host()
    hostname, port = split_domain_port(host)
    if not is_loopback(hostname):
        return JoinAddress(host)
    suffix = f":{port}" if port else ""
    if served_on_all_interfaces():
        candidates = lan_addresses()
        allowed = [a for a in candidates if validate_host(a, settings.ALLOWED_HOSTS)]
        if allowed:
            return JoinAddress(f"{allowed[0]}{suffix}")
        if candidates:
            return JoinAddress(
                host,
                _(
                    "Les téléphones ne peuvent pas joindre %(host)s : ajoutez %(address)s à "
                    "ALLOWED_HOSTS et relancez le serveur."
                )
                % {"host": host, "address": candidates[0]},
            )
    return JoinAddress(
        host,
        _(
            # Short: it shares the lobby with the PIN on one projector screen.
            "Attention : %(host)s ne fonctionne que sur cet ordinateur. Pour les téléphones, "
            "servez le site avec HOST=0.0.0.0 (voir le README)."
        )
        % {"host": host},
    )
