"""Teams of a live escape game: created at launch, chosen at join, changed by the host.

The engine state lists each team's members; `Team` and `Player.team` rows say the same in the
database. Every function here writes both in one transaction, so they never disagree: a
reconnecting phone reads its team from its `Player` row and finds itself in the state.

Frames added here, besides the engine's events (see docs/protocol.md, "Escape game"):
- `member_named` {"player_id", "nickname", "team_id"} to the host and to the player's new team:
  engine events name players by id only, and a screen shows nicknames;
- `team_changed` {"team_id", "name"} to the moved player's own phones: their sockets read
  their team again (games.consumers) and the phone asks for a snapshot.
They go into the batch with the engine's events (`apply_commands(leading=, trailing=)`), so that
they are numbered in their streams (`pseq`, `tseq`) in the order they are sent.
"""

from __future__ import annotations

import math
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.db import transaction

from games.engine import Event
from games.engine.commands import AddTeam, Command, JoinTeam, LeaveTeam, RenameTeam
from games.engine.events import HOST, to_player, to_team
from games.kinds.escape.engine import balance_teams, smallest_team
from games.kinds.escape.engine.play import TEAM_NAME_MAX
from games.kinds.registry import rules_for
from games.models import GameSession, Player, Team
from games.moderation.nicknames import (
    TEAM_NAME_MAX_LENGTH,
    NicknameError,
    clean_team_name,
    uniqueness_key,
)
from games.services.loaded import spec_of, state_of
from games.services.play import BatchOutcome, apply_commands, lock_open_session

# Team.key is a CharField(max_length=20).
TEAM_KEY_MAX = 20
MAX_TEAMS = 60
DEFAULT_TEAM_NAMES = (
    "Les Castors",
    "Les Lynx",
    "Les Faucons",
    "Les Loutres",
    "Les Renards",
    "Les Hérissons",
)


class PlacementRefused(Exception):
    """A team choice or a host placement that cannot be done; nothing was written."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True)
class OpeningTeam:
    key: str
    name: str


# -- launch --------------------------------------------------------------------------------


def opening_teams(raw_spec: dict) -> tuple[list[OpeningTeam], list[str]]:
    """The teams an escape game opens with, and the authoring problems found in them.

    The author may list them in the spec as "teams": [{"id", "name"}]; without that list the
    game opens with DEFAULT_TEAM_NAMES, which the host can fill or rebalance.
    """
    listed = raw_spec.get("teams")
    if listed is None:
        names = DEFAULT_TEAM_NAMES
        return [OpeningTeam(f"t{n}", name) for n, name in enumerate(names, start=1)], []
    if not isinstance(listed, list) or not listed:
        return [], ["La liste des équipes est vide ou illisible."]
    teams, problems, keys = [], [], set()
    for number, raw in enumerate(listed[: MAX_TEAMS + 1], start=1):
        key = str(raw.get("id", "")).strip() if isinstance(raw, dict) else ""
        name = " ".join(str(raw.get("name", "")).split()) if isinstance(raw, dict) else ""
        if not key or len(key) > TEAM_KEY_MAX or key in keys:
            problems.append(f"Équipe {number} : identifiant manquant, trop long ou en double.")
        elif not name or len(name) > TEAM_NAME_MAX:
            problems.append(f"Équipe {number} : le nom doit faire 1 à {TEAM_NAME_MAX} caractères.")
        else:
            keys.add(key)
            teams.append(OpeningTeam(key, name))
    if len(listed) > MAX_TEAMS:
        problems.append(f"{MAX_TEAMS} équipes au plus.")
    return teams, problems


def with_opening_teams(rules, spec, state, teams: list[OpeningTeam], now_ms: int):
    """The new game's state with its teams added (nobody watches yet: no event to send)."""
    for team in teams:
        state = rules.apply(spec, state, AddTeam(team_id=team.key, name=team.name), now_ms).state
    return state


def create_team_rows(session: GameSession, teams: list[OpeningTeam]) -> None:
    Team.objects.bulk_create([Team(session=session, key=t.key, name=t.name) for t in teams])


# -- reading -------------------------------------------------------------------------------


