"""The machine's real PostgreSQL and Redis, for the scaled-mode tests."""

from __future__ import annotations

import os
import secrets
from contextlib import contextmanager

POSTGRES_ADMIN_URL = os.environ.get("TEST_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/test")
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


def postgres_available() -> str | None:
    """None when reachable, else why not."""
    try:
        import psycopg

        with psycopg.connect(POSTGRES_ADMIN_URL, connect_timeout=3) as conn:
            conn.execute("SELECT 1")
    except Exception as exc:  # noqa: BLE001 - any failure means "not available here"
        return f"PostgreSQL not reachable at {POSTGRES_ADMIN_URL}: {exc}"
    return None


def redis_available() -> str | None:
    try:
        import redis

        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=3).ping()
    except Exception as exc:  # noqa: BLE001
        return f"Redis not reachable at {REDIS_URL}: {exc}"
    return None


@contextmanager
def scratch_postgres_database():
    """A new, empty PostgreSQL database for one test run, dropped afterwards."""
    import psycopg

    name = f"mej_test_{secrets.token_hex(4)}"
    with psycopg.connect(POSTGRES_ADMIN_URL, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    base, _, _ = POSTGRES_ADMIN_URL.rpartition("/")
    try:
        yield f"{base}/{name}"
    finally:
        with psycopg.connect(POSTGRES_ADMIN_URL, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
