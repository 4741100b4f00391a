"""The run command's settings (`make run`): the embedded classroom default.

One daphne process, SQLite and the in-memory channel layer, served over plain HTTP on a
classroom network where students' phones connect (`HOST=0.0.0.0`). So: never in debug (a
traceback or the URL list must not reach a student), a secret key of this installation
(generated once into an untracked file), no HTTPS redirect (there is no certificate on a LAN).
`make dev` (cms.settings.dev) turns debug on for a developer's own machine.
"""

from pathlib import Path

from .base import *  # noqa: F403
from .base import BASE_DIR
from .env import env_str
from .local_secret import read_or_create_secret_key

DEBUG = False

SECRET_KEY = env_str("SECRET_KEY") or read_or_create_secret_key(
    Path(env_str("SECRET_KEY_FILE") or BASE_DIR / ".secret_key")
)

# Static files as the run command collects them (`make run` runs collectstatic): compressed
# once, so a phone on the class Wi-Fi downloads Bootstrap gzipped (a fiche is ~130 KB instead
# of ~390 KB). Served by WhiteNoise from STATIC_ROOT only, not through the finders, which would
# hand out the uncompressed originals.
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = False
