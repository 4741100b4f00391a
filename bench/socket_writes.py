"""Micro-benchmark: one text frame written to N open websockets, autobahn's `sendMessage`
against `daphne_socket.write` (a frame prepared once per text, handed to the transport).

    .venv/bin/python bench/socket_writes.py [--sockets 2000] [--repeat 5]

Real autobahn server protocols after a real handshake, on twisted's in-memory transports:
the figure is the Python cost of a broadcast's writes without the system calls (the same
for both ways), best of `--repeat` rounds, in microseconds per socket.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "unit"))

FRAME = '{"type":"question_opened","v":12,"seq":7,"data":{"index":2,"count":5,' + (
    '"question":{"prompt":"' + "x" * 280 + '"}}}'
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sockets", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    # The unit tests' real handshake (tests/unit/test_daphne_socket.py), not a copy of it.
    from test_daphne_socket import open_autobahn_websocket

    from games.live import daphne_socket

    sockets = [open_autobahn_websocket() for _ in range(args.sockets)]

    def autobahn_way():
        payload = FRAME.encode()  # what the previous code did for each socket
        for protocol, _ in sockets:
            protocol.sendMessage(payload)

    def prepared_way():
        for protocol, _ in sockets:
            daphne_socket.write(protocol, FRAME)

    print(
        f"machine: {os.cpu_count()} cores, Python {platform.python_version()}, {platform.platform()}"
    )
    print(f"command: python bench/socket_writes.py --sockets {args.sockets} --repeat {args.repeat}")
    results = {}
    for name, way in (
        ("autobahn sendMessage", autobahn_way),
        ("daphne_socket.write", prepared_way),
    ):
        best = float("inf")
        for _ in range(args.repeat):
            for _, transport in sockets:
                transport.clear()
            began = time.perf_counter()
            way()
            best = min(best, time.perf_counter() - began)
        results[name] = best * 1e6 / args.sockets
        print(f"{name:>22}: {results[name]:6.2f} µs per socket ({len(FRAME.encode())} B frame)")
    ratio = results["autobahn sendMessage"] / results["daphne_socket.write"]
    print(f"ratio: {ratio:.1f}x")


if __name__ == "__main__":
    main()
