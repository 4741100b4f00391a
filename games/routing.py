from channels.auth import AuthMiddlewareStack
from channels.sessions import CookieMiddleware
from django.urls import path

from games.consumers import HealthConsumer, HostConsumer, PlayerConsumer

# Only the class screen is a logged-in user. A phone is known by its game cookie alone: the
# session and user look-ups of AuthMiddlewareStack cost each phone a trip to the database
# thread, which queued 2,000 of them during a forum's join burst (issue 12).
websocket_urlpatterns = [
    path("ws/health/", HealthConsumer.as_asgi()),
    path("ws/jeu/<str:pin>/hote/", AuthMiddlewareStack(HostConsumer.as_asgi())),
    path("ws/jeu/<str:pin>/joueur/", CookieMiddleware(PlayerConsumer.as_asgi())),
]
