"""Which errors mean "a service is away for a moment" (answer: try again) rather than a bug.

The database restarting, a connection dropped, SQLite busy past its timeout, Redis
unreachable: a retry a few seconds later succeeds, so pages answer 503 and the game asks the
phone to send again. Anything else (a missing table, a refused row) is a bug or bad data and
must not be dressed up as an outage.
"""

from __future__ import annotations

from django.db import InterfaceError, OperationalError

# SQLite reports a missing table as an OperationalError too: only these mean "busy".
_SQLITE_BUSY = (
    "database is locked",
    "database table is locked",
    "disk i/o error",
    "unable to open",
)


def is_outage(error: BaseException) -> bool:
    if isinstance(error, InterfaceError):
        return True
    if isinstance(error, OperationalError):
        cause = error.__cause__
        if cause is not None and type(cause).__module__.startswith("sqlite3"):
            return any(mark in str(error).lower() for mark in _SQLITE_BUSY)
        return True  # PostgreSQL: connection refused, dropped or shutting down
    if isinstance(error, ConnectionError | TimeoutError):
        return True
    # redis-py's errors, without importing it where Redis is not used.
    return type(error).__module__.startswith("redis") and type(error).__name__ in {
        "ConnectionError",
        "TimeoutError",
        "BusyLoadingError",
    }
