"""System checks of our own deployment rules (run by `manage.py check --deploy`)."""

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.security, deploy=True)
def https_redirect_needs_a_trusted_proxy(app_configs, **kwargs):
    """Behind a TLS proxy, daphne sees plain HTTP: without TRUSTED_PROXIES the proxy's
    X-Forwarded-Proto is not believed, so every request would be redirected to HTTPS forever
    and phones' wss:// origins refused."""
    if settings.SECURE_SSL_REDIRECT and not settings.TRUSTED_PROXIES:
        return [
            Warning(
                "SECURE_SSL_REDIRECT is on but TRUSTED_PROXIES is empty.",
                hint="List the reverse proxy's address in TRUSTED_PROXIES (e.g. 127.0.0.1,::1) "
                "so that its X-Forwarded-Proto is believed; see docs/operations.md.",
                id="cms.W001",
            )
        ]
    return []
