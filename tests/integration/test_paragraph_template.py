"""One paragraph template for every rich-text paragraph block (home, standard pages, a fiche's
« Ce que je fais »), sanitised on output."""

import pytest

from tests.support import metiers_factories as f

pytestmark = pytest.mark.django_db


def test_a_fiche_paragraph_uses_the_shared_template(client):
    fiche = f.metier(
        activites=[
            {
                "type": "paragraphe",
                "value": "<p>Je soude <b>l'acier</b>.</p><script>alert(1)</script>",
            }
        ]
    )
    html = client.get(fiche.url).content.decode()
    assert '<div class="block-paragraph"><p>Je soude <b>l\'acier</b>.</p></div>' in html
    assert "alert(1)" not in html
