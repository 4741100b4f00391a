"""The floor: a bare `websockets` server broadcasting one frame to N sockets.

No Django, no Channels, no database: one asyncio process that keeps its sockets in a set and
calls `websockets.broadcast` (no compression) with a frame of the size of the quiz's
`question_opened`. The same client processes as the quiz bench connect to it, so the ratio
"engine p99 / floor p99" measured in one run cancels most of the machine's noise.

    .venv/bin/python bench/ws_floor.py --players 300 2000   # the floor alone

bench/load_quiz.py runs it before each N and prints the ratio beside its own figures.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

# The size of the quiz bench's "question_opened" frame (366 B; bench/load_quiz.py prints it).
FRAME_BYTES = 370
# The quiz's player snapshot in the lobby is about this size.
WELCOME = '{"type":"snapshot","pad":"' + "x" * 600 + '"}'
ROUNDS = 5
ROUND_GAP_S = 1.0


def frame(round_: int) -> str:
    """A frame of FRAME_BYTES that carries the time it was sent (same clock: same machine)."""
    head = {"type": "question_opened", "index": round_, "sent": time.time(), "pad": ""}
    pad = FRAME_BYTES - len(json.dumps(head))
    head["pad"] = "x" * max(pad, 0)
    return json.dumps(head)


async def serve(port: int, players: int, started) -> None:
    import websockets
    from websockets.asyncio.server import broadcast

    sockets: set = set()
    everyone = asyncio.Event()

    async def handler(socket):
        await socket.send(WELCOME)  # as the game's first frame, the snapshot
        sockets.add(socket)
        if len(sockets) >= players:
            everyone.set()
        try:
            await socket.wait_closed()
        finally:
            sockets.discard(socket)

    async with websockets.serve(
        handler, "127.0.0.1", port, compression=None, max_queue=None, backlog=4096
    ):
        started.set()
        await everyone.wait()
        await asyncio.sleep(0.5)
        for round_ in range(ROUNDS):
            broadcast(sockets, frame(round_))
            await asyncio.sleep(ROUND_GAP_S)
        deadline = time.monotonic() + 30
        while sockets and time.monotonic() < deadline:
            await asyncio.sleep(0.1)


def server_process(port: int, players: int, started) -> None:
    asyncio.run(serve(port, players, started))


async def floor_phones(port: int, count: int) -> tuple[list[float], list[float]]:
    import websockets

    arrivals: list[float] = []
    joins: list[float] = []

    async def phone():
        began = time.perf_counter()
        async with websockets.connect(
            f"ws://127.0.0.1:{port}/", open_timeout=60, max_queue=None, compression=None
        ) as socket:
            await socket.recv()
            joins.append((time.perf_counter() - began) * 1000)
            for _ in range(ROUNDS):
                raw = await socket.recv()
                arrivals.append((time.time() - json.loads(raw)["sent"]) * 1000)

    tasks = []
    for number in range(count):
        tasks.append(asyncio.create_task(phone()))
        if number % 25 == 24:
            await asyncio.sleep(0.05)  # the same pace as the quiz bench's class
    await asyncio.wait_for(asyncio.gather(*tasks), 300)
    return joins, arrivals


def client_process(port: int, count: int, results) -> None:
    results.put(asyncio.run(floor_phones(port, count)))


def measure(players: int, client_processes: int = 2) -> tuple[list[float], list[float]]:
    """Join times (socket open -> first frame) and broadcast latencies (every socket and
    round), in ms, from the same kind of clients as the quiz bench."""
    from load_quiz import free_port

    context = multiprocessing.get_context("spawn")
    port = free_port()
    started, results = context.Event(), context.Queue()
    server = context.Process(target=server_process, args=(port, players, started))
    server.start()
    try:
        if not started.wait(30):
            raise RuntimeError("floor server did not start")
        shares = [players // client_processes] * client_processes
        shares[0] += players - sum(shares)
        workers = [
            context.Process(target=client_process, args=(port, share, results)) for share in shares
        ]
        for worker in workers:
            worker.start()
        joins, latencies = [], []
        for _ in workers:
            part_joins, part_latencies = results.get(timeout=400)
            joins += part_joins
            latencies += part_latencies
        for worker in workers:
            worker.join(30)
        return joins, latencies
    finally:
        server.join(40)
        if server.is_alive():
            server.terminate()


def main() -> None:
    from load_quiz import summary

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--players", type=int, nargs="+", default=[300])
    args = parser.parse_args()
    for players in args.players:
        joins, latencies = measure(players)
        print(f"N = {players}: floor join: {summary(joins)}", flush=True)
        print(f"N = {players}: floor broadcast: {summary(latencies)}", flush=True)


if __name__ == "__main__":
    main()
