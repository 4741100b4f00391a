"""Twisted's TCP writes, sent at once when nothing is waiting (as asyncio's transports do).

Twisted buffers every `transport.write` and sends it on the reactor's next turn: for each
write, the socket is registered for "writable" with the event loop (an epoll_ctl system
call and a new selector key), the loop wakes up for it, sends, and unregisters it (another
epoll_ctl). A broadcast to 2,000 phones paid that 2,000 times; it was a fifth of daphne's
time during a forum's answer burst (issue 12, docs/performance.md). Here a write on a plain
TCP connection with nothing buffered is tried on the socket first; whatever the kernel does
not take (a slow phone, a full buffer) goes through twisted's usual buffer, in order.

A registered producer does not stop the eager write: twisted's HTTP channel registers itself
on every connection (a websocket keeps it after the upgrade), and it is only paused when the
buffer fills, which an empty buffer is not. (Requiring no producer, as a first version did,
left every websocket write on the buffered path: measured, issue 12.)

Installed once by cms/asgi.py (daphne's process); `MEJ_EAGER_WRITES=0` leaves twisted as is.
"""

from __future__ import annotations

import os

_installed = False


def install() -> bool:
    """Patch twisted's TCP connections; True when installed (now or before)."""
    global _installed
    if _installed:
        return True
    if os.environ.get("MEJ_EAGER_WRITES", "1") == "0":
        return False
    from twisted.internet import tcp
    from twisted.internet.abstract import FileDescriptor

    buffered_write = tcp.Connection.write

    def write(self, data: bytes) -> None:
        if (
            data
            and not self.TLS
            and self.connected
            and not self._writeDisconnected
            and not self._tempDataBuffer
            and self.offset == len(self.dataBuffer)
        ):
            sent = self.writeSomeData(data)
            if isinstance(sent, int) and sent >= 0:
                if sent == len(data):
                    return
                data = data[sent:]
            # On an error the buffered path meets it again and closes as twisted does.
            FileDescriptor.write(self, data)
            return
        buffered_write(self, data)

    tcp.Connection.write = write
    _installed = True
    return True
