"""ASGI entry point: one daphne process serves pages, admin, static files and websockets."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.local")

# Django must be set up before the consumers (and the models they import) are loaded.
django_asgi_app = get_asgi_application()

from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402

from cms import runtime  # noqa: E402
from cms.proxy_headers import TrustedProxyMiddleware  # noqa: E402
from cms.websocket_origin import SameOriginValidator  # noqa: E402
from games.live import eager_writes  # noqa: E402
from games.routing import websocket_urlpatterns  # noqa: E402

# daphne's twisted sends each websocket write at once when nothing is waiting (issue 12).
eager_writes.install()

# Everything loaded so far lives as long as the process (cms/runtime.py).
runtime.tune_for_serving()

# The proxy layer comes first: the Origin check needs the scheme the phone really used (wss
# behind a TLS proxy) and the throttles need the phone's address, not the proxy's.
application = TrustedProxyMiddleware(
    ProtocolTypeRouter(
        {
            "http": django_asgi_app,
            # Each game route brings the middleware it needs (games/routing.py).
            "websocket": SameOriginValidator(URLRouter(websocket_urlpatterns)),
        }
    )
)
