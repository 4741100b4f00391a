"""Local development and the README's run command: the embedded default, no service needed."""

from .base import *  # noqa: F403
from .env import env_bool, env_str

DEBUG = env_bool("DEBUG", True)

# A development key only: production.py refuses to start without a real SECRET_KEY.
SECRET_KEY = env_str("SECRET_KEY") or "dev-only-key-not-for-production-5f0c2d1e"  # noqa: S105
