"""Liveness of the two things a game needs: the database and the channel layer."""

import asyncio
import time

from asgiref.sync import sync_to_async
from channels.layers import get_channel_layer
from django.db import connection

CHANNEL_LAYER_TIMEOUT_S = 2.0


def check_database() -> dict:
    started = time.perf_counter()
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:  # noqa: BLE001 - any failure means "down", reported as such
        return {"ok": False, "vendor": connection.vendor, "error": exc.__class__.__name__}
    return {
        "ok": True,
        "vendor": connection.vendor,
        "ms": round((time.perf_counter() - started) * 1000, 1),
    }


async def check_channel_layer() -> dict:
    """Send a message to a fresh channel and read it back: a real round trip, not a ping."""
    layer = get_channel_layer()
    backend = type(layer).__name__ if layer else None
    if layer is None:
        return {"ok": False, "backend": None, "error": "no channel layer configured"}
    started = time.perf_counter()
    try:
        channel = await layer.new_channel()
        await layer.send(channel, {"type": "health.ping"})
        message = await asyncio.wait_for(layer.receive(channel), CHANNEL_LAYER_TIMEOUT_S)
    except Exception as exc:  # noqa: BLE001 - a Redis outage shows as many exception types
        return {"ok": False, "backend": backend, "error": exc.__class__.__name__}
    if message.get("type") != "health.ping":
        return {"ok": False, "backend": backend, "error": "unexpected message"}
    return {
        "ok": True,
        "backend": backend,
        "ms": round((time.perf_counter() - started) * 1000, 1),
    }


async def health_report() -> dict:
    database = await sync_to_async(check_database)()
    channel_layer = await check_channel_layer()
    return {
        "status": "ok" if database["ok"] and channel_layer["ok"] else "error",
        "database": database,
        "channel_layer": channel_layer,
    }
