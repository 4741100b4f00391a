"""Sessions played through the services, for the impact tests."""

from __future__ import annotations

import copy

from games.engine.commands import Answer as AnswerCommand
from games.engine.commands import Close, End, Next, Start, Submit, Tick
from games.services.clock import now_ms
from games.services.play import apply_commands
from tests.support.escape_games import join_team, launch_escape
from tests.support.games import QUIZ, join, launch_quiz


def quiz_with_metiers(first: list[dict], second: list[dict]) -> dict:
    spec = copy.deepcopy(QUIZ)
    spec["questions"][0]["metiers"] = first
    spec["questions"][1]["metiers"] = second
    return spec


def metier_entry(page) -> dict:
    return {"id": str(page.pk), "title": page.title, "url": page.url or ""}


def play_quiz_to_the_end(teacher, spec=None, nicknames=("Zoé", "Malik", "Inès")):
    """Everyone answers question 1; only the first player answers question 2; then the end."""
    session = launch_quiz(teacher, spec)
    players = [join(session, name).player for name in nicknames]
    t0 = now_ms()
    apply_commands(session.pk, [Start()], t0)
    everyone = [AnswerCommand(p.engine_id, 0, [0]) for p in players]
    # Everyone answered: the runner's tick reveals question 1 at once.
    apply_commands(session.pk, [*everyone, Tick()], t0 + 1000)
    apply_commands(session.pk, [Next()], t0 + 31_000)  # question 2
    apply_commands(session.pk, [AnswerCommand(players[0].engine_id, 1, True)], t0 + 32_000)
    apply_commands(session.pk, [Close()], t0 + 45_000)  # reveal of question 2
    apply_commands(session.pk, [Next()], t0 + 46_000)  # finished
    session.refresh_from_db()
    return session


def play_escape_to_the_end(teacher, members=("Zoé", "Malik"), others=("Inès",)):
    """Team t1 solves the first énigme, team t2 none; then the host ends the game."""
    session = launch_escape(teacher)
    for name in members:
        join_team(session, name, team="t1")
    other = [join_team(session, name, team="t2").player for name in others]
    first = session.players.get(nickname=members[0])
    t0 = now_ms()
    apply_commands(session.pk, [Start()], t0)
    apply_commands(session.pk, [Submit("t1", first.engine_id, "coffre", "4071")], t0 + 5000)
    apply_commands(session.pk, [Submit("t2", other[0].engine_id, "coffre", "1234")], t0 + 6000)
    apply_commands(session.pk, [End()], t0 + 7000)
    session.refresh_from_db()
    return session
