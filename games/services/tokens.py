"""Resume tokens: a secret kept on the phone (in a cookie per game), only its hash in the database."""

import hashlib
import secrets


def new_token() -> str:
    return secrets.token_urlsafe(24)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


COOKIE_PREFIX = "mej_p"


def player_cookie(session_id: int) -> str:
    """The cookie holding a phone's token for one game: read by the pages and the socket."""
    return f"{COOKIE_PREFIX}{session_id}"


def game_tokens(cookies: dict[str, str]) -> dict[int, str]:
    """{session id: resume token} of the game cookies a phone sent (ids of 9 digits at most:
    a forged longer one would overflow the database's integer)."""
    tokens = {}
    for name, token in cookies.items():
        digits = name[len(COOKIE_PREFIX) :]
        well_formed = digits.isascii() and digits.isdigit() and len(digits) <= 9
        if name.startswith(COOKIE_PREFIX) and well_formed:
            tokens[int(digits)] = token
    return tokens
