"""The websocket Origin check compares scheme, host and port, through the real ASGI app."""

import pytest
from channels.testing import WebsocketCommunicator
from django.test import override_settings

from cms.asgi import application
from cms.proxy_headers import parse_networks

pytestmark = pytest.mark.django_db(transaction=True)


async def opens(origin: str | None, host: str = "localhost:8000", peer="127.0.0.1", extra=()):
    headers = [(b"host", host.encode()), *extra]
    if origin is not None:
        headers.append((b"origin", origin.encode()))
    communicator = WebsocketCommunicator(application, "/ws/health/", headers=headers)
    # The scope is read when the application first runs, at connect(): the peer's address can
    # still be set here, as daphne would.
    communicator.scope["client"] = [peer, 50000]
    connected, _ = await communicator.connect()
    await communicator.disconnect()
    return connected


async def test_the_sites_own_origin_is_accepted():
    assert await opens("http://localhost:8000")
    assert await opens("http://localhost", host="localhost")
    assert await opens("http://127.0.0.1:8000", host="127.0.0.1:8000")


@override_settings(ALLOWED_HOSTS=["[::1]"])
async def test_an_ipv6_host_is_compared_by_address_and_port():
    assert await opens("http://[::1]:8000", host="[::1]:8000")
    assert not await opens("http://[::1]:8001", host="[::1]:8000")


@pytest.mark.parametrize(
    "origin",
    [
        "http://localhost:9999",  # another program on the same machine
        "https://localhost:8000",  # scheme differs: the socket is plain ws
        "http://localhost",  # port 80, not 8000
        "https://evil.example",
        "http://evil.example:8000",
        "null",  # sandboxed iframe, file:// page
        "",
        None,
        "ftp://localhost:8000",
        "http://localhost:8000/path",
        "http://localhost:99999",
    ],
)
async def test_other_origins_are_refused(origin):
    assert not await opens(origin)


async def test_a_host_outside_allowed_hosts_is_refused_even_with_a_matching_origin():
    assert not await opens("http://evil.example:8000", host="evil.example:8000")


@override_settings(CSRF_TRUSTED_ORIGINS=["https://metiers.example.org"])
async def test_a_configured_trusted_origin_is_accepted():
    assert await opens("https://metiers.example.org", host="localhost:8001")
    assert not await opens("https://metiers.example.org:8443", host="localhost:8001")


async def test_wss_behind_a_trusted_proxy_needs_the_https_origin(monkeypatch):
    monkeypatch.setattr(application, "networks", parse_networks(["127.0.0.1"]))
    forwarded = [(b"x-forwarded-proto", b"https")]
    assert await opens("https://localhost", host="localhost", extra=forwarded)
    assert not await opens("http://localhost", host="localhost", extra=forwarded)
    # The same headers from a peer that is not our proxy: the scheme stays ws.
    assert not await opens(
        "https://localhost", host="localhost", peer="203.0.113.9", extra=forwarded
    )
