"""What young people type in the search box finds what they mean, on SQLite and PostgreSQL.

The same demo site is served by daphne on each database (as `make run` prepares it) and asked
over HTTP, the way a browser asks.
"""

from __future__ import annotations

import html
import re
import urllib.parse
import urllib.request

import pytest

from tests.support.live_server import LiveServer, prepare_database, server_env
from tests.support.requirements import skip_or_fail
from tests.support.services import postgres_available, scratch_postgres_database

TOP = 5  # a student reads the first few results, not the tenth
RESULT_TITLE = re.compile(r'class="stretched-link" href="[^"]*">([^<]+)</a>')

# (typed, a page expected among the first results)
QUERIES = [
    ("souder", "Soudeur / Soudeuse"),
    ("soudure", "Soudeur / Soudeuse"),
    ("soudeuse", "Soudeur / Soudeuse"),
    ("yaourt", "Pot de yaourt"),
    ("yaourts", "Conducteur / Conductrice de ligne en agroalimentaire"),
    ("yaourt", "Agroalimentaire"),
    ("robot", "Pilote de ligne de batteries"),
    ("phare de voiture", "Éclairage automobile"),
    ("éolienne", "Technicien / Technicienne de maintenance d'éoliennes"),
    ("eolienne", "Énergie"),
    ("montre", "Horloger / Horlogère"),
    ("horlogère", "Horloger / Horlogère"),
    ("plastique", "Plasturgiste"),
    ("meuble", "Ébéniste"),
    ("bois", "Menuisier / Menuisière"),
    ("électricité", "Pile à combustible"),
    ("hydrogène", "Pile à combustible"),
    ("chariot", "Cariste"),
    ("labo", "Technicien / Technicienne chimiste"),
    ("dessin 3d", "Dessinateur-projeteur / Dessinatrice-projeteuse"),
    ("bagnole", "Mécatronicien / Mécatronicienne automobile"),
    ("SOUDEUR", "Soudeur / Soudeuse"),
    ("H2913", "Soudeur / Soudeuse"),
]


def search(server: LiveServer, query: str) -> str:
    url = f"{server.url}/recherche/?{urllib.parse.urlencode({'q': query})}"
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - our test server
        assert response.status == 200
        return response.read().decode()


def titles(page: str) -> list[str]:
    return [html.unescape(title) for title in RESULT_TITLE.findall(page)]


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def server(request, tmp_path_factory):
    if request.param == "sqlite":
        yield request.getfixturevalue("site_server")
        return
    problem = postgres_available()
    if problem:
        skip_or_fail(problem, "REQUIRE_SERVICES")
    workdir = tmp_path_factory.mktemp("search-pg")
    with scratch_postgres_database() as database_url:
        env = server_env(database_url)
        prepare_database(env, workdir / "prepare.log")
        live = LiveServer(env=env, workdir=workdir).start()
        yield live
        live.stop()


@pytest.mark.parametrize(("query", "expected"), QUERIES)
def test_young_peoples_words_find_the_page_they_mean(server, query, expected):
    found = titles(search(server, query))[:TOP]
    assert expected in found, f"« {query} » → {found}"


def test_results_show_a_picture_a_type_and_an_extract(server):
    page = search(server, "soudeur")
    first = page[page.index('class="resultat"') :]
    first = first[: first.index("</li>")]
    assert "<img" in first and ".webp" in first and 'loading="lazy"' in first
    assert "Fiche métier" in first
    assert 'class="resultat-extrait"' in first


def test_nothing_found_suggests_a_spelling_and_ideas(server):
    page = search(server, "soudeurr xqzw")
    assert "0 résultat" in page
    assert "Tu voulais peut-être dire" in page and "soudeur" in page
    nothing = search(server, "xqzwv")
    assert "Essaie un autre mot" in nothing and "?q=yaourt" in nothing
