"""Broadcasting from synchronous code (a view): the frames a service call produced."""

from __future__ import annotations

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer

from games.live.groups import session_group
from games.live.hub import FANOUT
from games.services.messages import Outgoing


def publish_sync(session_id: int, frames: list[Outgoing]) -> None:
    """Hand the frames to every process watching the session (each hub delivers locally)."""
    if not frames:
        return
    async_to_sync(get_channel_layer().group_send)(
        session_group(session_id),
        {"type": FANOUT, "session": session_id, "frames": [(f.audience, f.text) for f in frames]},
    )
