"""Placing players in teams and sharing an énigme's fragments across a team's phones."""

from __future__ import annotations

from collections.abc import Sequence

from games.kinds.escape.engine.spec import Enigme


def balance_teams(player_ids: Sequence[str], team_ids: Sequence[str]) -> dict[str, list[str]]:
    """Deal players to teams like cards, in the given orders: team sizes differ by one at most.

    Player i goes to team i % len(team_ids). Callers shuffle the players first if
    friends who joined together should not end up in the same team.
    """
    placement: dict[str, list[str]] = {team_id: [] for team_id in team_ids}
    if not team_ids:
        return placement
    for position, player_id in enumerate(player_ids):
        placement[team_ids[position % len(team_ids)]].append(player_id)
    return placement


def smallest_team(teams: dict[str, dict], team_size: int) -> str | None:
    """The team a late joiner should go to: fewest members, then earliest created; None if all full."""
    open_teams = [
        (len(team["members"]), team["order"], team_id)
        for team_id, team in teams.items()
        if len(team["members"]) < team_size
    ]
    return min(open_teams)[2] if open_teams else None


def fragments_for(enigme: Enigme, members: Sequence[str], player_id: str) -> list[str]:
    """The fragments this phone shows: fragment i goes to member i % n (join order).

    So each phone shows different pieces and the team must talk; with fewer phones
    than fragments a phone shows several, with more phones some show none.
    """
    if player_id not in members:
        return []
    position = list(members).index(player_id)
    return [
        fragment
        for index, fragment in enumerate(enigme.fragments)
        if index % len(members) == position
    ]
