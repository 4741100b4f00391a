"""Issue 8's "done when", measured: hostile phones, a forum behind one address, Redis killed.

    .venv/bin/python bench/hostile_class.py hostile   # 100 honest phones + attackers
    .venv/bin/python bench/hostile_class.py nat       # 2,000 phones join from one address
    .venv/bin/python bench/hostile_class.py redis     # scaled mode, Redis killed for 3 s

hostile: a whole 3-question quiz played by --honest phones while attacker sockets send
  --frames malformed frames of every kind (bench/malformed.py): 8 sockets on one player's
  cookie, and 3 sockets on each of many other players' cookies, reconnecting whenever the
  server closes them. Reported: frames sent, unhandled exceptions in the server log,
  sockets closed with 1011, frames each honest phone missed, honest answers lost, rows
  written for attackers (must be none: their frames are all invalid).
nat: --phones phones join one game through the real pages (PIN, nickname) from 127.0.0.1,
  32 at a time, while 4 scripts on the same address type wrong PINs non-stop; then every
  phone opens its socket, and 20 phones already in the game reconnect. Reported: joins that
  failed, join time, guesses answered per second once the address is slowed down,
  reconnection time.
redis: 2 daphne on PostgreSQL and a Redis of the bench's own (port 6391, so the machine's
  Redis is untouched); --phones phones answer 3 questions; right after question 2 opens,
  Redis is killed (SIGKILL) for 3 s while a prober loads the join page. Reported: answers
  sent, acked, rows, lost and doubled; HTTP statuses during the outage (no 500).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import platform
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from load_quiz import (  # noqa: E402 - the bench folder is on the path from here on
    Environment,
    page_origin,
    start_servers,
    summary,
)

sys.path.insert(0, str(BENCH.parent))
from tests.support.malformed import frames as malformed_frames  # noqa: E402

QUESTIONS = 3
EXPECTED_PER_PHONE = {
    "question_opened": QUESTIONS,
    "question_revealed": QUESTIONS,
    "player_result": QUESTIONS,
    "game_finished": 1,
    "player_final": 1,
}


def spec() -> dict:
    return {
        "title": "Classe sous attaque",
        "kind": "quiz",
        "questions": [
            {
                "id": f"q{n}",
                "kind": "choice",
                "prompt": f"Question {n + 1} : qui conduit la ligne de production ?",
                "options": ["Conducteur de ligne", "Fleuriste", "Boulanger"],
                "correct": [0],
                "time_limit_s": 120,
                "points": 1000,
                "explanation": "Il surveille et règle la ligne.",
                "metiers": [],
            }
            for n in range(QUESTIONS)
        ],
    }


def make_class(nicknames: list[str]) -> dict:
    import django

    django.setup()
    from tests.support.scripted import create_class

    return create_class(spec(), nicknames)


def websocket(port: int, pin: str, cookie: str, role: str = "joueur"):
    import websockets

    return websockets.connect(
        f"ws://127.0.0.1:{port}/ws/jeu/{pin}/{role}/",
        origin=page_origin(port),
        additional_headers={"Cookie": cookie},
        open_timeout=60,
        max_queue=None,
        max_size=None,
    )


# -- a phone that plays honestly ---------------------------------------------------------


async def honest_phone(port: int, pin: str, cookie: str, out: dict) -> None:
    """Answers each question once, resends on "try_again", reconnects if dropped."""
    import websockets

    counts, acked, asked = Counter(), set(), {}
    while True:
        try:
            async with websocket(port, pin, cookie) as socket:
                async for raw in socket:
                    message = json.loads(raw)
                    kind = message["type"]
                    counts[kind] += 1
                    if kind == "snapshot":
                        q = message["data"].get("question_index")
                        if message["data"].get("phase") == "question" and q not in acked:
                            await answer(socket, q, asked, out)
                    elif kind == "question_opened":
                        await answer(socket, message["data"]["index"], asked, out)
                    elif kind == "ack":
                        acked.add(int(message["ref"][1:]))
                        out["ack"].append(
                            (time.perf_counter() - asked[int(message["ref"][1:])]) * 1000
                        )
                    elif kind == "error":
                        out["errors"][message["code"]] += 1
                        if message["code"] == "try_again":
                            await asyncio.sleep(message["retry_after_ms"] / 1000)
                            q = int(message["ref"][1:])
                            await socket.send(
                                json.dumps(
                                    {"type": "answer", "q": q, "answer": [0], "ref": f"q{q}"}
                                )
                            )
                    elif kind == "player_final":
                        break
            break
        except (websockets.ConnectionClosed, OSError) as error:
            out["drops"][getattr(error, "code", None) or type(error).__name__] += 1
            await asyncio.sleep(0.5)
    out["sent"] += len(asked)
    out["acked"] += len(acked)
    for kind, expected in EXPECTED_PER_PHONE.items():
        out["missed"] += max(expected - counts[kind], 0)


async def answer(socket, q: int, asked: dict, out: dict) -> None:
    if q in asked:
        return
    asked[q] = time.perf_counter()
    await socket.send(json.dumps({"type": "answer", "q": q, "answer": [0], "ref": f"q{q}"}))


def honest_process(port, pin, cookies, ready, results):
    async def main():
        out = {
            "ack": [],
            "errors": Counter(),
            "drops": Counter(),
            "missed": 0,
            "sent": 0,
            "acked": 0,
        }
        tasks = [asyncio.create_task(honest_phone(port, pin, cookie, out)) for cookie in cookies]
        ready.put("ready")
        await asyncio.wait_for(asyncio.gather(*tasks), 900)
        return out

    results.put(asyncio.run(main()))


# -- attackers ---------------------------------------------------------------------------


def attacker_process(port, pin, sockets, target, sent_counter, stop, results):
    """`sockets`: one cookie per attacking socket (the same cookie several times for the
    eight-sockets-on-one-cookie attack). Each sends at 4 frames a second (under the flood
    limit, so that every frame reaches the parser) until `target` frames went out."""
    import websockets

    closes = Counter()
    pool = malformed_frames()
    lock = asyncio.Lock()

    async def attacker(cookie: str) -> None:
        while not stop.is_set() and sent_counter.value < target:
            try:
                async with websocket(port, pin, cookie) as socket:
                    reader = asyncio.create_task(drain(socket))
                    while not stop.is_set() and sent_counter.value < target:
                        async with lock:
                            text = next(pool)
                        await socket.send(text)
                        with sent_counter.get_lock():
                            sent_counter.value += 1
                        await asyncio.sleep(0.25)
                    reader.cancel()
            except websockets.ConnectionClosed as closed:
                closes[closed.rcvd.code if closed.rcvd else "none"] += 1
            except OSError:
                closes["os_error"] += 1
                await asyncio.sleep(0.2)

    async def drain(socket):
        with contextlib.suppress(websockets.ConnectionClosed):
            async for _ in socket:
                pass

    async def main():
        await asyncio.gather(*(attacker(cookie) for cookie in sockets))

    asyncio.run(main())
    results.put(dict(closes))


# -- scenario: a hostile class ----------------------------------------------------------


def scenario_hostile(honest: int, target: int) -> dict:
    import multiprocessing

    attacker_cookies = 27
    with tempfile.TemporaryDirectory(prefix="mej-hostile-") as tmp:
        env = Environment(False, Path(tmp))
        klass = make_class(
            [f"Élève {n}" for n in range(honest)]
            + [f"Farceur {n}" for n in range(attacker_cookies)]
        )
        players = klass["players"]
        good, bad = players[:honest], players[honest:]
        log = Path(tmp) / "daphne.log"
        os.environ["BENCH_SERVER_LOG"] = str(log)
        servers = start_servers(env, 1)
        port = servers[0][1]
        context = multiprocessing.get_context("spawn")
        ready, results, attack_results = context.Queue(), context.Queue(), context.Queue()
        sent, stop = context.Value("i", 0), context.Event()
        # 8 sockets on the first attacker's cookie, 3 on each of the others.
        sockets = [bad[0]["cookie"]] * 8 + [p["cookie"] for p in bad[1:] for _ in range(3)]
        phones = context.Process(
            target=honest_process,
            args=(port, klass["pin"], [p["cookie"] for p in good], ready, results),
        )
        attackers = context.Process(
            target=attacker_process,
            args=(port, klass["pin"], sockets, target, sent, stop, attack_results),
        )
        started = time.perf_counter()
        try:
            phones.start()
            ready.get(timeout=120)
            time.sleep(3)  # the honest phones' sockets open
            attackers.start()
            asyncio.run(
                host_plays(
                    port, klass, honest, lambda q: sent.value >= target * (q + 1) / QUESTIONS
                )
            )
            stop.set()
            out = results.get(timeout=300)
            closes = attack_results.get(timeout=120)
            phones.join(30)
            attackers.join(30)
        finally:
            for process, _ in servers:
                process.terminate()
                process.wait(10)
        text = log.read_text(errors="replace")
        Path(tempfile.gettempdir(), "mej-hostile-server.log").write_text(text)  # to read after
        from games.models import Answer

        rows = Answer.objects.filter(session_id=klass["session_id"])
        bad_ids = [int(p["player_id"]) for p in bad]
        return {
            "honest": honest,
            "elapsed_s": time.perf_counter() - started,
            "frames": sent.value,
            "tracebacks": text.count("Traceback"),
            "error_lines": len(re.findall(r"\bERROR\b", text)),
            "attacker_closes": closes,
            "honest_drops": dict(out["drops"]),
            "missed": out["missed"],
            "sent": out["sent"],
            "acked": out["acked"],
            "honest_rows": rows.exclude(player_id__in=bad_ids).count(),
            "attacker_rows": rows.filter(player_id__in=bad_ids).count(),
            "ack": out["ack"],
        }


async def host_plays(port: int, klass: dict, honest: int, may_close) -> None:
    """Start, then close each question once every honest phone answered and `may_close(q)`."""
    async with websocket(port, klass["pin"], klass["host_cookie"], "hote") as host:
        await host.recv()
        for q in range(QUESTIONS):
            await host.send(json.dumps({"type": "start" if q == 0 else "next"}))
            answered = 0
            while answered < honest or not may_close(q):
                try:
                    message = json.loads(await asyncio.wait_for(host.recv(), 1))
                except TimeoutError:
                    continue
                if message["type"] == "answer_count":
                    answered = message["data"]["answered"]
            await host.send(json.dumps({"type": "close"}))
            while (
                json.loads(await asyncio.wait_for(host.recv(), 60))["type"] != "question_revealed"
            ):
                pass
        await host.send(json.dumps({"type": "next"}))
        while json.loads(await asyncio.wait_for(host.recv(), 60))["type"] != "game_finished":
            pass


def report_hostile(r: dict) -> None:
    print(
        f"\n== hostile class: {r['honest']} honest phones, attackers on 27 cookies (8 sockets on one)"
    )
    print(f"malformed frames sent: {r['frames']} in {r['elapsed_s']:.0f} s")
    print(f"server log: {r['tracebacks']} tracebacks, {r['error_lines']} ERROR lines")
    print(f"attacker sockets closed by the server, by code: {r['attacker_closes']}")
    print(f"honest phones: frames missed {r['missed']}, drops {r['honest_drops'] or 'none'}")
    print(
        f"honest answers: sent {r['sent']}, acked {r['acked']}, rows {r['honest_rows']}, "
        f"lost {r['sent'] - min(r['acked'], r['honest_rows'])}; rows written for attackers {r['attacker_rows']}"
    )
    print(f"honest answer ack: {summary(r['ack'])}")


# -- scenario: a forum behind one address ------------------------------------------------


def scenario_nat(count: int) -> dict:
    import requests

    from games.access import throttle

    with tempfile.TemporaryDirectory(prefix="mej-nat-") as tmp:
        env = Environment(False, Path(tmp))
        env.env["GAMES_PIN_SLOW_DOWN_MS"] = "2000"
        env.env["GAMES_MAX_PLAYERS"] = str(count + 100)  # room for the late joiners of phase 3
        klass = make_class([])
        servers = start_servers(env, 1)
        port = servers[0][1]
        base = f"http://127.0.0.1:{port}"
        pin = klass["pin"]
        wrong_pin = "100000" if pin != "100000" else "100001"
        lock = threading.Lock()
        stop = threading.Event()
        guesses = []
        out = {"typed": [], "typed_fail": Counter(), "cookies": []}

        def join_one(n: int, into: str = "typed", via_qr: bool = False) -> None:
            session = requests.Session()
            started = time.perf_counter()
            if via_qr:
                page_url = f"{base}/jouer/{pin}/?k={qr}"
            else:
                if n % 20 == 0:  # one phone in twenty mistypes the PIN first
                    session.post(
                        f"{base}/jouer/", data={"pin": wrong_pin}, headers=csrf(session, base)
                    )
                session.post(
                    f"{base}/jouer/",
                    data={"pin": pin},
                    headers=csrf(session, base),
                    allow_redirects=False,
                )
                page_url = f"{base}/jouer/{pin}/"
            page = session.get(page_url, timeout=300)
            token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
            response = session.post(
                page_url,
                data={
                    "nickname": f"Forum {into} {n}",
                    "csrfmiddlewaretoken": token.group(1) if token else "",
                },
                allow_redirects=False,
                timeout=300,
            )
            with lock:
                if response.status_code == 302:
                    out.setdefault(into, []).append((time.perf_counter() - started) * 1000)
                    out["cookies"].append(
                        "; ".join(
                            f"{k}={v}" for k, v in session.cookies.items() if k.startswith("mej_p")
                        )
                    )
                else:
                    out[f"{into}_fail"] = out.get(f"{into}_fail", Counter())
                    out[f"{into}_fail"][response.status_code] += 1

        def scanner(seed: int) -> None:
            session = requests.Session()
            n = seed
            while not stop.is_set():
                n += 7
                started = time.perf_counter()
                try:
                    response = session.post(
                        f"{base}/jouer/",
                        data={"pin": f"{100000 + n % 899999}"},
                        headers=csrf(session, base),
                        timeout=60,
                    )
                    status = response.status_code
                except requests.RequestException as error:
                    status = type(error).__name__
                with lock:
                    guesses.append((time.time(), status, time.perf_counter() - started))

        from concurrent.futures import ThreadPoolExecutor

        qr = throttle.qr_key(pin)
        try:
            started = time.perf_counter()
            with ThreadPoolExecutor(32) as pool:
                list(pool.map(join_one, range(count)))
            join_all_s = time.perf_counter() - started
            sockets_ms, _ = asyncio.run(open_sockets(port, pin, out["cookies"][:count], 0))
            scanners = [threading.Thread(target=scanner, args=(k,)) for k in range(4)]
            for thread in scanners:
                thread.start()
            while len(guesses) < 400:  # past the budget of 300 wrong PINs a minute
                time.sleep(0.2)
            _, reconnect_ms = asyncio.run(open_sockets(port, pin, out["cookies"][:20], 20))
            with ThreadPoolExecutor(10) as pool:
                list(pool.map(lambda n: join_one(n, "qr", via_qr=True), range(50)))
                list(pool.map(lambda n: join_one(n, "typed_late"), range(10)))
            stop.set()
            for thread in scanners:
                thread.join(60)
        finally:
            stop.set()
            for process, _ in servers:
                process.terminate()
                process.wait(30)
        # Past the budget (300 wrong PINs in the minute's window) a guess waits the slow-down.
        slowed = [g for g in guesses if g[2] >= 1.9]
        span = (guesses[-1][0] - guesses[0][0]) if len(guesses) > 1 else 1
        return {
            "count": count,
            "joined": len(out["typed"]),
            "failures": dict(out.get("typed_fail", {})),
            "join_ms": out["typed"],
            "join_all_s": join_all_s,
            "sockets_ms": sockets_ms,
            "reconnect_ms": reconnect_ms,
            "qr_ms": out.get("qr", []),
            "qr_fail": dict(out.get("qr_fail", {})),
            "late_ms": out.get("typed_late", []),
            "late_fail": dict(out.get("typed_late_fail", {})),
            "guesses": len(guesses),
            "guess_statuses": dict(Counter(g[1] for g in guesses)),
            "guess_rate": len(guesses) / span,
            "guess_slowed": len(slowed),
            "guess_ms": [g[2] * 1000 for g in guesses],
        }


def csrf(session, base: str) -> dict:
    if "csrftoken" not in session.cookies:
        session.get(f"{base}/jouer/", timeout=60)
    return {"X-CSRFToken": session.cookies.get("csrftoken", "")}


async def open_sockets(port: int, pin: str, cookies: list[str], again: int):
    """Every cookie opens its socket (50 at a time); then the first `again` reconnect."""
    import websockets

    opened, reconnected = [], []
    gate = asyncio.Semaphore(50)  # a forum's phones do not all press "join" in one instant

    async def one(cookie: str, into: list) -> None:
        async with gate:
            started = time.perf_counter()
            for _attempt in range(5):  # a handshake the busy server dropped: the phone retries
                try:
                    async with websocket(port, pin, cookie) as socket:
                        first = json.loads(await socket.recv())
                        assert first["type"] == "snapshot", first
                        into.append((time.perf_counter() - started) * 1000)
                        return
                except (websockets.InvalidMessage, OSError):
                    await asyncio.sleep(0.5)

    await asyncio.gather(*(one(cookie, opened) for cookie in cookies))
    await asyncio.gather(*(one(cookie, reconnected) for cookie in cookies[:again]))
    return opened, reconnected


def report_nat(r: dict) -> None:
    print(
        f"\n== forum behind one address: {r['count']} phones type the PIN (1 in 20 mistypes it first) from 127.0.0.1"
    )
    print(
        f"joined {r['joined']} of {r['count']}, failures {r['failures'] or 'none'}, all in {r['join_all_s']:.1f} s"
    )
    print(f"join (PIN, nickname page, nickname): {summary(r['join_ms'])}")
    print(f"sockets of the joined phones (open -> snapshot): {summary(r['sockets_ms'])}")
    print("then 4 scripts on the same address type wrong PINs non-stop:")
    print(
        f"  wrong PINs answered: {r['guesses']} ({r['guess_statuses']}), {r['guess_rate']:.1f} a second, "
        f"{r['guess_slowed']} of them slowed down; each {summary(r['guess_ms'])}"
    )
    print(f"  reconnection of 20 phones already in the game: {summary(r['reconnect_ms'])}")
    print(
        f"  50 new phones through the QR code's link: {summary(r['qr_ms'])}, failures {r['qr_fail'] or 'none'}"
    )
    print(
        f"  10 new phones typing the PIN (slowed down): {summary(r['late_ms'])}, failures {r['late_fail'] or 'none'}"
    )


# -- scenario: Redis killed in the middle of an answer burst ------------------------------

REDIS_PORT = 6391
REDIS_SERVER = shutil.which("redis-server") or "/usr/bin/redis-server"
REDIS_CLI = shutil.which("redis-cli") or "/usr/bin/redis-cli"


def start_redis() -> subprocess.Popen:
    process = subprocess.Popen(  # noqa: S603 - the machine's redis-server, a private port
        [REDIS_SERVER, "--port", str(REDIS_PORT), "--bind", "127.0.0.1", "--save", ""],
        stdout=subprocess.DEVNULL,
    )
    for _ in range(50):
        ping = [REDIS_CLI, "-p", str(REDIS_PORT), "ping"]
        if subprocess.run(ping, capture_output=True, text=True).stdout.strip() == "PONG":  # noqa: S603
            return process
        time.sleep(0.1)
    raise RuntimeError("redis-server did not start")


def scenario_redis(count: int) -> dict:
    import multiprocessing

    import requests

    redis = start_redis()
    os.environ["BENCH_REDIS_URL"] = f"redis://127.0.0.1:{REDIS_PORT}/0"
    with tempfile.TemporaryDirectory(prefix="mej-redis-") as tmp:
        env = Environment(True, Path(tmp))
        try:
            klass = make_class([f"Joueur {n}" for n in range(count)])
            os.environ.pop("BENCH_SERVER_LOG", None)  # one log per server, read at the end
            servers = start_servers(env, 2)
            ports = [port for _, port in servers]
            context = multiprocessing.get_context("spawn")
            ready, results = context.Queue(), context.Queue()
            cookies = [p["cookie"] for p in klass["players"]]
            workers = [
                context.Process(
                    target=honest_process,
                    args=(ports[k], klass["pin"], cookies[k::2], ready, results),
                )
                for k in range(2)
            ]
            statuses = Counter()
            for worker in workers:
                worker.start()
            for _ in workers:
                ready.get(timeout=120)
            time.sleep(3)
            outage = {}

            def kill_for_3_s():
                nonlocal redis
                outage["at"] = time.time()
                redis.send_signal(signal.SIGKILL)
                redis.wait(10)
                until = time.monotonic() + 3
                # The pages a phone opens meanwhile: the PIN form and the game's nickname page.
                pages = ["/jouer/", f"/jouer/{klass['pin']}/"]
                while time.monotonic() < until:
                    for port in ports:
                        for page in pages:
                            url = f"http://127.0.0.1:{port}{page}"
                            try:
                                statuses[requests.get(url, timeout=10).status_code] += 1
                            except requests.RequestException as error:
                                statuses[type(error).__name__] += 1
                    time.sleep(0.1)
                redis = start_redis()
                outage["back"] = time.time()

            killer = None

            async def play():
                nonlocal killer
                async with websocket(ports[0], klass["pin"], klass["host_cookie"], "hote") as host:
                    await host.recv()
                    for q in range(QUESTIONS):
                        await host.send(json.dumps({"type": "start" if q == 0 else "next"}))
                        if q == 1:
                            await asyncio.sleep(0.05)  # the answers of question 2 are arriving
                            killer = threading.Thread(target=kill_for_3_s)
                            killer.start()
                        while True:
                            try:
                                message = json.loads(await asyncio.wait_for(host.recv(), 90))
                            except TimeoutError:
                                await host.send(json.dumps({"type": "close"}))
                                continue
                            if message["type"] == "question_revealed":
                                break
                            # A snapshot sent after the outage (the reveal may have been
                            # published before this process heard Redis again).
                            data = message.get("data", {})
                            if (
                                message["type"] == "snapshot"
                                and data.get("question_index") == q
                                and data.get("phase") in {"reveal", "finished"}
                            ):
                                break
                    await host.send(json.dumps({"type": "next"}))
                    while (
                        json.loads(await asyncio.wait_for(host.recv(), 90))["type"]
                        != "game_finished"
                    ):
                        pass

            asyncio.run(play())
            killer.join(30)
            parts = [results.get(timeout=300) for _ in workers]
            for worker in workers:
                worker.join(30)
            for process, _ in servers:
                process.terminate()
                process.wait(10)
            from django.db.models import Count

            from games.models import Answer

            rows = Answer.objects.filter(session_id=klass["session_id"])
            doubled = (
                rows.values("player", "question_index")
                .annotate(n=Count("id"))
                .filter(n__gt=1)
                .count()
            )
            text = "".join(f.read_text(errors="replace") for f in Path(tmp).glob("daphne-*.log"))
            return {
                "count": count,
                "sent": sum(p["sent"] for p in parts),
                "acked": sum(p["acked"] for p in parts),
                "rows": rows.count(),
                "doubled": doubled,
                "missed": sum(p["missed"] for p in parts),
                "errors": sum((p["errors"] for p in parts), Counter()),
                "drops": sum((p["drops"] for p in parts), Counter()),
                "statuses": dict(statuses),
                "tracebacks": text.count("Traceback"),
                "ack": [ms for p in parts for ms in p["ack"]],
            }
        finally:
            env.drop()
            redis.terminate()


def report_redis(r: dict) -> None:
    print(
        f"\n== scaled mode (2 daphne, PostgreSQL, Redis), {r['count']} phones, Redis killed for 3 s during question 2"
    )
    lost = r["count"] * QUESTIONS - min(r["acked"], r["rows"])
    print(
        f"answers: sent {r['sent']}, acked {r['acked']}, rows {r['rows']}, lost {lost}, doubled {r['doubled']}"
    )
    print(
        f"frames missed by phones (recovered by snapshot): {r['missed']}; phones' errors {dict(r['errors']) or 'none'}; drops {dict(r['drops']) or 'none'}"
    )
    print(f"join pages during the outage, by status: {r['statuses']}")
    print(f"server log: {r['tracebacks']} tracebacks")
    print(f"answer ack: {summary(r['ack'])}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("scenario", choices=["hostile", "nat", "redis"])
    parser.add_argument("--honest", type=int, default=100)
    parser.add_argument("--frames", type=int, default=20_000)
    parser.add_argument("--phones", type=int, default=None)
    args = parser.parse_args()
    print(
        f"machine: {os.cpu_count()} cores, Python {platform.python_version()}, {platform.platform()}"
    )
    print(f"command: {' '.join([Path(sys.executable).name, *sys.argv])}", flush=True)
    if args.scenario == "hostile":
        report_hostile(scenario_hostile(args.honest, args.frames))
    elif args.scenario == "nat":
        report_nat(scenario_nat(args.phones or 2_000))
    else:
        report_redis(scenario_redis(args.phones or 200))


if __name__ == "__main__":
    main()
