"""Load benchmark: an escape game played by T teams of P phones on one PIN, over real websockets.

    .venv/bin/python bench/load_escape.py                       # 30 teams of 5 phones
    .venv/bin/python bench/load_escape.py --teams 60 --team-size 5

A fresh SQLite database is migrated, an escape game with ENIGMES padlocks is launched with T
teams and T x P players joined through the join service (automatic placement fills the teams
evenly); one daphne process serves it (the embedded default: SQLite, in-memory layer). The
host starts; on every énigme of its team each phone sends codes at once, the worst case for
the engine's one-correct-attempt rule:
- the team's first WRONG_PHONES phones send a wrong code, then the right one once acked;
- the other phones send the right code straight away.
So every énigme gets a burst of T x P submissions across the game, of which exactly one per
team may solve it: the others must be refused (already_solved, wrong_enigme) and not counted.

Reported: submission reply time (ack or refusal, both sent after the batch commits) p50, p95,
p99; submissions without any reply (lost); correct Attempt rows per team and énigme (must be
exactly one: more is a double count) against acked right codes, and wrong rows against acked
wrong codes. The clients run in this process on the same machine as the server.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

# The database, daphne and percentile helpers of the quiz benchmark, shared as they are.
from load_quiz import (  # noqa: E402
    PROTOCOL,
    ROOT,
    Environment,
    page_origin,
    percentile,
    start_servers,
    summary,
)

ENIGMES = 4
WRONG_PHONES = 2  # fewer than the engine's LOCK_AFTER (3): wrong codes never lock a padlock
REPLY_TIMEOUT_S = 30
# The simulated phones run in this many processes, as in the quiz benchmark.
CLIENT_PROCESSES = 2
FINISHED_WAIT_S = 5


def escape_spec(teams: int, team_size: int) -> dict:
    enigmes = [
        {
            "id": f"e{n}",
            "title": f"Cadenas {n + 1}",
            "kind": "padlock_digits",
            "text": "Additionnez les nombres de vos fiches.",
            "solutions": [f"{4000 + n}"],
            "fragments": [f"Fiche {i + 1} : {i}" for i in range(team_size)],
            "metiers": [{"id": str(n), "title": f"Métier {n + 1}", "url": f"/metiers/{n}/"}],
        }
        for n in range(ENIGMES)
    ]
    return {
        "title": "Banc de charge escape",
        "duration_s": 3600,
        "team_size": team_size,
        "enigmes": enigmes,
        "teams": [{"id": f"t{n + 1}", "name": f"Équipe {n + 1}"} for n in range(teams)],
    }


def prepare_class(teams: int, team_size: int) -> dict:
    import django

    django.setup()
    from games.models import Player
    from tests.support.scripted import create_class

    nicknames = [f"Joueur {n + 1}" for n in range(teams * team_size)]
    klass = create_class(escape_spec(teams, team_size), nicknames, kind="escape")
    team_of = dict(
        Player.objects.filter(session_id=klass["session_id"]).values_list("pk", "team__key")
    )
    by_team: dict[str, list[dict]] = {}
    for player in klass["players"]:
        by_team.setdefault(team_of[int(player["player_id"])], []).append(player)
    klass["teams"] = by_team
    return klass


class Tally:
    """Every submission: when it left, what came back and how long it took."""

    def __init__(self):
        self.sent = Counter()  # "right" / "wrong" -> count
        self.replies: list[float] = []
        self.replies_by_outcome: dict[str, list[float]] = defaultdict(list)  # "ack" / code
        self.outcomes = Counter()  # ("right" | "wrong", "ack" | error code) -> count
        self.lost = 0
        self.game_s = 0.0

    def merge(self, other: Tally) -> None:
        self.sent.update(other.sent)
        self.replies += other.replies
        for outcome, times in other.replies_by_outcome.items():
            self.replies_by_outcome[outcome] += times
        self.outcomes.update(other.outcomes)
        self.lost += other.lost


async def phone(port: int, pin: str, player: dict, position: int, tally: Tally, connected):
    import websockets

    async with websockets.connect(
        f"ws://127.0.0.1:{port}/ws/jeu/{pin}/joueur/{PROTOCOL}",
        origin=page_origin(port),
        additional_headers={"Cookie": player["cookie"]},
        open_timeout=60,
        max_queue=None,
    ) as socket:
        pending: dict[str, tuple[str, float, str]] = {}  # ref -> (which, sent at, enigme)
        counter = 0

        async def submit(enigme_id: str, which: str):
            nonlocal counter
            counter += 1
            ref = f"{which}{counter}"
            number = int(enigme_id[1:])
            code = f"{4000 + number}" if which == "right" else "1111"
            pending[ref] = (which, time.perf_counter(), enigme_id)
            tally.sent[which] += 1
            await socket.send(
                json.dumps({"type": "submit", "enigme_id": enigme_id, "code": code, "ref": ref})
            )

        ready = json.loads(await socket.recv())
        assert ready["type"] == "snapshot", ready
        connected.release()
        finished = False
        waiting: list[dict] = []  # the frames of a protocol 2 list not yet handled
        while not (finished and not pending):
            if not waiting:
                try:
                    # After the end, replies still on their way (session_closed) get a short wait.
                    wait = FINISHED_WAIT_S if finished else REPLY_TIMEOUT_S
                    parsed = json.loads(await asyncio.wait_for(socket.recv(), wait))
                except TimeoutError:
                    tally.lost += len(pending)
                    return
                waiting = parsed if isinstance(parsed, list) else [parsed]
            message = waiting.pop(0)
            kind = message["type"]
            if kind == "enigme_opened":
                enigme_id = message["data"]["enigme"]["id"]
                await submit(enigme_id, "wrong" if position < WRONG_PHONES else "right")
            elif kind in {"ack", "error"} and message.get("ref") in pending:
                which, sent_at, enigme_id = pending.pop(message["ref"])
                outcome = "ack" if kind == "ack" else message["code"]
                tally.replies.append((time.perf_counter() - sent_at) * 1000)
                tally.replies_by_outcome[outcome].append(tally.replies[-1])
                tally.outcomes[(which, outcome)] += 1
                if which == "wrong" and kind == "ack":
                    await submit(enigme_id, "right")
            elif kind == "game_finished":
                finished = True


async def phones(port: int, pin: str, players: list[tuple[dict, int]], ready) -> Tally:
    tally = Tally()
    connected = asyncio.Semaphore(0)
    tasks = []
    for index, (player, position) in enumerate(players):
        tasks.append(asyncio.create_task(phone(port, pin, player, position, tally, connected)))
        if index % 50 == 49:
            await asyncio.sleep(0.05)  # a class does not connect in the same millisecond
    for _ in players:
        await asyncio.wait_for(connected.acquire(), 120)
    ready.put("connected")
    await asyncio.wait_for(asyncio.gather(*tasks), 600)
    return tally


def client_process(port, pin, players, ready, results) -> None:
    results.put(asyncio.run(phones(port, pin, players, ready)))


async def host_plays(port: int, klass: dict) -> float:
    import websockets

    async with websockets.connect(
        f"ws://127.0.0.1:{port}/ws/jeu/{klass['pin']}/hote/",
        origin=page_origin(port),
        additional_headers={"Cookie": klass["host_cookie"]},
        max_queue=None,
    ) as host:
        await host.recv()  # snapshot
        started = time.perf_counter()
        await host.send(json.dumps({"type": "start"}))
        while json.loads(await asyncio.wait_for(host.recv(), 300))["type"] != "game_finished":
            pass
        return time.perf_counter() - started


def play(klass: dict, port: int) -> Tally:
    """Phones in CLIENT_PROCESSES processes (one event loop for every socket would measure its
    own queue), whole teams in each; the host in this one once every phone is connected."""
    import multiprocessing

    players = [
        (player, position)
        for members in klass["teams"].values()
        for position, player in enumerate(members)
    ]
    size = max(1, -(-len(klass["teams"]) // CLIENT_PROCESSES)) * len(
        next(iter(klass["teams"].values()))
    )
    shares = [players[i : i + size] for i in range(0, len(players), size)]
    ready, results = multiprocessing.Queue(), multiprocessing.Queue()
    workers = [
        multiprocessing.Process(
            target=client_process, args=(port, klass["pin"], share, ready, results)
        )
        for share in shares
    ]
    for worker in workers:
        worker.start()
    for _ in workers:
        ready.get(timeout=180)
    game_s = asyncio.run(host_plays(port, klass))
    tally = Tally()
    for _ in workers:
        tally.merge(results.get(timeout=600))
    for worker in workers:
        worker.join(30)
    tally.game_s = game_s
    return tally


def count_rows(session_id: int) -> dict:
    from django.db.models import Count

    from games.models import Attempt

    rows = Attempt.objects.filter(session_id=session_id)
    per_solution = Counter(
        rows.filter(correct=True)
        .values("team_id", "enigme_id")
        .annotate(n=Count("id"))
        .values_list("n", flat=True)
    )
    return {
        "correct_rows": rows.filter(correct=True).count(),
        "wrong_rows": rows.filter(correct=False).count(),
        "solutions_counted_once": per_solution.get(1, 0),
        "solutions_counted_more": sum(v for k, v in per_solution.items() if k > 1),
    }


def run(teams: int, team_size: int) -> dict:
    with tempfile.TemporaryDirectory(prefix="mej-bench-escape-") as tmp:
        env = Environment(False, Path(tmp))
        klass = prepare_class(teams, team_size)
        servers = start_servers(env, 1)
        try:
            time.sleep(0.5)
            tally = play(klass, servers[0][1])
        finally:
            for process, _ in servers:
                process.terminate()
                process.wait(10)
        return {
            "teams": teams,
            "team_size": team_size,
            "tally": tally,
            **count_rows(klass["session_id"]),
        }


def report(result: dict) -> bool:
    tally: Tally = result["tally"]
    teams, size = result["teams"], result["team_size"]
    expected = teams * ENIGMES
    acked_right = tally.outcomes[("right", "ack")]
    acked_wrong = tally.outcomes[("wrong", "ack")]
    print(
        f"\n== {teams} teams of {size} phones, {ENIGMES} énigmes, embedded (1 daphne, SQLite, in-memory layer)"
    )
    print(f"game: {tally.game_s:.2f} s from start to the last team's last padlock")
    print(
        f"submissions: right {tally.sent['right']}, wrong {tally.sent['wrong']}, replies {len(tally.replies)}, lost {tally.lost}"
    )
    print(f"reply (ack or refusal) time: {summary(tally.replies)}")
    print(f"outcomes: {dict(sorted((f'{w}:{o}', n) for (w, o), n in tally.outcomes.items()))}")
    # Which replies make the tail: codes acked in play, or refusals of codes that arrived
    # after the team or the game had finished.
    by_outcome = sorted(tally.replies_by_outcome.items())
    print(
        "reply p99 by outcome: "
        + ", ".join(f"{o} {percentile(t, 99):.0f} ms ({len(t)})" for o, t in by_outcome)
    )
    print(
        f"solutions: expected {expected}, correct rows {result['correct_rows']}, acked right codes "
        f"{acked_right}, counted once {result['solutions_counted_once']}, counted more than once "
        f"{result['solutions_counted_more']}"
    )
    print(f"wrong codes: acked {acked_wrong}, rows {result['wrong_rows']}")
    sound = (
        tally.lost == 0
        and result["correct_rows"] == expected == acked_right == result["solutions_counted_once"]
        and result["solutions_counted_more"] == 0
        and acked_wrong == result["wrong_rows"]
    )
    p99 = percentile(tally.replies, 99)
    print(
        f"verdict: {'no lost or double-counted code' if sound else 'MISMATCH'}; p99 {p99:.1f} ms (target 250 ms)"
    )
    return sound


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--teams", type=int, default=30)
    parser.add_argument("--team-size", type=int, default=5)
    args = parser.parse_args()
    print(
        f"machine: {os.cpu_count()} cores, Python {platform.python_version()}, {platform.platform()}"
    )
    print(f"command: {' '.join([Path(sys.executable).name, *sys.argv])}")
    os.chdir(ROOT)
    sys.exit(0 if report(run(args.teams, args.team_size)) else 1)


if __name__ == "__main__":
    main()
