"""X-Forwarded-* believed only from the configured proxies (cms/proxy_headers.py)."""

import pytest

from cms.asgi import application
from cms.proxy_headers import TrustedProxyMiddleware, forwarded_client, parse_networks
from tests.support.ws_clients import run_async

PROXY = "10.0.0.5"
NETWORKS = parse_networks([PROXY, "fd00::/8"])


class Recorder:
    """The application behind the middleware: keeps the scope it was given."""

    def __init__(self):
        self.scope = None

    async def __call__(self, scope, receive, send):
        self.scope = scope


def seen_by_app(peer, headers, trusted=(PROXY,), kind="http"):
    recorder = Recorder()
    scope = {
        "type": kind,
        "scheme": "ws" if kind == "websocket" else "http",
        "client": [peer, 51000],
        "headers": [(name.encode(), value.encode()) for name, value in headers],
    }
    # In a loop of its own: the browser tests leave Playwright's loop running in this thread.
    run_async(TrustedProxyMiddleware(recorder, trusted_proxies=trusted)(scope, None, None))
    return recorder.scope


def header_names(scope):
    return {name for name, _ in scope["headers"]}


def test_a_spoofed_forwarded_for_from_an_unknown_peer_is_ignored_and_removed():
    scope = seen_by_app(
        "203.0.113.9",
        [("x-forwarded-for", "1.2.3.4"), ("x-forwarded-proto", "https"), ("x-real-ip", "5.6.7.8")],
    )
    assert scope["client"][0] == "203.0.113.9"
    assert scope["scheme"] == "http"
    assert not header_names(scope) & {b"x-forwarded-for", b"x-forwarded-proto", b"x-real-ip"}


def test_no_proxy_configured_means_headers_are_never_believed():
    scope = seen_by_app(PROXY, [("x-forwarded-for", "1.2.3.4")], trusted=())
    assert scope["client"][0] == PROXY
    assert b"x-forwarded-for" not in header_names(scope)


def test_the_address_forwarded_by_a_trusted_proxy_is_the_client():
    scope = seen_by_app(PROXY, [("x-forwarded-for", "198.51.100.7")])
    assert scope["client"][0] == "198.51.100.7"


def test_the_right_most_untrusted_hop_wins_over_what_the_phone_wrote():
    # The phone sent "X-Forwarded-For: 1.1.1.1"; nginx appended the address it saw.
    scope = seen_by_app(PROXY, [("x-forwarded-for", "1.1.1.1, 198.51.100.7")])
    assert scope["client"][0] == "198.51.100.7"


def test_chains_through_several_trusted_proxies_and_garbage():
    assert forwarded_client(PROXY, ["198.51.100.7", "fd00::2"], NETWORKS) == "198.51.100.7"
    assert forwarded_client(PROXY, ["fd00::3", "fd00::2"], NETWORKS) == "fd00::3"
    assert forwarded_client(PROXY, ["not-an-ip", "198.51.100.7"], NETWORKS) == "198.51.100.7"
    assert forwarded_client(PROXY, ["198.51.100.7", "unknown"], NETWORKS) == PROXY


def test_forwarded_proto_from_a_trusted_proxy_sets_the_scheme():
    http = seen_by_app(PROXY, [("x-forwarded-proto", "https")])
    socket = seen_by_app(PROXY, [("x-forwarded-proto", "https")], kind="websocket")
    assert http["scheme"] == "https"
    assert socket["scheme"] == "wss"


def test_a_peer_without_an_address_is_not_trusted():
    recorder = Recorder()
    scope = {"type": "http", "client": None, "headers": [(b"x-forwarded-for", b"1.2.3.4")]}
    run_async(TrustedProxyMiddleware(recorder, trusted_proxies=[PROXY])(scope, None, None))
    assert recorder.scope["client"] is None
    assert recorder.scope["headers"] == []


def test_a_mistyped_proxy_fails_at_start_up():
    with pytest.raises(ValueError):
        parse_networks(["10.0.0.300"])


def test_the_served_application_is_wrapped():
    assert isinstance(application, TrustedProxyMiddleware)
