"""Settings shared by every environment. See README.md, section Configuration."""

from pathlib import Path

from django.utils.translation import gettext_lazy as _

from .env import (
    cache_config,
    channel_layers_config,
    database_config,
    env_bool,
    env_int,
    env_list,
    env_str,
)

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

INSTALLED_APPS = [
    "daphne",
    "cms",
    "metiers",
    "games",
    "games.impact",
    "metiers.territoire",
    "wagtail.contrib.forms",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    "django_filters",
    "channels",
    "crispy_forms",
    "crispy_bootstrap5",
    "bootstrap",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "axes",
    "csp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "games.services.retention.RetentionPurgeMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Axes wants to be last; ours comes after it (process_exception runs bottom-up, so a
    # service away becomes a 503 before anything else sees the error).
    "axes.middleware.AxesMiddleware",
    "cms.service_unavailable.ServiceUnavailableMiddleware",
]

AUTHENTICATION_BACKENDS = [
    # First: refuses a locked-out username and address before any password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "cms.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        # A game kind's package may carry its own templates (docs/architecture.md).
        "DIRS": [BASE_DIR / "templates", *sorted(BASE_DIR.glob("games/kinds/*/templates"))],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# ... and its own static files (its screens' JavaScript).
STATICFILES_DIRS = sorted(BASE_DIR.glob("games/kinds/*/static"))

ASGI_APPLICATION = "cms.asgi.application"

DATABASES = {"default": database_config(BASE_DIR / "db.sqlite3")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CHANNEL_LAYERS = channel_layers_config()
CACHES = cache_config()

SECRET_KEY = env_str("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# French first: the audience is French pupils and teachers; English is the second language.
LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", _("Français")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT") or BASE_DIR / "static_collected")
MEDIA_URL = "/media/"
MEDIA_ROOT = BASE_DIR / "media"
SERVE_MEDIA = env_bool("SERVE_MEDIA", True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# One daphne process serves everything, static files included, so no separate web server is
# needed in the embedded mode: WhiteNoise finds files through the finders until collectstatic.
WHITENOISE_USE_FINDERS = True

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

WAGTAIL_SITE_NAME = "Métiers en jeu"
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://localhost:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "odt", "pdf", "txt", "xlsx"]
# Slugs in plain ASCII (the admin transliterates titles): no %C3%A9 in a shared address.
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAIL_ENABLE_UPDATE_CHECK = False  # the admin must not call third parties either
WAGTAILEMBEDS_RESPONSIVE_HTML = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"redis_outage": {"()": "cms.log_filters.RedisOutageAsWarning"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["redis_outage"]}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    # Wagtail's background tasks log every step at INFO; keep the console readable.
    "loggers": {
        # axes logs each failed login at INFO; lockouts stay visible at WARNING.
        "axes": {"level": "WARNING"},
        "django.channels.server": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
    },
}

# Play data of minors is kept for the session's life plus this many days, then purged.
GAMES_RETENTION_DAYS = env_int("GAMES_RETENTION_DAYS", 30)

# Limits of the live games (docs/reliability.md). A forum of 2,000 phones behind one Wi-Fi
# shares one address: the per-address budgets fit a whole forum, and a correct PIN or a
# phone already in the game is never refused, only slowed down when its address scans PINs.
GAMES_MAX_PLAYERS = env_int("GAMES_MAX_PLAYERS", 2_000)
GAMES_SOCKETS_PER_PLAYER = env_int("GAMES_SOCKETS_PER_PLAYER", 3)
GAMES_PIN_MISSES_PER_MINUTE = env_int("GAMES_PIN_MISSES_PER_MINUTE", 300)
GAMES_JOINS_PER_ADDRESS_PER_MINUTE = env_int("GAMES_JOINS_PER_ADDRESS_PER_MINUTE", 2_400)
GAMES_PIN_SLOW_DOWN_MS = env_int("GAMES_PIN_SLOW_DOWN_MS", 2_000)

# The application purges it itself, at most once per this many seconds (0: only the command).
GAMES_PURGE_INTERVAL = env_int("GAMES_PURGE_INTERVAL", 3600)

# Login lockout, Content-Security-Policy, trusted proxies: docs/reliability.md.
from .web_security import *  # noqa: E402, F403
