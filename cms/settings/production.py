"""Production: everything from the environment, HTTPS everywhere, fail loudly when unset."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .env import env_bool, env_int, env_list, env_str

DEBUG = False

SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    raise ImproperlyConfigured(
        "SECRET_KEY manque : définissez la variable d'environnement SECRET_KEY "
        "(50 caractères aléatoires ou plus) avant de démarrer en production."
    )

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured(
        "ALLOWED_HOSTS manque : listez les noms de domaine du site, séparés par des virgules."
    )

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = False
# Uploads are served by the reverse proxy (docs/operations.md); SERVE_MEDIA=true for a
# single-process deployment without one.
SERVE_MEDIA = env_bool("SERVE_MEDIA", False)

# Behind a TLS-terminating proxy (see docs/operations.md): the scheme the visitor used comes
# from X-Forwarded-Proto, believed only from TRUSTED_PROXIES by cms/proxy_headers.py, which
# sets it on the request itself (no SECURE_PROXY_SSL_HEADER, which would believe anyone).
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
X_FRAME_OPTIONS = "DENY"
