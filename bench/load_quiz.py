"""Load benchmark: a whole quiz played by N simulated phones over real websockets.

    .venv/bin/python bench/load_quiz.py --players 30 300 1000
    .venv/bin/python bench/load_quiz.py --players 300 --scaled   # 2 daphne + PostgreSQL + Redis
    .venv/bin/python bench/load_quiz.py --players 300 --pinned   # the same, one game on one daphne

For each N: a fresh database (a temporary SQLite file, or a scratch PostgreSQL database in
scaled mode) is migrated, a quiz session is launched and N players are created through the
same service as the join page; daphne is started (two processes in scaled mode, players spread
over both); N websocket clients on loopback (with an Origin header) connect, the host starts
the game and calls "next" after each reveal, and every phone answers each question as soon
as it appears (the worst case: all answers in the same instant).

Reported:
- floor: the same broadcast by a bare `websockets` server (bench/ws_floor.py) to the same
  number of sockets from the same client processes, run just before the game and again just
  after; the broadcast line gives the ratio of the game's p99 to the p99 of both floors'
  samples together (the figure to compare across runs on a noisy machine: one floor's p99
  moved from 106 to 213 ms between two runs minutes apart, fifth round);
- join: time from opening the socket to the first snapshot, per phone;
- broadcast: from the host's "start"/"next" to the question on each phone;
- answer ack: from sending an answer to its acknowledgement (sent after commit);
- lost answers (sent, never acked or not in the database) and duplicates (rows per player and
  question beyond one);
- server memory per connected player (RSS growth of the daphne processes / N, from after
  one phone joined and left: Python's imports on first use are not per phone).
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
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

QUESTIONS = 5
# How long the teacher leaves the reveal on screen before "next" (--back-to-back: none).
# Without it, "next" reaches phones still reading their results of the reveal, and the
# broadcast measured is not the one the floor measures (a frame to idle sockets).
TEACHER_PAUSE_S = 1.0


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


def cpu_s(pid: int) -> float:
    """CPU time (user + system) a process used so far: unlike latencies, barely moved by
    the other programs of a shared machine."""
    fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def services_cpu_s() -> dict[str, float]:
    """CPU used so far by PostgreSQL's and Redis's processes (those this user may read): in
    scaled mode they share the two cores with daphne and the clients."""
    totals = {"PostgreSQL": 0.0, "Redis": 0.0}
    for entry in Path("/proc").iterdir():
        try:
            command = (entry / "cmdline").read_bytes()
            name = "PostgreSQL" if command.startswith(b"postgres") else None
            name = "Redis" if command.startswith(b"redis-server") else name
            if name:
                totals[name] += cpu_s(int(entry.name))
        except (OSError, ValueError):  # not a process, or it ended while read
            continue
    return totals


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
            # Redis pub/sub ignores the database number: a prefix of its own keeps two runs
            # (or a test suite on the same Redis) from hearing each other.
            self.env["REDIS_PREFIX"] = f"mejbench{secrets.token_hex(4)}"
        else:
            self.env["DATABASE_URL"] = f"sqlite:///{workdir / 'bench.sqlite3'}"
        os.environ.update(
            {
                k: v
                for k, v in self.env.items()
                if k in {"DATABASE_URL", "REDIS_URL", "REDIS_PREFIX"}
            }
        )
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


def bench_nicknames(count: int) -> list[str]:
    """ "Joueur 1", "Joueur 2"…, skipping the few the nickname filter refuses (a number such
    as 1488 is a hate symbol: the filter is right, the bench only needs N names)."""
    from games.moderation.nicknames import NicknameError, clean_nickname

    names, number = [], 0
    while len(names) < count:
        number += 1
        try:
            clean_nickname(f"Joueur {number}")
        except NicknameError:
            continue
        names.append(f"Joueur {number}")
    return names


def prepare_session(players: int):
    """Teacher, session and players, written through the project's own services."""
    import django

    django.setup()
    from tests.support.scripted import create_class

    started = time.perf_counter()
    klass = create_class(quiz_spec(), bench_nicknames(players))
    join_service_ms = (time.perf_counter() - started) * 1000 / max(players, 1)
    return klass, join_service_ms


