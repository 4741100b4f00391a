"""Log records reshaped so that the server log shows bugs as tracebacks and outages as lines.

channels_redis logs every failed reconnection to Redis with a full traceback, then retries
on its own. While Redis restarts that is dozens of tracebacks for a condition we expect and
handle (the outbox resends, the hub listens again): one warning line each says it better,
and keeps "Traceback" in the log meaning "a bug to look at".
"""

from __future__ import annotations

import logging

from .outages import is_outage


def _is_connection_error(error: BaseException | None) -> bool:
    """An outage (cms/outages.py) anywhere in the chain of causes."""
    while error is not None:
        if is_outage(error) or isinstance(error, OSError):
            return True
        error = error.__cause__ or error.__context__
    return False


class RedisOutageAsWarning(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info and _is_connection_error(record.exc_info[1]):
            error = record.exc_info[1]
            record.msg = f"{record.getMessage()}: Redis unreachable ({error})"
            record.args = None
            record.exc_info = None
            record.exc_text = None
            record.levelno, record.levelname = logging.WARNING, "WARNING"
        return True