def team_choices(session: GameSession) -> list[dict[str, Any]]:
    """The teams a student may pick on the join page: name, member count, full or not."""
    spec, state = spec_of(session), state_of(session)
    ordered = sorted(state.teams.items(), key=lambda item: item[1]["order"])
    return [
        {
            "key": key,
            "name": team["name"],
            "size": len(team["members"]),
            "full": len(team["members"]) >= spec.team_size,
        }
        for key, team in ordered
    ]


def nicknames(session_id: int, team_key: str | None = None) -> dict[str, str]:
    """Player id -> nickname, for the whole game (host) or one team (a phone)."""
    players = Player.objects.filter(session_id=session_id, kicked=False)
    if team_key is not None:
        players = players.filter(team__key=team_key)
    return {str(pk): nickname for pk, nickname in players.values_list("pk", "nickname")}


def team_key_of(player_id: int) -> str | None:
    return Player.objects.filter(pk=player_id).values_list("team__key", flat=True).first()


# -- writing -------------------------------------------------------------------------------


def _apply_all(
    session_id: int,
    commands: list[Command],
    now_ms: int,
    *,
    leading: Sequence[Event] = (),
    trailing: Sequence[Event] = (),
) -> BatchOutcome:
    """Apply commands that must all pass; the first refusal rolls the caller's transaction back.

    `leading` / `trailing`: this module's own events, numbered and sent with the batch's.
    """
    outcome = apply_commands(session_id, commands, now_ms, leading=leading, trailing=trailing)
    for result in outcome.results:
        if not result.ok:
            raise PlacementRefused(result.error["code"], result.error["message"])
    return outcome


def _named(player: Player, team_key: str) -> list[Event]:
    """Told after the batch's events: the nickname of a player who joined `team_key`."""
    data = {"player_id": player.engine_id, "nickname": player.nickname, "team_id": team_key}
    return [Event("member_named", HOST, data), Event("member_named", to_team(team_key), data)]


def _moved(player: Player, team: Team) -> Event:
    """Told first in the batch: the player's sockets join their new team before its events."""
    data = {"team_id": team.key, "name": team.name}
    return Event("team_changed", to_player(player.engine_id), data)


def place_new_player(
    session: GameSession, player: Player, team_key: str | None, now_ms: int
) -> BatchOutcome:
    """Put a player who is joining in `team_key`, or in the smallest team when None.

    Runs inside the join's transaction: a refusal raises PlacementRefused and leaves no player.
    """
    locked = lock_open_session(session.pk)
    spec, state = spec_of(locked), state_of(locked)
    if team_key is None:
        team_key = smallest_team(state.teams, spec.team_size)
        if team_key is None:
            raise PlacementRefused(
                "teams_full", "Toutes les équipes sont complètes : demande à l'animateur."
            )
    team = Team.objects.filter(session=locked, key=team_key).first()
    if team is None:
        raise PlacementRefused("unknown_team", "Cette équipe n'existe pas.")
    outcome = _apply_all(
        session.pk,
        [JoinTeam(player_id=player.engine_id, team_id=team_key)],
        now_ms,
        trailing=_named(player, team_key),
    )
    player.team = team
    player.save(update_fields=["team"])
    return outcome


def _player(session: GameSession, raw_player_id: Any) -> Player:
    player = None
    if isinstance(raw_player_id, str | int) and str(raw_player_id).isdigit():
        player = (
            Player.objects.filter(session=session, pk=int(raw_player_id), kicked=False)
            .select_related("team")
            .first()
        )
    if player is None:
        raise PlacementRefused("unknown_player", "Ce joueur n'est pas dans la partie.")
    return player


def move_player(
    session_id: int, raw_player_id: Any, raw_team_key: Any, now_ms: int
) -> BatchOutcome:
    """The host puts a player in another team (in the lobby or during the game)."""
    with transaction.atomic():
        session = lock_open_session(session_id)
        spec, state = spec_of(session), state_of(session)
        player = _player(session, raw_player_id)
        key = str(raw_team_key) if isinstance(raw_team_key, str | int) else ""
        team = Team.objects.filter(session=session, key=key).first()
        if team is None:
            raise PlacementRefused("unknown_team", "Cette équipe n'existe pas.")
        if player.team_id == team.pk:
            return BatchOutcome(results=[], version=session.version)
        if len(state.teams[key]["members"]) >= spec.team_size:
            raise PlacementRefused("team_full", "Cette équipe est complète.")
        commands: list[Command] = []
        if player.team_id is not None and state.phase == "running":
            # The engine refuses a change of team mid-game from a phone (fragments would travel
            # with it); the host may still move someone, who then leaves first.
            commands.append(LeaveTeam(player_id=player.engine_id))
        commands.append(JoinTeam(player_id=player.engine_id, team_id=key))
        outcome = _apply_all(
            session_id,
            commands,
            now_ms,
            leading=[_moved(player, team)],
            trailing=_named(player, key),
        )
        player.team = team
        player.save(update_fields=["team"])
        return outcome


