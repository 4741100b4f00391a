"""Which phones are connected, as the host screen shows it.

The truth is in the database (`Player.last_seen_at`, `Player.disconnected_at`), so a host
screen served by another process, or reloaded, sees the same thing.
"""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from games.models import Player
from games.services.messages import dumps

# A phone's socket refreshes last_seen_at at least this often while it is open...
HEARTBEAT_S = 20
# ...so a player not seen for this long is offline even if no disconnect was recorded.
STALE_AFTER_S = 60
# Ids per UPDATE: well under the bound parameters any SQLite build takes.
WRITE_CHUNK = 500


def mark_seen(player_id: int) -> None:
    Player.objects.filter(pk=player_id).update(last_seen_at=timezone.now())


def write_batch(online: list[int], offline: list[int]) -> None:
    """Many phones at once (live/presence_writer.py): one UPDATE per direction."""
    now = timezone.now()
    with transaction.atomic():
        for start in range(0, len(online), WRITE_CHUNK):
            Player.objects.filter(pk__in=online[start : start + WRITE_CHUNK]).update(
                last_seen_at=now, disconnected_at=None
            )
        for start in range(0, len(offline), WRITE_CHUNK):
            Player.objects.filter(pk__in=offline[start : start + WRITE_CHUNK]).update(
                disconnected_at=now
            )


def online_players(session_id: int) -> dict[str, bool]:
    fresh = timezone.now() - timedelta(seconds=STALE_AFTER_S)
    rows = Player.objects.filter(session_id=session_id, kicked=False).values_list(
        "pk", "last_seen_at", "disconnected_at"
    )
    return {
        str(pk): bool(seen and seen >= fresh and disconnected is None)
        for pk, seen, disconnected in rows
    }


def presence_frame(player_id: str, online: bool, version: int) -> str:
    return dumps(
        {"type": "presence", "v": version, "data": {"player_id": player_id, "online": online}}
    )
