"""Websocket screens for tests against a real daphne (the `websockets` library)."""

from __future__ import annotations

import asyncio
import concurrent.futures
import json
from urllib.parse import urlsplit

import websockets


def page_origin(ws_url: str) -> str:
    """The Origin a browser sends when our page at that address opens the socket: the server
    checks scheme, host and port (cms/websocket_origin.py)."""
    parts = urlsplit(ws_url)
    return f"{'https' if parts.scheme == 'wss' else 'http'}://{parts.netloc}"


class Screen:
    def __init__(self, socket):
        self.socket = socket

    @classmethod
    async def open(cls, url: str, cookie: str) -> Screen:
        socket = await websockets.connect(
            url, origin=page_origin(url), additional_headers={"Cookie": cookie}, open_timeout=10
        )
        return cls(socket)

    async def send(self, message: dict) -> None:
        await self.socket.send(json.dumps(message))

    async def receive(self, timeout: float = 10) -> dict:
        return json.loads(await asyncio.wait_for(self.socket.recv(), timeout))

    async def until(self, message_type: str, timeout: float = 10) -> dict:
        while True:
            message = await self.receive(timeout)
            if message["type"] == message_type:
                return message

    async def close(self) -> None:
        await self.socket.close()


def host_url(ws_base: str, pin: str) -> str:
    return f"{ws_base}/ws/jeu/{pin}/hote/"


def player_url(ws_base: str, pin: str) -> str:
    return f"{ws_base}/ws/jeu/{pin}/joueur/"


def run_async(coroutine):
    """asyncio.run() in a thread of its own.

    Once a browser test has run, Playwright's sync API keeps an event loop running in the main
    thread for the rest of the session, and asyncio.run() refuses to start there.
    """
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()
