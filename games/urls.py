from django.urls import path, re_path

from games.impact import views as impact_views
from games.views import export, host, launch, play

app_name = "games"

# A PIN is six digits; anything else in the URL is not a game.
PIN = r"(?P<pin>[0-9]{6})"

urlpatterns = [
    path("jouer/", play.join, name="join"),
    re_path(rf"^jouer/{PIN}/$", play.nickname, name="nickname"),
    re_path(rf"^jouer/{PIN}/partie/$", play.player, name="player"),
    re_path(rf"^jeu/{PIN}/hote/$", host.host_screen, name="host"),
    re_path(rf"^jeu/{PIN}/qr\.svg$", host.qr_code, name="qr"),
    re_path(rf"^jeu/{PIN}/resultats\.csv$", export.results_csv, name="results"),
    re_path(rf"^jeu/{PIN}/contexte/$", impact_views.session_context, name="context"),
    path("jeux/lancer/<int:page_id>/", launch.launch, name="launch"),
]
