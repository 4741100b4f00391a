"""Load benchmark: a whole quiz played by N simulated phones over real websockets.

    .venv/bin/python bench/load_quiz.py --players 30 300 1000
    .venv/bin/python bench/load_quiz.py --players 300 --scaled   # 2 daphne + PostgreSQL + Redis

For each N: a fresh database (a temporary SQLite file, or a scratch PostgreSQL database in
scaled mode) is migrated, a quiz session is launched and N players are created through the
same service as the join page; daphne is started (two processes in scaled mode, players spread
over both); N websocket clients on loopback (with an Origin header) connect, the host starts
the game and calls "next" after each reveal, and every phone answers each question as soon
as it appears (the worst case: all answers in the same instant).

Reported:
- join: time from opening the socket to the first snapshot, per phone;
- broadcast: from the host's "start"/"next" to the question on each phone;
- answer ack: from sending an answer to its acknowledgement (sent after commit);
- lost answers (sent, never acked or not in the database) and duplicates (rows per player and
  question beyond one);
- server memory per connected player (RSS growth of the daphne processes / N).
The clients run in this process, on the same 2-core machine as the server: the figures
include their own cost.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import secrets
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

QUESTIONS = 5


def quiz_spec() -> dict:
    questions = []
    for index in range(QUESTIONS):
        questions.append(
            {
                "id": f"q{index}",
                "kind": "choice",
                "prompt": f"Question {index + 1} : qui règle la machine-outil ?",
                "options": ["Opérateur régleur", "Boulanger", "Fleuriste", "Pilote"],
                "correct": [0],
                "time_limit_s": 60,
                "points": 1000,
                "explanation": "L'opérateur régleur prépare et règle la machine.",
                "metiers": [{"id": "1", "title": "Opérateur régleur", "url": "/metiers/x/"}],
            }
        )
    return {"title": "Banc de charge", "kind": "quiz", "questions": questions}


def percentile(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]


def summary(values: list[float]) -> str:
    return (
        f"p50 {percentile(values, 50):7.1f} ms  p95 {percentile(values, 95):7.1f} ms  "
        f"p99 {percentile(values, 99):7.1f} ms  max {max(values) if values else 0:7.1f} ms"
    )


def rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Environment:
    """A database and settings for one run, embedded (SQLite) or scaled (PostgreSQL + Redis)."""

    def __init__(self, scaled: bool, workdir: Path):
        self.scaled = scaled
        self.workdir = workdir
        self.env = dict(os.environ)
        self.env.update({"DJANGO_SETTINGS_MODULE": "cms.settings.test", "PYTHONUNBUFFERED": "1"})
        self.env.pop("REDIS_URL", None)
        self.pg_name = None
        if scaled:
            import psycopg

            admin = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/test")
            self.pg_admin = admin
            self.pg_name = f"mej_bench_{secrets.token_hex(3)}"
            with psycopg.connect(admin, autocommit=True) as conn:
                conn.execute(f'CREATE DATABASE "{self.pg_name}"')
            self.env["DATABASE_URL"] = f"{admin.rpartition('/')[0]}/{self.pg_name}"
            self.env["REDIS_URL"] = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/14")
        else:
            self.env["DATABASE_URL"] = f"sqlite:///{workdir / 'bench.sqlite3'}"
        os.environ.update({k: v for k, v in self.env.items() if k in {"DATABASE_URL", "REDIS_URL"}})
        os.environ["DJANGO_SETTINGS_MODULE"] = "cms.settings.test"
        subprocess.run(  # noqa: S603
            [sys.executable, "manage.py", "migrate", "--noinput", "-v0"],
            cwd=ROOT,
            env=self.env,
            check=True,
        )

    def drop(self):
        if self.pg_name:
            import psycopg
            from django.db import connections

            connections.close_all()
            with psycopg.connect(self.pg_admin, autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{self.pg_name}" WITH (FORCE)')


def prepare_session(players: int):
    """Teacher, session and players, written through the project's own services."""
    import django

    django.setup()
    from tests.support.scripted import create_class

    started = time.perf_counter()
    klass = create_class(quiz_spec(), [f"Joueur {n + 1}" for n in range(players)])
    join_service_ms = (time.perf_counter() - started) * 1000 / max(players, 1)
    return klass, join_service_ms


def start_servers(env: Environment, count: int) -> list[tuple[subprocess.Popen, int]]:
    servers = []
    for _ in range(count):
        port = free_port()
        log = (env.workdir / f"daphne-{port}.log").open("w")
        process = subprocess.Popen(  # noqa: S603
            [
                sys.executable,
                "-m",
                "daphne",
                "-b",
                "127.0.0.1",
                "-p",
                str(port),
                "cms.asgi:application",
            ],
            cwd=ROOT,
            env=env.env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        servers.append((process, port))
    import urllib.request

    for process, port in servers:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2):  # noqa: S310
                    break
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise RuntimeError(f"daphne on {port} did not start") from None
                time.sleep(0.2)
    return servers


