"""Reading configuration from the environment, in one place.

Every setting an operator may change is an environment variable listed in the README and
`.env.example`; these helpers keep the parsing rules (lists, booleans) identical everywhere.
"""

import os
from pathlib import Path

import dj_database_url


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default).strip()


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or not value.strip():
        return default
    return value.strip().lower() in {"1", "true", "yes", "on", "oui"}


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


def env_list(name: str, default: list[str] | None = None) -> list[str]:
    value = os.environ.get(name)
    if value is None or not value.strip():
        return list(default or [])
    return [item.strip() for item in value.split(",") if item.strip()]


def database_config(default_sqlite_path: Path) -> dict:
    """The default database, from DATABASE_URL or the embedded SQLite file.

    SQLite is tuned for a game server with many concurrent writers in one process: WAL lets
    readers go on while one write commits, IMMEDIATE transactions take the write lock at BEGIN
    (so two writers queue instead of failing later with "database is locked" on lock upgrade),
    and the busy timeout makes a queued writer wait rather than error.
    """
    url = env_str("DATABASE_URL")
    config = (
        dj_database_url.parse(url, conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60))
        if url
        else {"ENGINE": "django.db.backends.sqlite3", "NAME": str(default_sqlite_path)}
    )
    if config["ENGINE"] == "django.db.backends.sqlite3":
        # Kept open: the game engine's database thread would otherwise reopen the file and
        # replay the PRAGMAs below for every batch of answers.
        config["CONN_MAX_AGE"] = env_int("DATABASE_CONN_MAX_AGE", 60)
        config["OPTIONS"] = {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": (
                "PRAGMA journal_mode=WAL;"
                "PRAGMA synchronous=NORMAL;"
                "PRAGMA foreign_keys=ON;"
                "PRAGMA busy_timeout=20000;"
            ),
        }
    else:
        config.setdefault("CONN_HEALTH_CHECKS", True)
    return config


def channel_layers_config() -> dict:
    """In-memory layer for one process; Redis pub/sub once REDIS_URL says we run several.

    The pub/sub layer is the one that held 2,000 sockets in our measurements (see
    ARCHITECTURE.md); the classic RedisChannelLayer closed them with 1011.
    """
    redis_url = env_str("REDIS_URL")
    if not redis_url:
        return {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}
    return {
        "default": {
            "BACKEND": "channels_redis.pubsub.RedisPubSubChannelLayer",
            "CONFIG": {"hosts": [redis_url], "prefix": env_str("REDIS_PREFIX", "mej")},
        }
    }


def cache_config() -> dict:
    redis_url = env_str("REDIS_URL")
    if not redis_url:
        return {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    return {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": redis_url,
            "KEY_PREFIX": env_str("REDIS_PREFIX", "mej"),
        }
    }
