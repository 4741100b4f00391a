"""Web security settings shared by every environment (why each choice: docs/reliability.md)."""

from datetime import timedelta

from csp.constants import NONCE, NONE, SELF

from .env import env_int, env_list, env_str

# -- Reverse proxies -----------------------------------------------------------------------
# Addresses or networks of our own reverse proxies (e.g. 127.0.0.1,::1 when nginx runs on the
# same host). Only from those are X-Forwarded-For / X-Forwarded-Proto believed
# (cms/proxy_headers.py); empty, the default, means never.
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES")

# -- Admin login lockout (django-axes) -------------------------------------------------------
# Failures are counted per username AND address: a school or a forum behind one NAT address
# shares that address, so counting by address alone would let one pupil lock every teacher
# out, and counting by username alone would let anyone lock a teacher out from home.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("LOGIN_LOCKOUT_MINUTES", 15))
AXES_RESET_ON_SUCCESS = True
# Counters live in the cache (Redis in scaled mode, so shared by every process), under a hash
# of username and address, and expire with the cool-off: no address is written to the database.
AXES_HANDLER = "axes.handlers.cache.AxesCacheHandler"
AXES_DISABLE_ACCESS_LOG = True
AXES_ENABLE_ACCESS_FAILURE_LOG = False
# The address is REMOTE_ADDR only, which TrustedProxyMiddleware already resolved: axes must not
# read X-Forwarded-For on its own, where any client can write it.
AXES_IPWARE_META_PRECEDENCE_ORDER = ("REMOTE_ADDR",)
AXES_CLIENT_STR_CALLABLE = "cms.login_protection.client_description"
AXES_LOCKOUT_CALLABLE = "cms.login_protection.lockout_response"
# Axes' own admin screens belong to Django's admin, which this site does not mount.
AXES_ENABLE_ADMIN = False

# -- Content-Security-Policy (django-csp 4) --------------------------------------------------
# Every script and style is a file of ours: no inline script or style attribute, no third
# party. 'self' in connect-src also covers ws:/wss: to the same host and port (CSP level 3,
# checked by tests/browser/test_content_security_policy.py).
# The Wagtail admin's own pages use inline scripts and styles: /admin/ is left out of this policy
# and keeps X-Frame-Options and the login lockout instead.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        # NONCE: the filière colours' <style> elements (metiers_tags.couleurs_filiere); the
        # nonce is only sent on the pages that use one.
        "style-src": [SELF, NONCE],
        # data: for Bootstrap's icons (navbar toggler), which its CSS embeds as data URIs.
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "media-src": [SELF],
        "object-src": [NONE],
        "frame-src": [NONE],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
    },
}

# axes warns about a per-process memory cache because several processes would each count on
# their own. Without REDIS_URL there is exactly one process (the in-memory channel layer needs
# it too), whose memory is then the whole truth; with REDIS_URL the cache is Redis, shared.
SILENCED_SYSTEM_CHECKS = [] if env_str("REDIS_URL") else ["axes.W001"]
