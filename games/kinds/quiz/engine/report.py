"""What the quiz shows after a question and at the end: reveal, rankings, debrief, export.

Everything here reads a state and returns plain JSON-able dicts; events and
snapshots are built from the same functions so they never disagree.
"""

from __future__ import annotations

from typing import Any

from games.engine.ranking import competition_ranks, per_state
from games.kinds.quiz.engine.questions import Question
from games.kinds.quiz.engine.state import QuizSpec, QuizState

LEADERBOARD_SIZE = 5
PODIUM_SIZE = 3


@per_state
def ranking(state: QuizState) -> list[dict[str, Any]]:
    """Active players, best first: {"rank", "player_id", "nickname", "score"}.

    Rank depends on the score alone (ties share it: 1, 1, 3). Among tied players
    the list puts first the one who answered faster in total, then by nickname.
    """
    active = [(pid, p) for pid, p in state.players.items() if p["active"]]
    ranked = competition_ranks(
        active,
        order_key=lambda item: (
            -item[1]["score"],
            item[1]["answer_time_ms_total"],
            item[1]["nickname"].casefold(),
            item[0],
        ),
        tie_key=lambda item: item[1]["score"],
    )
    return [
        {"rank": rank, "player_id": pid, "nickname": player["nickname"], "score": player["score"]}
        for rank, (pid, player) in ranked
    ]


def current_question(spec: QuizSpec, state: QuizState) -> Question:
    return spec.questions[state.question_index]


def distribution(spec: QuizSpec, state: QuizState) -> dict[str, Any]:
    """How the room answered the current question.

    "counts": per option for choice (a list by option index) and true_false
    ({"true", "false"}), None for the other kinds; "right" (full marks),
    "partial", "wrong" and "unanswered" counts for every kind.
    """
    question = current_question(spec, state)
    answers = list(state.answers.values())
    right = sum(1 for a in answers if a["fraction"] >= 1)
    wrong = sum(1 for a in answers if a["fraction"] <= 0)
    expected = len(state.eligible_ids(state.question_index))
    return {
        "counts": question.tally([a["answer"] for a in answers]),
        "right": right,
        "partial": len(answers) - right - wrong,
        "wrong": wrong,
        "unanswered": max(expected - len(answers), 0),
    }


def reveal(spec: QuizSpec, state: QuizState) -> dict[str, Any]:
    """The reveal as shown to everyone (the host screen and every phone)."""
    question = current_question(spec, state)
    return {
        "index": state.question_index,
        "count": state.question_count,
        "question": question.public(),
        "solution": question.solution(),
        "distribution": distribution(spec, state),
        "explanation": question.explanation,
        "metiers": [dict(metier) for metier in question.metiers],
        "leaderboard": ranking(state)[:LEADERBOARD_SIZE],
    }


def player_result(state: QuizState, player_id: str, standing: dict[str, dict]) -> dict[str, Any]:
    """One player's own line after a reveal (sent to that player only): how the answer went,
    the score, the place, the run of right answers and who is just ahead (`standings`)."""
    player = state.players[player_id]
    answer = state.answers.get(player_id)
    mine = standing.get(player_id, {})
    return {
        "index": state.question_index,
        "eligible": player["first_question"] <= state.question_index,
        "answered": answer is not None,
        "fraction": answer["fraction"] if answer else 0.0,
        "correct": bool(answer) and answer["fraction"] >= 1,
        "points": answer["points"] if answer else 0,
        "score": player["score"],
        "rank": mine.get("rank"),
        "player_count": len(standing),
        "streak": streak(state, player_id),
        "ahead": mine.get("ahead"),
    }


@per_state
def ranks_by_player(state: QuizState) -> dict[str, int]:
    return {row["player_id"]: row["rank"] for row in ranking(state)}


@per_state
def standings(state: QuizState) -> dict[str, dict[str, Any]]:
    """Per active player: "rank", and "ahead", the nearest player with a higher score and how
    many points behind them this player is ({"nickname", "gap"}; None for the leaders). Scores
    only: the phones learn nothing about anyone's answers.

    Remembered per state: every phone's snapshot asks for it, and a join burst of 2,000
    phones walked the 2,000 rows once per phone (issue 12)."""
    rows = ranking(state)
    out: dict[str, dict[str, Any]] = {}
    above: dict[str, Any] | None = None  # the last row of the score group above
    previous: dict[str, Any] | None = None
    for row in rows:
        if previous is not None and previous["score"] > row["score"]:
            above = previous
        ahead = (
            {"nickname": above["nickname"], "gap": above["score"] - row["score"]} if above else None
        )
        out[row["player_id"]] = {"rank": row["rank"], "ahead": ahead}
        previous = row
    return out


def streak(state: QuizState, player_id: str) -> int:
    """How many questions in a row, up to the last one revealed, this player got fully right
    (skipped questions neither count nor break the run)."""
    run = 0
    for entry in reversed(state.history):
        if entry["skipped"]:
            continue
        result = entry["results"].get(player_id)
        if result is None or result[0] < 1:
            break
        run += 1
    return run


def debrief(spec: QuizSpec, state: QuizState) -> dict[str, Any]:
    """The métiers met in the questions actually played, in order of first appearance."""
    seen: set[str] = set()
    metiers = []
    for entry in state.history:
        if entry["skipped"]:
            continue
        for metier in spec.questions[entry["index"]].metiers:
            key = str(metier.get("id", metier.get("title", "")))
            if key not in seen:
                seen.add(key)
                metiers.append(dict(metier))
    return {"metiers": metiers}


def final(spec: QuizSpec, state: QuizState) -> dict[str, Any]:
    """The end screen shared with everyone: podium and the métiers to discover."""
    full = ranking(state)
    return {
        "podium": [row for row in full if row["rank"] <= PODIUM_SIZE],
        "player_count": len(full),
        "debrief": debrief(spec, state),
    }


def results(spec: QuizSpec, state: QuizState) -> dict[str, Any]:
    """A table for the CSV export: {"columns": [...], "rows": [[...], ...]}.

    One row per player (kicked players last, with an empty rank), one group of
    three columns per question played: right or not (None when unanswered),
    points, time taken in ms. Skipped questions have no columns.
    """
    played = [entry for entry in state.history if not entry["skipped"]]
    columns = ["rang", "pseudo", "score", "actif"]
    for entry in played:
        number = entry["index"] + 1
        columns += [f"q{number}_juste", f"q{number}_points", f"q{number}_temps_ms"]

    ranks = ranks_by_player(state)
    order = sorted(
        state.players.items(),
        key=lambda item: (
            item[0] not in ranks,
            ranks.get(item[0], 0),
            -item[1]["score"],
            item[1]["answer_time_ms_total"],
            item[1]["nickname"].casefold(),
            item[0],
        ),
    )
    rows = []
    for pid, player in order:
        row: list[Any] = [ranks.get(pid), player["nickname"], player["score"], player["active"]]
        for entry in played:
            result = entry["results"].get(pid)
            if result is None:
                row += [None, 0, None]
            else:
                fraction, points, elapsed = result
                row += [fraction >= 1, points, elapsed]
        rows.append(row)
    return {"title": spec.title, "columns": columns, "rows": rows}
