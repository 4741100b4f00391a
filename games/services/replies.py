"""What a phone's own command tells that phone, written with its acknowledgement.

An accepted answer used to cost its phone two writes: the acknowledgement, sent by the
socket as soon as the batch was committed, then "answer_accepted", sent by the hub with
the batch's broadcasts. For 2,000 answers that was 2,000 extra socket writes in the same
second, and as many frames for the phones to read (issue 12). So the frames of a command
to the phone that sent it (its player's and its team's streams, and broadcasts it caused)
go in its acknowledgement's write, and the hub skips them for that one socket
(`written_ahead`, games/live/hub.py); the player's other sockets still get them from the hub.

A phone must see each stream in order. So a command gets such a reply only when no frame
before its own in the batch goes to that phone: a teammate's solved énigme numbered before
this phone's rejected code must reach it first, through the hub, with the rest.
"""

from __future__ import annotations

from collections.abc import Sequence

from games.engine import Command, Event
from games.engine.events import ALL, PLAYERS, to_player, to_team
from games.services.messages import Outgoing


def phone_audiences(command: Command) -> frozenset[str]:
    """The audiences a frame may name to reach the phone that sent `command` (empty for a
    command no phone sends as itself)."""
    player_id = getattr(command, "player_id", None)
    if player_id is None:
        return frozenset()
    team_id = getattr(command, "team_id", None)
    team = {to_team(team_id)} if team_id else set()
    return frozenset({ALL, PLAYERS, to_player(player_id), *team})


def replies(
    commands: Sequence[Command],
    told: Sequence[tuple[int, Event]],
    frames: Sequence[Outgoing],
    owners: dict[int, int],
) -> dict[int, tuple[str, ...]]:
    """{command position: the texts its phone gets with the acknowledgement}.

    `told` are the batch's events in sending order, `frames` their frames (one each, same
    order), `owners` maps id(event) to the position of the command that caused it.
    """
    audiences: dict[int, frozenset[str]] = {}
    reached: set[str] = set()  # audiences with a frame so far in the batch
    refused: set[int] = set()  # commands whose phone was reached before their own frames
    found: dict[int, list[str]] = {}
    for (_, event), outgoing in zip(told, frames, strict=True):
        position = owners.get(id(event))
        if position is not None and position not in refused:
            own = audiences.get(position)
            if own is None:
                own = audiences[position] = phone_audiences(commands[position])
            if event.audience in own:
                if position not in found and not reached.isdisjoint(own):
                    refused.add(position)
                else:
                    found.setdefault(position, []).append(outgoing.text)
        reached.add(event.audience)
    return {position: tuple(texts) for position, texts in found.items()}
