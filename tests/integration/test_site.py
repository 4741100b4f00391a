"""The site-wide pages as a visitor meets them: home, search, admin login, errors, languages."""

import pytest
from django.core.management import call_command
from wagtail.models import Page, Site

from cms.models import HomePage, SiteSettings, StandardPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def site_content():
    call_command("load_demo", verbosity=0)
    return HomePage.objects.get()


def test_home_page_is_the_site_root_and_renders_in_french(client, site_content):
    assert Site.objects.get(is_default_site=True).root_page.specific == site_content
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="fr">' in html
    assert site_content.hero_title in html
    assert "Aller au contenu" in html
    assert 'href="#contenu"' in html and 'id="contenu"' in html


def test_footer_links_to_the_legal_and_privacy_pages(client, site_content):
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    html = client.get("/").content.decode()
    assert settings.legal_page.url in html
    assert settings.privacy_page.url in html
    assert client.get(settings.privacy_page.url).status_code == 200


def test_english_is_selectable(client, site_content):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert response.status_code == 302
    html = client.get("/").content.decode()
    assert '<html lang="en">' in html
    assert "Skip to content" in html


def test_loading_the_demo_twice_duplicates_nothing(site_content):
    pages_before = Page.objects.count()
    call_command("load_demo", verbosity=0)
    assert Page.objects.count() == pages_before
    assert HomePage.objects.count() == 1
    assert StandardPage.objects.filter(slug="confidentialite").count() == 1


def test_the_welcome_placeholder_page_is_gone(site_content):
    assert not Page.objects.filter(title__startswith="Welcome to your new Wagtail").exists()


def test_admin_login_page(client):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    assert b'name="password"' in response.content


def test_unknown_page_gets_our_404(client, site_content):
    response = client.get("/cette-page-n-existe-pas/")
    assert response.status_code == 404
    assert "Page introuvable" in response.content.decode()


def test_search_finds_a_page_and_survives_silly_input(client, site_content):
    response = client.get("/recherche/", {"q": "confidentialité"})
    assert response.status_code == 200
    assert "Confidentialité" in response.content.decode()
    assert client.get("/recherche/", {"q": "x" * 5000, "page": "abc"}).status_code == 200
    assert client.get("/recherche/", {"q": "usine", "page": "999"}).status_code == 200


def test_healthz_reports_database_and_channel_layer(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["database"] == {**body["database"], "ok": True, "vendor": "sqlite"}
    assert body["channel_layer"]["backend"] == "InMemoryChannelLayer"


def test_healthz_answers_503_when_the_database_is_down(client, monkeypatch):
    from cms import health

    def broken_database():
        return {"ok": False, "vendor": "sqlite", "error": "OperationalError"}

    monkeypatch.setattr(health, "check_database", broken_database)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["status"] == "error"


def test_sitemap_lists_live_pages(client, site_content):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert b"mentions-legales" in response.content


def test_uploads_are_served_in_the_embedded_mode(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "demo.txt").write_text("illustration")
    response = client.get("/media/images/demo.txt")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"illustration"
    assert client.get("/media/../pyproject.toml").status_code in {400, 404}


def test_robots_txt_and_sitemap_use_the_host_asked(client, site_content, settings):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "metiers.example.org"]
    robots = client.get("/robots.txt", HTTP_HOST="metiers.example.org")
    assert robots.status_code == 200 and robots["Content-Type"].startswith("text/plain")
    body = robots.content.decode()
    assert "Disallow: /admin/" in body and "Disallow: /jouer/" in body
    assert "Sitemap: http://metiers.example.org/sitemap.xml" in body
    sitemap = client.get("/sitemap.xml", HTTP_HOST="metiers.example.org").content.decode()
    assert "<loc>http://metiers.example.org/metiers/soudeur/</loc>" in sitemap
    assert "localhost" not in sitemap


def test_a_fiche_gets_a_description_and_open_graph_from_its_own_fields(client, site_content):
    html = client.get("/metiers/soudeur/").content.decode()
    assert '<meta name="description" content="Derrière ton masque' in html
    assert '<meta property="og:title" content="Soudeur / Soudeuse">' in html
    assert 'property="og:image" content="http://testserver/media/images/' in html


def test_home_invites_to_play_and_shows_the_region(client, site_content):
    html = client.get("/").content.decode()
    assert html.index("J'ai un code") < html.index("<h1>")  # the code first on phones
    assert 'action="/jouer/"' in html and 'name="pin"' in html
    assert "Joue en classe" in html and "De A à Z : Pile à combustible" in html
    assert "Pot de yaourt" in html and "Agroalimentaire" in html
    assert "Bourgogne-Franche-Comté" in html and "Source : Insee" in html


def test_a_fiche_links_to_its_games_and_objets(client, site_content):
    html = client.get("/metiers/soudeur/").content.decode()
    assert "Suis l'objet" in html and "/objets-de-a-a-z/pile-a-combustible/" in html
    assert 'id="joue"' in html and "De A à Z : Pile à combustible" in html
    filiere = client.get("/filieres/energie/").content.decode()
    assert 'id="joue"' in filiere


def test_a_fiche_whose_picture_file_is_gone_still_renders(client, site_content):
    from django.core.cache import caches

    from metiers.models import MetierPage

    image = MetierPage.objects.get(slug="soudeur").image
    image.renditions.all().delete()
    for cache in caches.all():
        cache.clear()  # Wagtail keeps renditions in the cache too
    image.file.storage.delete(image.file.name)
    try:
        response = client.get("/metiers/soudeur/")
        assert response.status_code == 200
        assert 'property="og:image"' not in response.content.decode()
    finally:
        # Later loads of the demo draw it again (the file is named after its composition).
        image.delete()
