"""Rich text is sanitised when shown, not only when typed: HTML saved through the ORM."""

import pytest

from tests.support import metiers_factories as f

pytestmark = pytest.mark.django_db

HOSTILE = (
    "<p>Il soude.</p><script>alert('fiche')</script>"
    '<img src="x" onerror="alert(1)"><p onclick="alert(2)">Il <b>assemble</b>.</p>'
    '<a href="javascript:alert(3)">lien</a><iframe src="https://evil.example"></iframe>'
)


def test_scripts_and_handlers_saved_through_the_orm_do_not_reach_the_fiche(client):
    fiche = f.metier("Soudeur", slug="soudeur", description=HOSTILE, acces=HOSTILE)
    html = client.get(fiche.url).content.decode()
    assert "Il soude." in html and "<b>assemble</b>" in html
    for forbidden in ("alert(", "onerror", "onclick", "javascript:", "<iframe", '<img src="x"'):
        assert forbidden not in html


def test_filiere_presentation_and_an_index_introduction_are_sanitised(client):
    filiere = f.filiere("Aéronautique", slug="aero", presentation=HOSTILE)
    index = f.index_metiers()
    index.introduction = HOSTILE
    index.save_revision().publish()
    for url in (filiere.url, index.url):
        html = client.get(url).content.decode()
        assert "Il soude." in html
        assert "alert(" not in html and "onerror" not in html


def test_editor_links_still_render(client):
    cible = f.metier("Chaudronnier", slug="chaudronnier")
    fiche = f.metier(
        "Tôlier",
        slug="tolier",
        description=f'<p>Voir <a linktype="page" id="{cible.pk}">le chaudronnier</a>.</p>',
    )
    html = client.get(fiche.url).content.decode()
    assert f'<a href="{cible.url}">le chaudronnier</a>' in html


def test_a_colour_saved_without_validation_does_not_become_css(client):
    filiere = f.filiere("Énergie", slug="energie", couleur="#123456")
    type(filiere).objects.filter(pk=filiere.pk).update(couleur="#1}*{a:")
    html = client.get(filiere.url).content.decode()
    assert "}*{a:" not in html
    assert "<style" not in html.split("<main", 1)[1]
