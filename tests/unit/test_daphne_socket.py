"""The daphne websocket under a game socket (games/live/daphne_socket.py): direct writes and
the HTTP channel it was upgraded from."""

from __future__ import annotations

import contextlib
import functools
import gc
import weakref

from games.live import daphne_socket


class Wire:
    """A TCP transport that keeps what is written to it."""

    def __init__(self):
        self.written = []

    def write(self, data):
        self.written.append(data)


class Websocket:
    """What daphne_socket uses of daphne's protocol: autobahn's states, its compression and
    queue (none here), and the transport under it."""

    STATE_CONNECTING, STATE_OPEN, STATE_CLOSING = 1, 3, 4
    _perMessageCompress = None  # noqa: N815 - autobahn's name
    send_queue = ()

    def __init__(self, state=STATE_OPEN):
        self.state = state
        self.transport = Wire()

    def sendPreparedMessage(self, message):  # noqa: N802 - autobahn's name
        self.transport.write(message.payloadHybi)

    @property
    def sent(self) -> list[bytes]:
        """The payloads of the frames written (short ones: a 2-byte header)."""
        return [frame[2:] for frame in self.transport.written]


async def handle_reply(protocol, message):
    """Daphne's `Server.handle_reply`, the ASGI `send` it gives each application."""


def test_daphnes_send_leads_to_its_websocket():
    websocket = Websocket()
    assert daphne_socket.websocket_of(functools.partial(handle_reply, websocket)) is websocket


def test_any_other_send_leads_nowhere():
    async def queue_put(message):
        """The test communicator's send."""

    assert daphne_socket.websocket_of(queue_put) is None
    assert daphne_socket.websocket_of(functools.partial(handle_reply)) is None
    assert daphne_socket.websocket_of(functools.partial(handle_reply, object())) is None


def open_autobahn_websocket(compression: bool = False):
    """autobahn's server protocol (daphne's base) after a real handshake, on a string
    transport; with `compression`, permessage-deflate negotiated."""
    from autobahn.twisted.websocket import WebSocketServerFactory, WebSocketServerProtocol
    from autobahn.websocket.compress import PerMessageDeflateOffer, PerMessageDeflateOfferAccept
    from twisted.internet.testing import StringTransport

    factory = WebSocketServerFactory("ws://127.0.0.1:8000")
    factory.protocol = WebSocketServerProtocol
    if compression:
        factory.setProtocolOptions(
            perMessageCompressionAccept=lambda offers: next(
                PerMessageDeflateOfferAccept(offer)
                for offer in offers
                if isinstance(offer, PerMessageDeflateOffer)
            )
        )
    protocol = factory.buildProtocol(None)
    transport = StringTransport()
    protocol.makeConnection(transport)
    extensions = b"Sec-WebSocket-Extensions: permessage-deflate\r\n" if compression else b""
    protocol.dataReceived(
        b"GET /ws/ HTTP/1.1\r\nHost: 127.0.0.1:8000\r\nUpgrade: websocket\r\n"
        b"Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
        b"Sec-WebSocket-Version: 13\r\n" + extensions + b"\r\n"
    )
    assert protocol.state == protocol.STATE_OPEN
    transport.clear()  # the handshake's answer
    return protocol, transport


def test_an_open_websocket_gets_the_text_as_one_utf8_frame_as_autobahn_frames_it():
    text = '{"type":"ack","é":1}' * 10  # 210 bytes: a 2-byte extended length
    protocol, transport = open_autobahn_websocket()
    protocol.sendMessage(text.encode())
    by_autobahn = transport.value()
    transport.clear()
    for _ in range(2):  # the second write reuses the prepared frame
        assert daphne_socket.write(protocol, text)
    assert transport.value() == by_autobahn * 2
    assert by_autobahn[:4] == bytes([0x81, 126, 0, len(text.encode())])


def test_with_compression_or_a_queue_autobahn_sends_it():
    protocol, transport = open_autobahn_websocket(compression=True)
    assert protocol._perMessageCompress is not None
    assert daphne_socket.write(protocol, '{"type":"ack"}' * 20)
    assert transport.value()[0] == 0xC1  # FIN, RSV1 (compressed), text
    protocol, transport = open_autobahn_websocket()
    protocol.send_queue.append((b"queued", False))
    protocol.triggered = True  # autobahn's sender is already on its way: keep its order
    assert daphne_socket.write(protocol, "{}")
    assert transport.value() == b""
    assert [data for data, _ in protocol.send_queue][-1] == b"\x81\x02{}"


def test_a_websocket_not_open_or_missing_is_left_to_the_asgi_way():
    for state in (Websocket.STATE_CONNECTING, Websocket.STATE_CLOSING):
        websocket = Websocket(state)
        assert not daphne_socket.write(websocket, "{}")
        assert websocket.sent == []
    assert not daphne_socket.write(None, "{}")


class Transport:
    def __init__(self, producer):
        self.producer = producer

    def unregisterProducer(self):  # noqa: N802 - twisted's name
        self.producer = None


