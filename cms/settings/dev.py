"""A developer's own machine (`make dev`): the run command's settings with Django's debug pages.

Never serve this on a network students use: the debug pages show tracebacks, settings and the
URL list. `DEBUG=0 make dev` turns debug off again.
"""

from .env import env_bool
from .local import *  # noqa: F403

DEBUG = env_bool("DEBUG", True)
