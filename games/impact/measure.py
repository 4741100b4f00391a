"""Which trades a finished game showed, and to whom: read from the spec and the final state.

Pure functions over the engine's own objects (no ORM), so the definitions the dashboard states
are tested here directly:
- quiz and parcours: a trade is shown when a question leading to it was played (not skipped);
  the players who discovered it are those who answered such a question;
- escape game: a trade is shown when a team solved an énigme revealing it; the players who
  discovered it are the members of the teams that solved one.
Player ids stay in this module's results only long enough to count unions (a filière reached
through two trades counts a player once); nothing here is stored.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from games.kinds.escape.engine import EscapeSpec, EscapeState
from games.kinds.quiz.engine import QuizSpec, QuizState
from games.kinds.registry import rules_for


@dataclass
class TradeReach:
    key: str  # the fiche's page id as the spec holds it, else its title
    title: str
    page_id: int | None
    players: set[str] = field(default_factory=set)


@dataclass
class GameMeasure:
    questions: int = 0  # questions played, or énigmes solved by at least one team
    teams: int = 0
    trades: dict[str, TradeReach] = field(default_factory=dict)

    def reach(self, metier: dict, players) -> None:
        title = str(metier.get("title") or "").strip()
        raw_id = str(metier.get("id") or "")
        if not title:
            return  # a fiche unpublished since the launch leaves an empty entry: nothing to count
        key = raw_id or title
        trade = self.trades.get(key)
        if trade is None:
            page_id = int(raw_id) if raw_id.isdigit() else None
            trade = self.trades[key] = TradeReach(key=key, title=title[:255], page_id=page_id)
        trade.players.update(players)


def measure_quiz(spec: QuizSpec, state: QuizState) -> GameMeasure:
    measure = GameMeasure()
    for entry in state.history:
        if entry["skipped"]:
            continue
        measure.questions += 1
        for metier in spec.questions[entry["index"]].metiers:
            measure.reach(metier, entry["results"].keys())
    return measure


def measure_escape(spec: EscapeSpec, state: EscapeState) -> GameMeasure:
    measure = GameMeasure()
    solved_ids = set()
    for team in state.teams.values():
        if not (team["members"] or team["solved"]):
            continue  # a team created at launch that nobody joined
        measure.teams += 1
        for entry in team["solved"]:
            solved_ids.add(entry["enigme_id"])
            for metier in spec.enigme(entry["enigme_id"]).metiers:
                measure.reach(metier, team["members"])
    measure.questions = len(solved_ids)
    return measure


def measure_game(kind: str, spec: dict, state: dict) -> GameMeasure:
    """The measure of a stored session (its `spec` and `state` JSON columns)."""
    rules = rules_for(kind)
    loaded_spec, loaded_state = rules.load_spec(spec), rules.load_state(state)
    if rules.team_play:
        return measure_escape(loaded_spec, loaded_state)
    return measure_quiz(loaded_spec, loaded_state)