async def play(
    pin: str, host_cookie: str, cookies: list[str], ports: list[int], on_connected
) -> dict:
    import websockets

    origin = "http://localhost"
    results = {"join": [], "broadcast": [], "ack": [], "sent": 0, "acked": 0, "errors": []}
    opened_at: dict[int, float] = {}
    all_opened = {i: asyncio.Event() for i in range(QUESTIONS)}
    counts = {i: 0 for i in range(QUESTIONS)}

    async def phone(index: int, cookie: str):
        port = ports[index % len(ports)]
        began = time.perf_counter()
        async with websockets.connect(
            f"ws://127.0.0.1:{port}/ws/jeu/{pin}/joueur/",
            origin=origin,
            additional_headers={"Cookie": cookie},
            open_timeout=60,
            max_queue=None,
        ) as socket:
            first = json.loads(await socket.recv())
            assert first["type"] == "snapshot", first
            results["join"].append((time.perf_counter() - began) * 1000)
            joined.set_one()
            sent_at = None
            async for raw in socket:
                message = json.loads(raw)
                kind = message["type"]
                if kind == "question_opened":
                    q = message["data"]["index"]
                    results["broadcast"].append((time.perf_counter() - opened_at[q]) * 1000)
                    counts[q] += 1
                    if counts[q] == len(cookies):
                        all_opened[q].set()
                    sent_at = time.perf_counter()
                    results["sent"] += 1
                    await socket.send(json.dumps({"type": "answer", "q": q, "answer": [0]}))
                elif kind == "ack":
                    results["ack"].append((time.perf_counter() - sent_at) * 1000)
                    results["acked"] += 1
                elif kind == "error":
                    results["errors"].append(message["code"])
                elif kind == "game_finished":
                    return

    class Joined:
        def __init__(self, total):
            self.total, self.count, self.event = total, 0, asyncio.Event()

        def set_one(self):
            self.count += 1
            if self.count == self.total:
                self.event.set()

    joined = Joined(len(cookies))
    tasks = []
    join_started = time.perf_counter()
    for index, cookie in enumerate(cookies):
        tasks.append(asyncio.create_task(phone(index, cookie)))
        if index % 50 == 49:
            await asyncio.sleep(0.05)  # a class does not connect in the same millisecond
    await asyncio.wait_for(joined.event.wait(), 300)
    results["join_all_s"] = time.perf_counter() - join_started

    async with websockets.connect(
        f"ws://127.0.0.1:{ports[0]}/ws/jeu/{pin}/hote/",
        origin=origin,
        additional_headers={"Cookie": host_cookie},
        max_queue=None,
    ) as host:
        await host.recv()  # snapshot
        await asyncio.sleep(0.5)
        on_connected(results)  # every phone and the host are in: measure the server
        for q in range(QUESTIONS):
            opened_at[q] = time.perf_counter()
            await host.send(json.dumps({"type": "start" if q == 0 else "next"}))
            await asyncio.wait_for(all_opened[q].wait(), 120)
            while True:  # everyone answered: the engine reveals by itself
                message = json.loads(await asyncio.wait_for(host.recv(), 120))
                if message["type"] == "question_revealed":
                    break
        await host.send(json.dumps({"type": "next"}))
        await asyncio.wait_for(asyncio.gather(*tasks), 120)
    return results


async def run_play(pin, host_cookie, cookies, servers):
    def measure_memory(results):
        results["rss_connected_kib"] = sum(rss_kib(process.pid) for process, _ in servers)

    ports = [port for _, port in servers]
    return await play(pin, host_cookie, cookies, ports, measure_memory)


def run(players: int, scaled: bool) -> dict:
    with tempfile.TemporaryDirectory(prefix="mej-bench-") as tmp:
        env = Environment(scaled, Path(tmp))
        try:
            klass, join_service_ms = prepare_session(players)
            cookies = [player["cookie"] for player in klass["players"]]
            servers = start_servers(env, 2 if scaled else 1)
            try:
                time.sleep(0.5)
                idle_rss = sum(rss_kib(process.pid) for process, _ in servers)
                results = asyncio.run(
                    run_play(klass["pin"], klass["host_cookie"], cookies, servers)
                )
            finally:
                for process, _ in servers:
                    process.terminate()
                    process.wait(10)
            from django.db.models import Count

            from games.models import Answer

            rows = Answer.objects.filter(session_id=klass["session_id"]).count()
            duplicates = (
                Answer.objects.filter(session_id=klass["session_id"])
                .values("player", "question_index")
                .annotate(n=Count("id"))
                .filter(n__gt=1)
                .count()
            )
            results.update(
                players=players,
                scaled=scaled,
                rows=rows,
                duplicates=duplicates,
                expected=players * QUESTIONS,
                join_service_ms=join_service_ms,
                rss_per_player_kib=(results["rss_connected_kib"] - idle_rss) / players,
            )
            return results
        finally:
            env.drop()


def report(results: dict) -> None:
    mode = (
        "scaled (2 daphne, PostgreSQL, Redis pub/sub)"
        if results["scaled"]
        else "embedded (1 daphne, SQLite, in-memory layer)"
    )
    lost = results["expected"] - min(results["acked"], results["rows"])
    print(f"\n== N = {results['players']} phones, {QUESTIONS} questions, {mode}")
    print(
        f"join (socket open -> snapshot): {summary(results['join'])}; all joined in {results['join_all_s']:.2f} s"
    )
    print(
        f"join service (nickname -> player row + engine join): {results['join_service_ms']:.1f} ms per player"
    )
    print(f"broadcast (next -> question on phone): {summary(results['broadcast'])}")
    print(f"answer ack: {summary(results['ack'])}")
    print(
        f"answers: sent {results['sent']}, acked {results['acked']}, rows {results['rows']}, "
        f"expected {results['expected']}, lost {lost}, duplicates {results['duplicates']}, "
        f"errors {sorted(set(results['errors']))}"
    )
    print(f"server memory: {results['rss_per_player_kib']:.1f} KiB per connected player")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--players", type=int, nargs="+", default=[30, 300])
    parser.add_argument("--scaled", action="store_true")
    args = parser.parse_args()
    print(
        f"machine: {os.cpu_count()} cores, Python {platform.python_version()}, {platform.platform()}"
    )
    print(f"command: {' '.join([Path(sys.executable).name, *sys.argv])}")
    for players in args.players:
        report(run(players, args.scaled))


if __name__ == "__main__":
    main()