def start_servers(env: Environment, count: int) -> list[tuple[subprocess.Popen, int]]:
    servers = []
    for _ in range(count):
        port = free_port()
        log = open(os.environ.get("BENCH_SERVER_LOG", env.workdir / f"daphne-{port}.log"), "w")  # noqa: SIM115
        process = subprocess.Popen(  # noqa: S603
            [
                sys.executable,
                "-m",
                "daphne",
                # The accept queue of production (docs/operations.md); BENCH_BACKLOG=50 is
                # twisted's default, measured side by side.
                "-e",
                f"tcp:port={port}:interface=127.0.0.1:backlog={BACKLOG}",
                # As in production (docs/operations.md): no access log.
                "--access-log",
                "/dev/null",
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


def spy_on(servers) -> list[subprocess.Popen]:
    """BENCH_PYSPY=<dir>: sample each daphne with py-spy (collapsed stacks, one file each);
    with BENCH_PYSPY_GAME=1, only while the game is played (not while the phones join)."""
    folder = os.environ.get("BENCH_PYSPY")
    if not folder:
        return []
    spies = []
    for process, port in servers:
        out = Path(folder) / f"daphne-{port}.txt"
        spies.append(
            subprocess.Popen(  # noqa: S603
                [
                    str(Path(sys.executable).parent / "py-spy"),
                    "record",
                    "--pid",
                    str(process.pid),
                    "--format",
                    "raw",
                    "--rate",
                    "200",
                    "--nonblocking",
                    # BENCH_PYSPY_GIL=1: only the thread holding the GIL (Python's own CPU).
                    *(["--gil"] if os.environ.get("BENCH_PYSPY_GIL") else []),
                    "-o",
                    str(out),
                ],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        )
    return spies


def page_origin(port: int) -> str:
    """The Origin a browser sends for our pages on that port: the server checks scheme, host
    and port (cms/websocket_origin.py)."""
    return f"http://127.0.0.1:{port}"


# The phones speak what the game's pages speak (games/static/games/js/socket.js); BENCH_PROTOCOL=1
# measures the old one-frame-per-write protocol side by side.
PROTOCOL = "" if os.environ.get("BENCH_PROTOCOL") == "1" else "?protocol=2"

BACKLOG = int(os.environ.get("BENCH_BACKLOG", "4096"))

# The simulated phones run in this many processes: one Python event loop handling hundreds
# of sockets would measure its own queue, not the server.
CLIENT_PROCESSES = 2


async def phones(pin: str, phones_: list[tuple[int, str]], ports: list[int], ready):
    """The phones of one client process; returns their raw measurements."""
    import websockets

    out = {"join": [], "received": [], "ack": [], "sent": 0, "acked": 0, "errors": [], "size": 0}
    out["results"] = []  # (question, time) each phone got its result after a reveal
    out["failed"] = []

    async def phone(index: int, cookie: str, connected: asyncio.Event):
        try:
            await play_phone(index, cookie, connected)
        except Exception as error:  # counted and shown: a phone that cannot join or play
            out["failed"].append(type(error).__name__)
            connected.set()

    async def play_phone(index: int, cookie: str, connected: asyncio.Event):
        began = time.perf_counter()
        async with websockets.connect(
            f"ws://127.0.0.1:{ports[index % len(ports)]}/ws/jeu/{pin}/joueur/{PROTOCOL}",
            origin=page_origin(ports[index % len(ports)]),
            additional_headers={"Cookie": cookie},
            open_timeout=60,
            max_queue=None,
        ) as socket:
            first = json.loads(await socket.recv())
            assert first["type"] == "snapshot", first
            out["join"].append((time.perf_counter() - began) * 1000)
            connected.set()
            sent_at = 0.0
            async for raw in socket:
                parsed = json.loads(raw)
                # Protocol 2: one write may hold the frames of one delivery, as a list.
                for message in parsed if isinstance(parsed, list) else [parsed]:
                    kind = message["type"]
                    if kind == "question_opened":
                        q = message["data"]["index"]
                        out["received"].append((q, time.time()))
                        out["size"] = len(raw.encode())
                        sent_at = time.perf_counter()
                        out["sent"] += 1
                        await socket.send(json.dumps({"type": "answer", "q": q, "answer": [0]}))
                    elif kind == "player_result":
                        out["results"].append((message["data"]["index"], time.time()))
                    elif kind == "ack":
                        out["ack"].append((time.perf_counter() - sent_at) * 1000)
                        out["acked"] += 1
                    elif kind == "error":
                        out["errors"].append(message["code"])
                    elif kind == "game_finished":
                        return

    events, tasks = [], []
    for number, (index, cookie) in enumerate(phones_):
        events.append(asyncio.Event())
        tasks.append(asyncio.create_task(phone(index, cookie, events[-1])))
        if number % 25 == 24:
            await asyncio.sleep(0.05)  # a class does not connect in the same millisecond
    await asyncio.wait_for(asyncio.gather(*(event.wait() for event in events)), 300)
    ready.put("ready")
    await asyncio.wait_for(asyncio.gather(*tasks), 600)
    return out


async def warm_up(klass: dict, port: int) -> None:
    """The first phone's socket opens and closes (it joins again with the others)."""
    import websockets

    async with websockets.connect(
        f"ws://127.0.0.1:{port}/ws/jeu/{klass['pin']}/joueur/{PROTOCOL}",
        origin=page_origin(port),
        additional_headers={"Cookie": klass["players"][0]["cookie"]},
    ) as socket:
        await socket.recv()


def client_process(pin, phones_, ports, ready, results):
    results.put(asyncio.run(phones(pin, phones_, ports, ready)))


async def host_plays(pin: str, host_cookie: str, port: int, pause_s: float) -> tuple[dict, dict]:
    """The teacher: start, then "next" after each reveal. Returns when each question was asked
    and when the class screen showed each reveal."""
    import websockets

    asked, revealed = {}, {}
    async with websockets.connect(
        f"ws://127.0.0.1:{port}/ws/jeu/{pin}/hote/",
        origin=page_origin(port),
        additional_headers={"Cookie": host_cookie},
        max_queue=None,
    ) as host:
        await host.recv()  # snapshot
        for q in range(QUESTIONS):
            asked[q] = time.time()
            await host.send(json.dumps({"type": "start" if q == 0 else "next"}))
            while True:  # every phone answered: the engine reveals by itself
                message = json.loads(await asyncio.wait_for(host.recv(), 120))
                if message["type"] == "question_revealed":
                    revealed[q] = time.time()
                    break
            await asyncio.sleep(pause_s)
        await host.send(json.dumps({"type": "next"}))
        while json.loads(await asyncio.wait_for(host.recv(), 120))["type"] != "game_finished":
            pass
    return asked, revealed


def play(klass: dict, servers, pinned: bool, spies: list, pause_s: float) -> dict:
    import multiprocessing

    context = multiprocessing.get_context("spawn")
    ready, results = context.Queue(), context.Queue()
    ports = [port for _, port in servers]
    if pinned:  # every socket of the game on one process, as nginx's `hash` on the PIN does
        ports = ports[:1]
    cookies = list(enumerate(player["cookie"] for player in klass["players"]))
    workers = [
        context.Process(
            target=client_process,
            args=(klass["pin"], cookies[k::CLIENT_PROCESSES], ports, ready, results),
        )
        for k in range(CLIENT_PROCESSES)
    ]
    started = time.perf_counter()
    cpu_before = sum(cpu_s(process.pid) for process, _ in servers)
    for worker in workers:
        worker.start()
    for _ in workers:
        ready.get(timeout=300)
    join_all_s = time.perf_counter() - started
    time.sleep(0.5)
    rss = sum(rss_kib(process.pid) for process, _ in servers)
    cpu_joined = sum(cpu_s(process.pid) for process, _ in servers)
    clients_joined = sum(cpu_s(worker.pid) for worker in workers)
    services_joined = services_cpu_s()
    if os.environ.get("BENCH_PYSPY_GAME"):
        spies += spy_on(servers)
        time.sleep(0.5)  # py-spy attaches
    game_began = time.perf_counter()
    asked, revealed = asyncio.run(host_plays(klass["pin"], klass["host_cookie"], ports[0], pause_s))
    game_s = time.perf_counter() - game_began
    cpu_played = sum(cpu_s(process.pid) for process, _ in servers)
    clients_played = sum(cpu_s(worker.pid) for worker in workers)
    services_played = services_cpu_s()
    parts = [results.get(timeout=300) for _ in workers]
    for worker in workers:
        worker.join(30)
    merged = {key: [] for key in ("join", "ack", "errors", "failed")}
    merged.update(sent=0, acked=0, by_question={q: [] for q in asked})
    merged["result_lag"] = {q: [] for q in revealed}
    for part in parts:
        for key in ("join", "ack", "errors", "failed"):
            merged[key] += part[key]
        merged["sent"] += part["sent"]
        merged["acked"] += part["acked"]
        merged["frame_bytes"] = part["size"]
        for q, at in part["received"]:
            merged["by_question"][q].append((at - asked[q]) * 1000)
        for q, at in part["results"]:
            merged["result_lag"][q].append((at - revealed[q]) * 1000)
    merged.update(
        broadcast=[ms for times in merged["by_question"].values() for ms in times],
        join_all_s=join_all_s,
        rss_connected_kib=rss,
        cpu_join_s=cpu_joined - cpu_before,
        cpu_game_s=cpu_played - cpu_joined,
        game_s=game_s,
        cpu_clients_game_s=clients_played - clients_joined,
        cpu_services_game_s={
            name: services_played[name] - services_joined[name] for name in services_played
        },
    )
    return merged


def run(players: int, scaled: bool, pinned: bool, pause_s: float) -> dict:
    import ws_floor

    # The floor before and after, while nothing else of this run is up: same clients, same
    # machine, on both sides of the game.
    floor_join, floor = ws_floor.measure(players, CLIENT_PROCESSES)
    with tempfile.TemporaryDirectory(prefix="mej-bench-") as tmp:
        env = Environment(scaled, Path(tmp))
        try:
            klass, join_service_ms = prepare_session(players)
            servers = start_servers(env, 2 if scaled else 1)
            spies = [] if os.environ.get("BENCH_PYSPY_GAME") else spy_on(servers)
            try:
                time.sleep(0.5)
                # One phone joins and leaves first, on each server: the code Python imports
                # on the first game socket is not memory per phone.
                for _, port in servers:
                    asyncio.run(warm_up(klass, port))
                time.sleep(0.5)
                idle_rss = sum(rss_kib(process.pid) for process, _ in servers)
                results = play(klass, servers, pinned, spies, pause_s)
            finally:
                for spy in spies:
                    spy.send_signal(signal.SIGINT)
                    spy.wait(30)
                for process, _ in servers:
                    process.terminate()
                    process.wait(10)
            floor_after = ws_floor.measure(players, CLIENT_PROCESSES)[1]
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
                floor=floor + floor_after,
                floor_before=floor,
                floor_after=floor_after,
                floor_join=floor_join,
                players=players,
                scaled=scaled,
                pinned=pinned,
                pause_s=pause_s,
                rows=rows,
                duplicates=duplicates,
                expected=players * QUESTIONS,
                join_service_ms=join_service_ms,
                # Per phone actually connected (a phone that failed to join holds nothing).
                rss_per_player_kib=(results["rss_connected_kib"] - idle_rss)
                / max(len(results["join"]), 1),
            )
            return results
        finally:
            env.drop()


def per_question_p99(by_question: dict[int, list[float]]) -> str:
    return ", ".join(
        f"q{q + 1} {percentile(times, 99):.1f} ms"
        for q, times in sorted(by_question.items())
        if times
    )


def ws_floor_bytes() -> int:
    import ws_floor

    return ws_floor.FRAME_BYTES


def report(results: dict) -> None:
    mode = (
        "scaled (2 daphne, PostgreSQL, Redis pub/sub)"
        if results["scaled"]
        else "embedded (1 daphne, SQLite, in-memory layer)"
    )
    if results["pinned"]:
        mode += ", the game's sockets pinned to the first daphne"
    if results["pause_s"]:
        mode += f", next {results['pause_s']:g} s after each reveal"
    else:
        mode += ", next as soon as the class screen shows each reveal"

    lost = results["expected"] - min(results["acked"], results["rows"])
    print(f"\n== N = {results['players']} phones, {QUESTIONS} questions, {mode}")
    failed = Counter(results["failed"])
    print(
        f"join (socket open -> snapshot): {summary(results['join'])}; all joined in {results['join_all_s']:.2f} s"
        + (f"; phones failed: {dict(failed)}" if failed else "")
    )
    print(
        f"floor join (bare websockets, socket open -> first frame): {summary(results['floor_join'])}"
    )
    print(
        f"join service (nickname -> player row + engine join): {results['join_service_ms']:.1f} ms per player"
    )
    floor_p99 = percentile(results["floor"], 99)
    ratio = percentile(results["broadcast"], 99) / floor_p99
    print(
        f"floor (bare websockets broadcast, {ws_floor_bytes()} B frame): {summary(results['floor'])}"
        f"; p99 before the game {percentile(results['floor_before'], 99):.1f} ms, "
        f"after {percentile(results['floor_after'], 99):.1f} ms"
    )
    print(
        f"broadcast (next -> question on phone): {summary(results['broadcast'])}; "
        f"ratio to floor p99 {ratio:.2f}x ({results['frame_bytes']} B frame)"
    )
    # "start" reaches idle phones; a "next" sent back-to-back with a reveal reaches phones
    # still reading their results of it.
    print(f"broadcast p99 per question: {per_question_p99(results['by_question'])}")
    print(
        "phone results after the class screen's reveal, p99 per question: "
        + per_question_p99(results["result_lag"])
    )
    print(f"answer ack: {summary(results['ack'])}")
    print(
        f"answers: sent {results['sent']}, acked {results['acked']}, rows {results['rows']}, "
        f"expected {results['expected']}, lost {lost}, duplicates {results['duplicates']}, "
        f"errors {sorted(set(results['errors']))}"
    )
    print(f"server memory: {results['rss_per_player_kib']:.1f} KiB per connected player")
    print(
        f"server CPU: join {results['cpu_join_s']:.2f} s, game {results['cpu_game_s']:.2f} s "
        f"({results['cpu_game_s'] * 1e6 / results['expected']:.0f} µs per answer, with its broadcasts)"
    )
    services = ", ".join(f"{k} {v:.2f} s" for k, v in results["cpu_services_game_s"].items())
    print(
        f"machine CPU during the game ({results['game_s']:.2f} s on {os.cpu_count()} cores): "
        f"daphne {results['cpu_game_s']:.2f} s, clients {results['cpu_clients_game_s']:.2f} s, "
        + services
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--players", type=int, nargs="+", default=[30, 300])
    parser.add_argument("--scaled", action="store_true")
    parser.add_argument(
        "--pinned",
        action="store_true",
        help="scaled, but every phone on the first daphne (nginx hash on the PIN)",
    )
    parser.add_argument(
        "--back-to-back",
        action="store_true",
        help="the host calls next the instant its screen shows a reveal (no teacher pause)",
    )
    parser.add_argument("--one", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    args.scaled = args.scaled or args.pinned
    if args.one:
        pause_s = 0.0 if args.back_to_back else TEACHER_PAUSE_S
        report(run(args.players[0], args.scaled, args.pinned, pause_s))
        return
    print(
        f"machine: {os.cpu_count()} cores, Python {platform.python_version()}, {platform.platform()}"
    )
    print(f"command: {' '.join([Path(sys.executable).name, *sys.argv])}", flush=True)
    for players in args.players:
        # One process per size: Django binds this process to one database at setup.
        flags = ["--scaled"] if args.scaled else []
        flags += ["--pinned"] if args.pinned else []
        flags += ["--back-to-back"] if args.back_to_back else []
        subprocess.run(  # noqa: S603 - this very script
            [sys.executable, __file__, "--one", "--players", str(players), *flags], check=True
        )


if __name__ == "__main__":
    main()
