"""Twisted writes sent at once when nothing waits (games/live/eager_writes.py, issue 12)."""

from __future__ import annotations

import pytest
from twisted.internet import tcp

from games.live import eager_writes


class Producer:
    """Twisted's HTTP channel stays registered on every websocket after the upgrade."""

    paused = False

    def pauseProducing(self):
        self.paused = True


def connection(accepts: int | None = None) -> tcp.Connection:
    """A plain TCP connection with nothing buffered whose socket takes `accepts` bytes of
    each write (all of it when None); what went to the buffer is watched."""
    conn = object.__new__(tcp.Connection)
    conn.TLS = False
    conn.connected = True
    conn.disconnecting = False
    conn._writeDisconnected = False
    conn._tempDataBuffer = []
    conn._tempDataLen = 0
    conn.dataBuffer = b""
    conn.offset = 0
    conn.producer = Producer()
    conn.streamingProducer = True
    conn.producerPaused = False
    conn.sent = []
    conn.writing = 0

    def write_some(data):
        taken = len(data) if accepts is None else min(accepts, len(data))
        conn.sent.append(bytes(data[:taken]))
        return taken

    def start_writing():
        conn.writing += 1

    conn.writeSomeData = write_some
    conn.startWriting = start_writing
    return conn


@pytest.fixture(autouse=True)
def installed():
    assert eager_writes.install()


def test_a_write_with_nothing_waiting_goes_to_the_socket_at_once():
    conn = connection()
    conn.write(b"frame")
    assert conn.sent == [b"frame"]
    # Neither buffered nor registered with the event loop for writing.
    assert conn._tempDataBuffer == []
    assert conn.writing == 0


def test_what_the_kernel_does_not_take_is_buffered_in_order():
    conn = connection(accepts=2)
    conn.write(b"frame")
    assert conn.sent == [b"fr"]
    assert conn._tempDataBuffer == [b"ame"]
    assert conn.writing == 1
    # Something now waits: the next write queues behind it instead of jumping ahead.
    conn.write(b"next")
    assert conn.sent == [b"fr"]
    assert conn._tempDataBuffer == [b"ame", b"next"]


def test_a_paused_or_busy_connection_keeps_twisteds_buffer():
    conn = connection()
    conn.dataBuffer, conn.offset = b"pending", 3  # twisted is still sending this
    conn.write(b"frame")
    assert conn.sent == []
    assert conn._tempDataBuffer == [b"frame"]
