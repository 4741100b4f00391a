"""What a game socket does with the daphne websocket under it: write to it directly, and
let go of the HTTP connection it was upgraded from.

**Writes.** A frame is written straight to daphne's websocket, without the ASGI layers.

Each `send` of a Channels consumer goes through four coroutines (the consumer's send, the
ASGI send, daphne's `handle_reply` and its protocol's `handle_reply`) that check the message,
log it at debug level and encode it, before autobahn frames it. For one write that is
nothing; for a broadcast to 2,000 phones, or their 2,000 acknowledgements in the same
second, it was an eighth of the server's time (issue 12, docs/performance.md).

So a game socket under daphne finds its websocket protocol once (daphne hands each
application `send = partial(server.handle_reply, protocol)`) and, while that websocket is
open, writes text frames to it directly. Anything else (another server, the test
communicator, a socket still connecting or already closing, a close) takes the ASGI way,
which says what daphne would say.

**The HTTP connection.** Twisted's HTTP channel registers itself as the producer of its TCP
connection, and daphne leaves it there when the connection becomes a websocket: the channel
and the whole upgrade request (its headers parsed twice) stayed alive for as long as the
phone played, 3 KiB of the server's memory per phone (issue 12, measured with tracemalloc).
Once the websocket is accepted the channel has nothing left to do; unregistering it frees
it. (As a producer it could only stop reading from a phone while writes to it pile up; what a
phone may send is bounded by the socket's rate limit anyway, and unsent writes wait in
twisted's buffer as before.)
"""

from __future__ import annotations

import functools
from typing import Any

from autobahn.websocket.protocol import PreparedMessage
from twisted.internet.defer import Deferred, succeed
from twisted.web.http import HTTPChannel


def websocket_of(send: Any) -> Any | None:
    """Daphne's websocket protocol behind an ASGI `send`, or None when there is none."""
    if not isinstance(send, functools.partial) or not send.args:
        return None
    protocol = send.args[0]
    if not (hasattr(protocol, "sendPreparedMessage") and hasattr(protocol, "STATE_OPEN")):
        return None
    return protocol


def release_upgrade(protocol: Any | None) -> None:
    """Let go of the HTTP channel a websocket was upgraded from (see above); plain TCP only
    (under TLS the transport is a wrapper that keeps its own producer)."""
    transport = getattr(protocol, "transport", None)
    channel = getattr(transport, "producer", None)
    if isinstance(channel, HTTPChannel):
        transport.unregisterProducer()
        # The channel and its upgrade request point at each other: without this they would
        # wait for a full pass of the garbage collector, which pauses the whole server.
        channel.requests.clear()


def share_options(protocol: Any | None) -> None:
    """Make the websocket options of daphne's factory class attributes of its protocol.

    autobahn copies each of its options (29 for daphne's server protocol) from the factory into
    every protocol instance that does not have them yet: 29 more entries in each connection's
    attribute dict, about 2 KiB of the server's memory per phone (issue 12). Once the class has them (the same values for
    every connection: daphne has one factory, configured before it listens), the next
    connections find them there and copy nothing. Plain values only: a function put on the
    class would reach each instance as a method bound to it."""
    cls = type(protocol)
    if protocol is None or "_options_shared" in cls.__dict__:
        return
    factory = getattr(protocol, "factory", None)
    for name in getattr(protocol, "CONFIG_ATTRS", ()):
        value = getattr(factory, name, None)
        if name not in cls.__dict__ and hasattr(factory, name) and not callable(value):
            setattr(cls, name, value)
    cls._options_shared = True


def release_closed(protocol: Any | None) -> None:
    """Let go of a closed websocket at once. autobahn fires the protocol's `is_closed` with
    the protocol itself, a loop that only the garbage collector's full pass could free: each
    phone that left stayed in memory until then (issue 12). The Deferred stays fired."""
    closed = getattr(protocol, "is_closed", None)
    if isinstance(closed, Deferred) and closed.called and closed.result is protocol:
        protocol.is_closed = succeed(None)


def write(protocol: Any, text: str) -> bool:
    """Write `text` as one frame if the websocket is open; False when it must go the ASGI
    way instead (closed sockets are daphne's to ignore, as it does).

    The frame is built once per text (a broadcast writes the same text to every socket in a
    row) with autobahn's own `PreparedMessage`, and handed to the TCP transport as it is when
    nothing else is on its way: autobahn's `sendMessage` checked and framed it again for each
    socket, and formatted a debug line for each write that nobody logs (a fifth of its cost).
    With compression negotiated, or autobahn's own queue in use, autobahn sends it.
    """
    if protocol is None or protocol.state != protocol.STATE_OPEN:
        return False
    message = _prepared(text)
    if protocol._perMessageCompress is None and not protocol.send_queue:
        protocol.transport.write(message.payloadHybi)
    else:
        protocol.sendPreparedMessage(message)
    return True


@functools.lru_cache(maxsize=8)
def _prepared(text: str) -> PreparedMessage:
    return PreparedMessage(text.encode(), isBinary=False, applyMask=False, doNotCompress=False)
