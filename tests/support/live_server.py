"""A real daphne process serving the project, on a database of its own.

Browser and scaled-mode tests talk to the application the way users do: over HTTP and
websockets to daphne, not through Django's test client. Each server gets its own database
(a SQLite file, or a PostgreSQL database) prepared with the same commands as `make run`.
"""

from __future__ import annotations

import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parents[2]
STARTUP_TIMEOUT_S = 40
ADMIN_PASSWORD = "live-admin-pass"  # noqa: S105 - a throwaway account in a throwaway database


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def manage(*args: str, env: dict[str, str], log: Path) -> None:
    with log.open("a") as out:
        result = subprocess.run(  # noqa: S603 - our own manage.py with fixed arguments
            [sys.executable, "manage.py", *args],
            cwd=PROJECT_DIR,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            check=False,
        )
    if result.returncode != 0:
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{log.read_text()[-4000:]}")


def prepare_database(env: dict[str, str], log: Path, *, demo: bool = True) -> None:
    manage("migrate", "--noinput", env=env, log=log)
    if demo:
        manage("load_demo", env=env, log=log)
        manage("ensure_admin", env=env, log=log)


@dataclass
class LiveServer:
    env: dict[str, str]
    workdir: Path
    port: int = field(default_factory=free_port)
    process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def ws_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}"

    @property
    def log(self) -> Path:
        return self.workdir / f"daphne-{self.port}.log"

    def start(self) -> LiveServer:
        out = self.log.open("a")
        self.process = subprocess.Popen(  # noqa: S603 - daphne from our own virtualenv
            [sys.executable, "-m", "daphne", "-b", "127.0.0.1", "-p", str(self.port)]
            + ["cms.asgi:application"],
            cwd=PROJECT_DIR,
            env=self.env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
        self.wait_until_healthy()
        return self

    def wait_until_healthy(self) -> None:
        deadline = time.monotonic() + STARTUP_TIMEOUT_S
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"daphne exited:\n{self.log.read_text()[-4000:]}")
            try:
                with urllib.request.urlopen(f"{self.url}/healthz", timeout=2) as response:  # noqa: S310
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError(f"daphne did not become healthy:\n{self.log.read_text()[-4000:]}")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def restart(self) -> None:
        """Stop and start the same server on the same port and database (restart tests)."""
        self.stop()
        self.start()


# One per test run: the servers of a run share their channel layer, two runs on one Redis (two
# work trees, CI beside a developer) never hear each other's broadcasts or read each other's cache.
RUN_ID = secrets.token_hex(4)


def server_env(database_url: str, **extra: str) -> dict[str, str]:
    """The environment of a test server; with REDIS_URL, its Redis prefix is made this run's."""
    env = dict(os.environ)
    env.pop("REDIS_URL", None)
    env.pop("REDIS_PREFIX", None)
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "cms.settings.test",
            "DATABASE_URL": database_url,
            "ADMIN_PASSWORD": ADMIN_PASSWORD,
            "PYTHONUNBUFFERED": "1",
        }
    )
    env.update(extra)
    if "REDIS_URL" in extra:
        env["REDIS_PREFIX"] = f"{extra.get('REDIS_PREFIX', 'mej-test')}-{RUN_ID}"
    return env


def sqlite_server(tmp_path_factory, name: str):
    """A fixture body: daphne on a fresh SQLite database without demo content, stopped after."""
    workdir = tmp_path_factory.mktemp(name)
    env = server_env(f"sqlite:///{workdir / f'{name}.sqlite3'}")
    prepare_database(env, workdir / "prepare.log", demo=False)
    server = LiveServer(env=env, workdir=workdir).start()
    yield server
    server.stop()
