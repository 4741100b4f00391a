"""A frame written straight to daphne's websocket, without the ASGI layers in between.

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
"""

from __future__ import annotations

import functools
from typing import Any


def websocket_of(send: Any) -> Any | None:
    """Daphne's websocket protocol behind an ASGI `send`, or None when there is none."""
    if not isinstance(send, functools.partial) or not send.args:
        return None
    protocol = send.args[0]
    if not (hasattr(protocol, "sendMessage") and hasattr(protocol, "STATE_OPEN")):
        return None
    return protocol


def write(protocol: Any, text: str) -> bool:
    """Write `text` as one frame if the websocket is open; False when it must go the ASGI
    way instead (closed sockets are daphne's to ignore, as it does)."""
    if protocol is None or protocol.state != protocol.STATE_OPEN:
        return False
    protocol.sendMessage(text.encode())
    return True
