"""Building live sessions and connecting screens to them in consumer tests."""

from __future__ import annotations

import json

from asgiref.sync import sync_to_async
from channels.testing import WebsocketCommunicator
from django.contrib.auth import get_user_model
from django.test import Client

from cms.asgi import application
from games.services.sessions import join_session, launch_session
from games.services.tokens import player_cookie

ORIGIN = [(b"origin", b"http://localhost"), (b"host", b"localhost")]
# The delay of a slowed-down PIN check in tests that measure it (GAMES_PIN_SLOW_DOWN_MS): long
# enough to tell from a fast answer on a busy machine.
SLOW_S = 1.0

CHOICE = {
    "id": "q1",
    "kind": "choice",
    "prompt": "Qui assemble des tôles en les soudant ?",
    "options": ["Chaudronnier", "Boulanger", "Fleuriste"],
    "correct": [0],
    "time_limit_s": 20,
    "points": 1000,
    "explanation": "Le chaudronnier forme et assemble les tôles.",
    "metiers": [{"id": "1", "title": "Chaudronnier", "url": "/metiers/chaudronnier/"}],
}
TRUE_FALSE = {
    "id": "q2",
    "kind": "true_false",
    "prompt": "Un horloger travaille au dixième de millimètre.",
    "correct": True,
    "time_limit_s": 10,
    "points": 1000,
    "explanation": "Et même plus fin encore.",
    "metiers": [{"id": "2", "title": "Horloger", "url": "/metiers/horloger/"}],
}
QUIZ = {"title": "Quiz de test", "kind": "quiz", "questions": [CHOICE, TRUE_FALSE]}


def make_teacher(username="prof"):
    return get_user_model().objects.create_user(username=username, password="x")


def launch_quiz(host, spec=None):
    return launch_session(kind="quiz", spec=spec or QUIZ, host=host)


def join(session, nickname):
    return join_session(session, nickname)


def session_cookie_for(user) -> str:
    client = Client()
    client.force_login(user)
    return client.cookies["sessionid"].value


async def connect(path: str, cookie: str | None = None, origin=ORIGIN) -> WebsocketCommunicator:
    headers = list(origin)
    if cookie:
        headers.append((b"cookie", cookie.encode()))
    communicator = WebsocketCommunicator(application, path, headers=headers)
    connected, _ = await communicator.connect()
    assert connected
    return communicator


async def connect_host(session, user) -> WebsocketCommunicator:
    cookie = await sync_to_async(session_cookie_for)(user)
    return await connect(f"/ws/jeu/{session.pin}/hote/", f"sessionid={cookie}")


async def connect_player(session, joined, query: str = "") -> WebsocketCommunicator:
    """`query`: the address's query string, e.g. "?protocol=2" for lists of frames."""
    cookie = f"{player_cookie(session.pk)}={joined.token}"
    return await connect(f"/ws/jeu/{session.pin}/joueur/{query}", cookie)


async def receive(communicator, timeout=3) -> dict:
    return json.loads(await communicator.receive_from(timeout=timeout))


async def receive_until(communicator, message_type: str, timeout=3) -> dict:
    """Skip frames until one of `message_type` arrives (and return it)."""
    while True:
        message = await receive(communicator, timeout)
        if message["type"] == message_type:
            return message


async def send(communicator, message: dict) -> None:
    await communicator.send_to(text_data=json.dumps(message))
