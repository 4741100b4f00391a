from django.urls import path

from games.consumers import HealthConsumer, HostConsumer, PlayerConsumer

websocket_urlpatterns = [
    path("ws/health/", HealthConsumer.as_asgi()),
    path("ws/jeu/<str:pin>/hote/", HostConsumer.as_asgi()),
    path("ws/jeu/<str:pin>/joueur/", PlayerConsumer.as_asgi()),
]
