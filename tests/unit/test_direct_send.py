"""Frames written straight to daphne's websocket (games/live/direct_send.py)."""

from __future__ import annotations

import functools

from games.live import direct_send


class Websocket:
    """What direct_send uses of daphne's protocol (autobahn's states and sendMessage)."""

    STATE_CONNECTING, STATE_OPEN, STATE_CLOSING = 1, 3, 4

    def __init__(self, state=STATE_OPEN):
        self.state = state
        self.sent = []

    def sendMessage(self, payload, isBinary=False):  # noqa: N802 - autobahn's name
        self.sent.append(payload)


async def handle_reply(protocol, message):
    """Daphne's `Server.handle_reply`, the ASGI `send` it gives each application."""


def test_daphnes_send_leads_to_its_websocket():
    websocket = Websocket()
    assert direct_send.websocket_of(functools.partial(handle_reply, websocket)) is websocket


def test_any_other_send_leads_nowhere():
    async def queue_put(message):
        """The test communicator's send."""

    assert direct_send.websocket_of(queue_put) is None
    assert direct_send.websocket_of(functools.partial(handle_reply)) is None
    assert direct_send.websocket_of(functools.partial(handle_reply, object())) is None


def test_an_open_websocket_gets_the_text_as_one_utf8_frame():
    websocket = Websocket()
    assert direct_send.write(websocket, '{"type":"ack","é":1}')
    assert websocket.sent == ['{"type":"ack","é":1}'.encode()]


def test_a_websocket_not_open_or_missing_is_left_to_the_asgi_way():
    for state in (Websocket.STATE_CONNECTING, Websocket.STATE_CLOSING):
        websocket = Websocket(state)
        assert not direct_send.write(websocket, "{}")
        assert websocket.sent == []
    assert not direct_send.write(None, "{}")