def teams_needed(players: int, team_count: int, team_size: int) -> int:
    """As few teams as hold everyone at the authored size: an escape game is played in groups,
    and dealing 8 players over 6 teams would leave four students alone."""
    return max(1, min(team_count, math.ceil(players / team_size)))


def balance(session_id: int, now_ms: int) -> BatchOutcome:
    """« Équilibrer les équipes », in the lobby: deal every player again, in a random order.

    Shuffled so that friends who joined together are spread out; sizes differ by one at most.
    """
    with transaction.atomic():
        session = lock_open_session(session_id)
        spec, state = spec_of(session), state_of(session)
        if state.phase != "lobby":
            raise PlacementRefused("wrong_phase", "On équilibre les équipes avant de démarrer.")
        players = list(Player.objects.filter(session=session, kicked=False).order_by("pk"))
        team_keys = [key for key, _ in sorted(state.teams.items(), key=lambda i: i[1]["order"])]
        if len(players) > len(team_keys) * spec.team_size:
            raise PlacementRefused("teams_full", "Il n'y a pas assez de places dans les équipes.")
        secrets.SystemRandom().shuffle(players)
        used = team_keys[: teams_needed(len(players), len(team_keys), spec.team_size)]
        placement = balance_teams([p.engine_id for p in players], used)
        target = {pid: key for key, pids in placement.items() for pid in pids}
        moving = [p for p in players if state.team_of(p.engine_id) != target[p.engine_id]]
        if not moving:
            return BatchOutcome(results=[], version=session.version)
        # Everyone who moves leaves first, so that no team is full of people about to leave.
        commands: list[Command] = [
            LeaveTeam(player_id=p.engine_id) for p in moving if state.team_of(p.engine_id)
        ]
        commands += [JoinTeam(player_id=p.engine_id, team_id=target[p.engine_id]) for p in moving]
        teams = {team.key: team for team in Team.objects.filter(session=session)}
        for player in moving:
            player.team = teams[target[player.engine_id]]
        outcome = _apply_all(
            session_id,
            commands,
            now_ms,
            leading=[_moved(player, player.team) for player in moving],
            trailing=[event for p in moving for event in _named(p, p.team.key)],
        )
        Player.objects.bulk_update(moving, ["team"])
        return outcome


def rename_team(
    session_id: int, raw_team_key: Any, raw_name: Any, player_id: str | None, now_ms: int
) -> BatchOutcome:
    """A team's new name, chosen by one of its players in the lobby (or by the host).

    Screened like a nickname (word filter, look-alike letters) and unique in the game by the
    same skeleton, so « Les Castors » and « LES CA5TORS » are one name.
    """
    try:
        name, key = clean_team_name(raw_name if isinstance(raw_name, str) else "")
    except NicknameError as refusal:
        raise PlacementRefused(refusal.code, refusal.message) from refusal
    with transaction.atomic():
        session = lock_open_session(session_id)
        state = state_of(session)
        team_key = str(raw_team_key) if isinstance(raw_team_key, str | int) else ""
        team = Team.objects.filter(session=session, key=team_key).first()
        if team is None or team_key not in state.teams:
            raise PlacementRefused("unknown_team", "Cette équipe n'existe pas.")
        others = {
            uniqueness_key(other["name"], TEAM_NAME_MAX_LENGTH)
            for other_key, other in state.teams.items()
            if other_key != team_key
        }
        if key in others:
            raise PlacementRefused("duplicate_team_name", "Une autre équipe porte déjà ce nom.")
        command = RenameTeam(team_id=team_key, name=name, player_id=player_id)
        outcome = _apply_all(session_id, [command], now_ms)
        team.name = name
        team.save(update_fields=["name"])
        return outcome


def is_team_play(session: GameSession) -> bool:
    return rules_for(session.kind).team_play
