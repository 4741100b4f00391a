"""A class set up by code on a live server's own database: teacher, session, players.

Used where the test is about the engine and the transport rather than the pages (restart,
several workers, load benchmark): the session is launched and the players joined through the
same services as the pages, then screens connect over real websockets with the cookies a
browser would have.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.support.live_server import PROJECT_DIR


def create_class(spec: dict, nicknames: list[str], kind: str = "quiz") -> dict:
    """In a process where Django is set up on the target database."""
    from django.contrib.auth import get_user_model
    from django.contrib.sessions.backends.db import SessionStore

    from games.services.sessions import join_session, launch_session
    from games.services.tokens import player_cookie

    user = get_user_model().objects.create_user(username=f"prof-{os.getpid()}-{id(spec)}")
    store = SessionStore()
    store["_auth_user_id"] = str(user.pk)
    store["_auth_user_backend"] = "django.contrib.auth.backends.ModelBackend"
    store["_auth_user_hash"] = user.get_session_auth_hash()
    store.create()
    session = launch_session(kind=kind, spec=spec, host=user)
    players = []
    for nickname in nicknames:
        joined = join_session(session, nickname)
        players.append(
            {
                "nickname": nickname,
                "player_id": joined.player.engine_id,
                "cookie": f"{player_cookie(session.pk)}={joined.token}",
            }
        )
    return {
        "pin": session.pin,
        "session_id": session.pk,
        "host_cookie": f"sessionid={store.session_key}",
        "players": players,
    }


_SHELL = (
    "import json, os; from tests.support.scripted import create_class; "
    "args = json.loads(os.environ['MEJ_CLASS']); "
    "print('MEJ_CLASS=' + json.dumps(create_class(**args)))"
)


def create_class_on(env: dict[str, str], spec: dict, nicknames: list[str], kind="quiz") -> dict:
    """The same, on the database of a live server (through `manage.py shell`)."""
    payload = json.dumps({"spec": spec, "nicknames": nicknames, "kind": kind})
    result = subprocess.run(  # noqa: S603 - our own manage.py
        [sys.executable, "manage.py", "shell", "-c", _SHELL],
        cwd=PROJECT_DIR,
        env={**env, "MEJ_CLASS": payload},
        capture_output=True,
        text=True,
        check=True,
    )
    line = next(line for line in result.stdout.splitlines() if line.startswith("MEJ_CLASS="))
    return json.loads(line.removeprefix("MEJ_CLASS="))