def test_the_http_channel_a_websocket_came_from_is_let_go():
    from twisted.web.http import HTTPChannel

    websocket = Websocket()
    websocket.transport = Transport(HTTPChannel())
    daphne_socket.release_upgrade(websocket)
    assert websocket.transport.producer is None


@contextlib.contextmanager
def without_the_collector():
    """Whatever is freed inside was freed by reference counting alone."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def test_the_upgrade_request_and_its_channel_are_freed_without_the_collector():
    from twisted.web.http import HTTPChannel

    class Request:  # daphne's WebRequest keeps its channel, as twisted's does
        def __init__(self, channel):
            self.channel = channel

    with without_the_collector():
        channel = HTTPChannel()
        request = Request(channel)
        channel.requests.append(request)
        websocket = Websocket()
        websocket.transport = Transport(channel)
        gone = weakref.ref(channel), weakref.ref(request)
        del channel, request
        daphne_socket.release_upgrade(websocket)
        assert [ref() for ref in gone] == [None, None]


def test_a_closed_websocket_is_freed_without_the_collector():
    from twisted.internet.defer import Deferred

    with without_the_collector():
        websocket = Websocket()
        websocket.is_closed = Deferred()
        websocket.is_closed.callback(websocket)  # what autobahn does when it closes
        daphne_socket.release_closed(websocket)
        assert websocket.is_closed.called
        gone = weakref.ref(websocket)
        del websocket
        assert gone() is None


def test_an_open_or_missing_websocket_keeps_its_is_closed():
    from twisted.internet.defer import Deferred

    websocket = Websocket()
    waiting = websocket.is_closed = Deferred()
    daphne_socket.release_closed(websocket)
    assert websocket.is_closed is waiting and not waiting.called
    daphne_socket.release_closed(None)
    daphne_socket.release_closed(object())


def test_any_other_producer_or_transport_is_left_alone():
    websocket = Websocket()
    other = object()
    websocket.transport = Transport(other)
    daphne_socket.release_upgrade(websocket)
    assert websocket.transport.producer is other
    websocket.transport = object()  # TLS: a wrapping protocol
    daphne_socket.release_upgrade(websocket)
    daphne_socket.release_upgrade(None)


def consumer(cls_name="PlayerConsumer", batches=True, websocket=None):
    from games import consumers

    socket = getattr(consumers, cls_name)()
    socket.batches = batches
    socket.websocket = websocket
    return socket


def test_a_delivery_is_written_at_once_as_one_list_in_protocol_2():
    websocket = Websocket()
    assert consumer(websocket=websocket).write_now(['{"type":"a"}', '{"type":"b"}'])
    assert websocket.sent == [b'[{"type":"a"},{"type":"b"}]']


def test_protocol_1_gets_the_frames_one_by_one():
    websocket = Websocket()
    assert consumer(batches=False, websocket=websocket).write_now(['{"type":"a"}', '{"type":"b"}'])
    assert websocket.sent == [b'{"type":"a"}', b'{"type":"b"}']


def test_frames_with_more_to_do_or_no_open_websocket_go_the_long_way():
    websocket = Websocket()
    moved = '{"type":"team_changed","v":3}'
    kicked = '{"type":"player_kicked","v":4}'
    assert not consumer(websocket=websocket).write_now(['{"type":"a"}', moved])
    assert not consumer(websocket=websocket).write_now([kicked])
    assert websocket.sent == []
    # The host has no such frames: only the websocket decides.
    assert consumer("HostConsumer", websocket=websocket).write_now([moved])
    assert not consumer(websocket=Websocket(Websocket.STATE_CLOSING)).write_now(['{"type":"a"}'])
    assert not consumer().write_now(['{"type":"a"}'])  # not under daphne


def test_the_factory_options_are_shared_by_the_class_not_copied_into_each_socket():
    def accept(offers):
        return None

    class Factory:
        autoPingInterval = 20  # noqa: N815 - autobahn's names
        maxMessagePayloadSize = 16384  # noqa: N815
        perMessageCompressionAccept = staticmethod(accept)  # noqa: N815

    class Protocol:
        CONFIG_ATTRS = ("autoPingInterval", "maxMessagePayloadSize", "perMessageCompressionAccept")
        factory = Factory()

        def connection_made(self):  # what autobahn does for each new connection
            for name in self.CONFIG_ATTRS:
                if not hasattr(self, name):
                    setattr(self, name, getattr(self.factory, name))

    first = Protocol()
    first.connection_made()
    daphne_socket.share_options(first)
    second = Protocol()
    second.connection_made()
    assert second.autoPingInterval == 20 and second.maxMessagePayloadSize == 16384
    assert "autoPingInterval" not in vars(second)
    # A function stays per instance: on the class it would come back as a bound method.
    assert vars(second)["perMessageCompressionAccept"] is accept
    daphne_socket.share_options(second)  # once per class
    daphne_socket.share_options(None)
