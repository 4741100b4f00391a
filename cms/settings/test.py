"""Settings for the test suite: fast and self-contained."""

from .base import *  # noqa: F403
from .env import env_int, env_str

DEBUG = False
SECRET_KEY = env_str("SECRET_KEY") or "test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["localhost", "127.0.0.1", "testserver"]

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
if not env_str("REDIS_URL"):
    CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}
# Throttled PIN checks wait a little in tests, not two seconds each.
GAMES_PIN_SLOW_DOWN_MS = env_int("GAMES_PIN_SLOW_DOWN_MS", 200)

# Django's test client logs in without a request; real logins still go through axes.
AUTHENTICATION_BACKENDS = [
    "cms.login_protection.TestClientLoginBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# No purge thread racing the tests' own data; tests/integration/test_retention.py turns it on.
GAMES_PURGE_INTERVAL = 0
