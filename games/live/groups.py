"""Channel-layer group names, from one place."""


def session_group(session_id: int) -> str:
    return f"game.{session_id}"
