"""Resume tokens: a secret kept on the phone (in a cookie per game), only its hash in the database."""

import hashlib
import secrets


def new_token() -> str:
    return secrets.token_urlsafe(24)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def player_cookie(session_id: int) -> str:
    """The cookie holding a phone's token for one game: read by the pages and the socket."""
    return f"mej_p{session_id}"
