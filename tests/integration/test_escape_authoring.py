"""Escape game authoring in Wagtail, the demo « Panne à l'usine », and launching it.

Editors write énigmes that lead to fiches métiers; an énigme that cannot be played (no
solution, a code no padlock can take, a branch to nowhere...) cannot be published, with the
message on the field to fix; a teacher launches a published escape game as a live session.
"""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from wagtail.blocks import StreamBlockValidationError, StructBlockValidationError
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from cms.models import HomePage, StandardPage
from games.engine.commands import AddTeam, JoinTeam, Start, Submit
from games.kinds.escape.blocks import EnigmesBlock
from games.kinds.escape.engine import EscapeSpec, EscapeState, apply_escape, canonical
from games.kinds.escape.pages import TEAM_NAMES
from games.models import EscapeGamePage, GameIndexPage, GameSession
from games.wagtail_hooks import launch_listing_button
from tests.support import metiers_factories as f
from tests.support.game_pages import game_index, launch_url, teacher

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_temporaire(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


# --- builders -----------------------------------------------------------------------------

ANSWERS = {
    "padlock_colours": {"colours": [], "sequence": ["rouge", "vert"]},
    "padlock_digits": {"codes": ["4350"]},
    "padlock_letters": {"codes": ["USINE"]},
    "padlock_directions": {"sequence": ["haut", "droite"]},
    "choice": {
        "options": [{"text": "Soudeur", "correct": True}, {"text": "Cariste", "correct": False}],
        "together": False,
    },
    "ordering": {"items": ["Préparer", "Empiler", "Tester"]},
    "matching": {
        "pairs": [
            {"left": "Soudeur", "right": "Poste à souder"},
            {"left": "Cariste", "right": "Chariot"},
        ]
    },
    "find_trade": {"answers": ["Cariste"], "suggestions": []},
}


def enigme_value(metier, kind="padlock_colours", **overrides) -> dict:
    """A playable énigme of `kind` (a colour padlock by default), as stream data."""
    value = {
        "identifier": "voyants",
        "title": "Le tableau électrique",
        "story": "<p>Le tableau refuse de redémarrer.</p>",
        "image": None,
        "prompt": "Allumez les voyants dans l'ordre.",
        **ANSWERS[kind],
        "hints": [{"text": "Pensez au feu tricolore.", "penalty_s": 60}],
        "fragments": ["1er : danger.", "2e : on repart."],
        "metiers": [metier.pk if metier else None],  # None: a chooser left empty
        "branches": [],
        "next_default": "",
    }
    return {"type": kind, "value": {**value, **overrides}}


def escape_page(enigmes, publier=True, **fields) -> EscapeGamePage:
    fields.setdefault("title", "Panne de test")
    page = EscapeGamePage(enigmes=enigmes, **fields)
    page.live = publier
    game_index().add_child(instance=page)
    revision = page.save_revision()
    if publier:
        revision.publish()
        page.refresh_from_db()
    return page


def messages_of(error: ValidationError) -> list[str]:
    """The messages shown on a field: a list block shows them above its items."""
    nested = getattr(error, "non_block_errors", None)
    if nested is not None:
        return [message for e in nested.as_data() for message in e.messages]
    return error.messages


def fields_of(error: StructBlockValidationError) -> dict[str, list[str]]:
    return {name: messages_of(e) for name, e in error.block_errors.items()}


def enigme_errors(child: dict) -> dict[str, list[str]]:
    """Clean one énigme as Wagtail does on publish; its messages, by field."""
    block = EnigmesBlock().child_blocks[child["type"]]
    with pytest.raises(StructBlockValidationError) as raised:
        block.clean(block.to_python(child["value"]))
    return fields_of(raised.value)


def stream_errors(children: list[dict]) -> dict[int, dict[str, list[str]]]:
    """Clean a list of énigmes on publish; messages by énigme position, then field."""
    block = EnigmesBlock()
    stream = block.to_python(children)
    with pytest.raises(StreamBlockValidationError) as raised:
        block.clean(stream)
    return {index: fields_of(error) for index, error in raised.value.block_errors.items()}


# --- where escape games live --------------------------------------------------------------


class TestWhereEscapeGamesLive(WagtailPageTestCase):
    def test_under_the_games_index_only_and_nothing_below(self):
        self.assertCanCreateAt(GameIndexPage, EscapeGamePage)
        self.assertCanNotCreateAt(HomePage, EscapeGamePage)
        self.assertCanNotCreateAt(StandardPage, EscapeGamePage)
        self.assertAllowedSubpageTypes(EscapeGamePage, set())


class TestWritingAnEscapeGameInTheAdmin(WagtailPageTestCase):
    def setUp(self):
        self.login()
        self.index = game_index()
        self.metier = f.metier("Technicien en électronique", slug="technicien-electronique")

    def form(self, enigmes, **fields) -> dict:
        return nested_form_data(
            {
                "title": "Panne à l'atelier",
                "slug": "panne-a-l-atelier",
                "introduction": rich_text("<p>La ligne s'arrête.</p>"),
                "image": "",
                "duree_minutes": "30",
                "taille_equipe": "3",
                "nombre_equipes": "4",
                "enigmes": streamfield([("padlock_colours", e) for e in enigmes]),
                "conclusion": rich_text("<p>Bravo !</p>"),
                **fields,
            }
        )

    def enigme_form(self, **overrides) -> dict:
        value = {
            "identifier": "voyants",
            "title": "Le tableau électrique",
            "story": rich_text("<p>Le tableau refuse de redémarrer.</p>"),
            "image": "",
            "prompt": "Allumez les voyants dans l'ordre.",
            "colours": f.liste_block(["rouge", "vert", "bleu"]),
            "sequence": f.liste_block(["rouge", "vert"]),
            "hints": f.liste_block([{"text": "Pensez au feu tricolore.", "penalty_s": "45"}]),
            "fragments": f.liste_block(["1er : danger.", "2e : on repart.", "Rien ici."]),
            "metiers": f.liste_block([str(self.metier.pk)]),
            "branches": f.liste_block([]),
            "next_default": "",
        }
        return {**value, **overrides}

    def post_add(self, data, publish):
        if publish:
            data["action-publish"] = "action-publish"
        url = reverse("wagtailadmin_pages:add", args=["games", "escapegamepage", self.index.pk])
        return self.client.post(url, data)

    def test_the_admin_form_opens(self):
        url = reverse("wagtailadmin_pages:add", args=["games", "escapegamepage", self.index.pk])
        response = self.client.get(url)
        assert response.status_code == 200
        html = response.content.decode()
        assert "Cadenas" in html and "Associer" in html  # the kinds, in the blocks' definitions

    def test_an_editor_publishes_an_escape_game_the_engine_can_play(self):
        data = self.form([self.enigme_form()])
        data["action-publish"] = "action-publish"
        self.assertCanCreate(self.index, EscapeGamePage, data)
        page = EscapeGamePage.objects.get(slug="panne-a-l-atelier")
        assert page.live
        spec = page.game_spec()
        assert (spec["title"], spec["duration_s"], spec["team_size"]) == (
            "Panne à l'atelier",
            1800,
            3,
        )
        assert spec["teams"] == [{"id": f"t{n}", "name": TEAM_NAMES[n - 1]} for n in range(1, 5)]
        assert "La ligne s'arrête." in spec["introduction_html"]
        assert "Bravo" in spec["conclusion_html"]
        [enigme] = spec["enigmes"]
        assert enigme["id"] == "voyants"
        assert enigme["kind"] == "padlock_colours"
        assert enigme["text"] == "Allumez les voyants dans l'ordre."
        assert enigme["hints"] == [{"text": "Pensez au feu tricolore.", "penalty_s": 45}]
        assert enigme["fragments"] == ["1er : danger.", "2e : on repart.", "Rien ici."]
        assert enigme["metiers"] == [
            {"id": str(self.metier.pk), "title": self.metier.title, "url": self.metier.url}
        ]
        assert enigme["next"] is None
        assert enigme["data"]["length"] == 2
        assert enigme["data"]["colours"] == ["rouge", "vert", "bleu"]
        assert "Le tableau refuse de redémarrer." in enigme["data"]["story_html"]
        assert EscapeSpec.from_dict(spec).problems() == []

    def test_a_code_the_padlock_cannot_show_waits_in_a_draft_but_is_not_published(self):
        enigme = self.enigme_form(sequence=f.liste_block(["rouge", "jaune"]))
        response = self.post_add(self.form([enigme]), publish=True)
        assert response.status_code == 200  # the form again, with its errors
        [error] = response.context["form"].errors.as_data()["enigmes"]
        fields = fields_of(error.block_errors[0])
        assert fields == {"sequence": ["« jaune » n'est pas une couleur du cadenas."]}
        assert not EscapeGamePage.objects.exists()

        assert self.post_add(self.form([enigme]), publish=False).status_code == 302
        assert not EscapeGamePage.objects.get().live

    def test_an_escape_game_without_enigme_cannot_be_published(self):
        response = self.post_add(self.form([]), publish=True)
        assert response.status_code == 200
        assert response.context["form"].errors["enigmes"] == ["L'escape game n'a aucune énigme."]

    def test_duration_and_team_size_stay_in_their_ranges(self):
        data = self.form([self.enigme_form()], duree_minutes="5", taille_equipe="9")
        response = self.post_add(data, publish=True)
        assert response.status_code == 200
        errors = response.context["form"].errors
        assert set(errors) == {"duree_minutes", "taille_equipe"}


# --- each énigme's rules, on the field to fix ----------------------------------------------


def test_an_enigme_needs_a_solution():
    errors = enigme_errors(enigme_value(f.metier(), "padlock_digits", codes=["", "  "]))
    assert errors == {"codes": ["Aucune solution n'est indiquée."]}


def test_a_padlock_code_must_fit_its_kind():
    errors = enigme_errors(enigme_value(f.metier(), "padlock_digits", codes=["4 3-5 0", "43a0"]))
    assert errors == {
        "codes": ["La solution « 43a0 » ne peut pas être saisie sur ce type d'énigme."]
    }


def test_fragments_and_hints_may_not_be_empty():
    value = enigme_value(
        f.metier(), fragments=["1er : danger.", " "], hints=[{"text": "", "penalty_s": 60}]
    )
    assert enigme_errors(value) == {
        "fragments": ["Un fragment d'indice est vide."],
        "hints": ["Un indice est vide."],
    }


def test_an_enigme_reveals_at_least_one_fiche():
    errors = enigme_errors(enigme_value(None))
    assert set(errors) == {"metiers"}
    assert "au moins une fiche métier" in errors["metiers"][0]


def test_an_identifier_is_a_short_slug():
    errors = enigme_errors(enigme_value(f.metier(), identifier="Le Tableau"))
    assert set(errors) == {"identifier"}


def test_a_choice_needs_a_ticked_answer_and_two_to_six_options():
    unticked = [{"text": "Soudeur", "correct": False}, {"text": "Cariste", "correct": False}]
    value = enigme_value(f.metier(), "choice", options=unticked)
    assert enigme_errors(value) == {
        "options": ["Cochez la ou les bonnes réponses : aucune n'est cochée."]
    }
    value = enigme_value(f.metier(), "choice", options=[{"text": "Soudeur", "correct": True}])
    assert enigme_errors(value) == {"options": ["Il faut entre 2 et 6 éléments."]}


def test_nothing_is_ticked_in_a_new_choice():
    block = EnigmesBlock().child_blocks["choice"]
    assert [option["correct"] for option in block.get_default()["options"]] == [False, False]


def test_an_ordering_has_three_to_eight_items():
    value = enigme_value(f.metier(), "ordering", items=["Tester", "Préparer"])
    assert enigme_errors(value) == {"items": ["Il faut entre 3 et 8 éléments."]}


def test_a_matching_pair_has_two_sides():
    pairs = [{"left": "Soudeur", "right": ""}, {"left": "Cariste", "right": "Chariot"}]
    # Wagtail's own « required » on the empty side, shown on the pair.
    assert set(enigme_errors(enigme_value(f.metier(), "matching", pairs=pairs))) == {"pairs"}


def test_a_colour_of_the_code_must_be_on_the_padlock():
    value = enigme_value(f.metier(), colours=["rouge", "vert"], sequence=["rouge", "bleu"])
    assert enigme_errors(value) == {"sequence": ["« bleu » n'est pas une couleur du cadenas."]}


def test_a_branch_answer_must_be_a_solution():
    value = enigme_value(f.metier(), branches=[{"answer": "bleu", "target": "fin"}])
    assert enigme_errors(value) == {
        "branches": ["La branche « bleu » ne correspond à aucune solution."]
    }


def test_identifiers_are_unique_in_the_game():
    metier = f.metier()
    errors = stream_errors([enigme_value(metier), enigme_value(metier, title="Encore")])
    assert errors == {1: {"identifier": ["Deux énigmes ont le même identifiant."]}}


def test_a_branch_goes_to_an_existing_enigme():
    metier = f.metier()
    first = enigme_value(
        metier,
        branches=[{"answer": "rouge vert", "target": "nulle-part"}],
        next_default="ailleurs",
    )
    last = enigme_value(metier, identifier="fin")
    assert stream_errors([first, last]) == {
        0: {
            "branches": ["la suite « nulle-part » n'existe pas."],
            "next_default": ["la suite « ailleurs » n'existe pas."],
        }
    }


def test_the_last_enigme_ends_the_game():
    metier = f.metier()
    errors = stream_errors(
        [enigme_value(metier), enigme_value(metier, identifier="fin", next_default="voyants")]
    )
    assert errors == {
        1: {
            "next_default": ["La dernière énigme termine le jeu : elle ne peut pas avoir de suite."]
        }
    }


def test_a_loop_is_refused_for_the_whole_game():
    metier = f.metier()
    enigmes = [
        enigme_value(
            metier,
            "padlock_digits",
            identifier="a",
            codes=["12", "34"],
            branches=[{"answer": "12", "target": "b"}, {"answer": "34", "target": "fin"}],
        ),
        enigme_value(metier, identifier="b", next_default="a"),
        enigme_value(metier, identifier="fin"),
    ]
    with pytest.raises(ValidationError) as raised:
        escape_page(enigmes)
    assert raised.value.message_dict["enigmes"] == [
        "Les énigmes forment une boucle (retour à « a »)."
    ]


def test_a_draft_waits_for_publishing():
    block = EnigmesBlock()
    stream = block.to_python([enigme_value(None, "padlock_digits", codes=[""])])
    assert block.clean_deferred(stream) is not None


# --- what the engine receives ----------------------------------------------------------------


def test_solutions_are_compared_as_the_engine_reads_codes():
    page = escape_page([enigme_value(f.metier())])
    spec = EscapeSpec.from_dict(page.game_spec())
    assert spec.problems() == []
    [enigme] = spec.enigmes
    assert enigme.solutions == ["rouge, vert"]
    assert enigme.accepted() == {canonical("padlock_colours", "rouge vert")}
    assert canonical("padlock_colours", "🔴 🟢") in enigme.accepted()


def test_branches_and_kind_data_in_the_spec():
    metier = f.metier()
    fork = enigme_value(
        metier,
        "choice",
        identifier="fourche",
        options=[{"text": "Les phares", "correct": True}, {"text": "Les piles", "correct": True}],
        branches=[{"answer": "a", "target": "phares"}],
        next_default="piles",
    )
    phares = enigme_value(metier, "matching", identifier="phares", next_default="fin")
    piles = enigme_value(metier, "ordering", identifier="piles")
    fin = enigme_value(metier, "find_trade", identifier="fin")
    page = escape_page([fork, phares, piles, fin])
    spec = page.game_spec()
    assert EscapeSpec.from_dict(spec).problems() == []
    by_id = {enigme["id"]: enigme for enigme in spec["enigmes"]}
    assert by_id["fourche"]["next"] == {"a": "phares", "*": "piles"}
    assert by_id["fourche"]["solutions"] == ["A", "B"]  # each one opens the padlock
    assert by_id["fourche"]["data"]["options"] == [
        {"key": "A", "text": "Les phares"},
        {"key": "B", "text": "Les piles"},
    ]
    assert by_id["fourche"]["data"]["multiple"] is False
    assert by_id["phares"]["data"]["left"] == [
        {"key": "1", "text": "Soudeur"},
        {"key": "2", "text": "Cariste"},
    ]
    right = {item["key"]: item["text"] for item in by_id["phares"]["data"]["right"]}
    [code] = by_id["phares"]["solutions"]
    assert {right[code[1]], right[code[4]]} == {"Poste à souder", "Chariot"}
    assert right[code[1]] == "Poste à souder"  # 1 (Soudeur) goes with his poste
    shown = by_id["piles"]["data"]["items"]
    assert sorted(item["text"] for item in shown) == ["Empiler", "Préparer", "Tester"]
    assert [item["text"] for item in shown] != ["Préparer", "Empiler", "Tester"]  # shuffled
    text_of = {item["key"]: item["text"] for item in shown}
    [order] = by_id["piles"]["solutions"]
    assert [text_of[key] for key in order] == ["Préparer", "Empiler", "Tester"]
    assert by_id["fin"]["data"]["suggestions"] == []
    assert page.taille_du_jeu() == "4 énigmes en 45 minutes"


def test_the_blocks_read_back_what_they_write():
    metier = f.metier()
    children = [enigme_value(metier, kind, identifier=kind.replace("_", "-")) for kind in ANSWERS]
    page = escape_page(children, publier=False)
    spec = page.game_spec()
    again = EnigmesBlock.raw_from_engine(
        [{**e, "metiers": [{"id": metier.pk}]} for e in spec["enigmes"]]
    )
    assert [child["type"] for child in again] == list(ANSWERS)
    for child, before in zip(again, children, strict=True):
        for name in ANSWERS[child["type"]]:
            assert child["value"][name] == before["value"][name], (child["type"], name)


# --- the demo --------------------------------------------------------------------------------


@pytest.fixture
def demo():
    call_command("load_demo", verbosity=0)
    return EscapeGamePage.objects.live().get(slug="panne-a-l-usine")


def play_through(spec: EscapeSpec, answers: dict[str, str]) -> list[str]:
    """One team of two plays the whole game with `answers`; the énigmes it met, in order."""
    state, now = EscapeState(), 1_000
    for command in (
        AddTeam(team_id="t1", name="Les Castors"),
        JoinTeam(player_id="p1", team_id="t1"),
        JoinTeam(player_id="p2", team_id="t1"),
        Start(),
    ):
        state = apply_escape(spec, state, command, now).state
    met = []
    while state.teams["t1"]["current"] is not None:
        current = state.teams["t1"]["current"]
        met.append(current)
        now += 60_000
        submit = Submit(team_id="t1", player_id="p2", enigme_id=current, code=answers[current])
        state = apply_escape(spec, state, submit, now).state
    assert state.phase == "finished"
    return met


def test_the_demo_escape_game_is_playable_on_both_paths(client, demo):
    raw = demo.game_spec()
    spec = EscapeSpec.from_dict(raw)
    assert spec.problems() == []
    assert (spec.duration_s, spec.team_size) == (40 * 60, 4)
    assert 6 <= len(spec.enigmes) <= 8
    assert {e.kind for e in spec.enigmes} >= {
        "padlock_digits",
        "padlock_colours",
        "find_trade",
        "ordering",
        "matching",
        "choice",
    }
    assert all(e.metiers and all(m["url"] for m in e.metiers) for e in spec.enigmes)
    assert all(1 <= len(e.hints) <= 3 for e in spec.enigmes)
    with_fragments = [e for e in spec.enigmes if e.fragments]
    assert len(with_fragments) >= 3 and all(3 <= len(e.fragments) <= 4 for e in with_fragments)
    assert [team["name"] for team in raw["teams"]] == list(TEAM_NAMES[:6])

    answers = {e.id: e.solutions[0] for e in spec.enigmes}
    by_phares = play_through(spec, answers)
    by_piles = play_through(spec, {**answers, "aiguillage": "B"})
    assert by_phares != by_piles
    assert by_phares[:4] == by_piles[:4] and by_phares[-2:] == by_piles[-2:]  # they join again

    html = client.get(demo.url).content.decode()
    assert "<h1>Panne à l&#x27;usine</h1>" in html and "Escape game" in html
    index = client.get(GameIndexPage.objects.get().url).content.decode()
    assert "8 énigmes en 40 minutes" in index


def test_loading_the_demo_twice_duplicates_nothing(demo):
    call_command("load_demo", verbosity=0)
    assert EscapeGamePage.objects.count() == 1
    assert EscapeGamePage.objects.get().pk == demo.pk


# --- launching ---------------------------------------------------------------------------------


class TestLaunchingTheDemo:
    def test_a_teacher_launches_an_escape_session(self, client, demo):
        prof = teacher()
        client.force_login(prof)
        response = client.post(launch_url(demo))
        session = GameSession.objects.get()
        assert response.status_code == 302
        assert response.url == f"/jeu/{session.pin}/hote/"
        assert (session.kind, session.host, session.page_id) == ("escape", prof, demo.pk)
        assert session.title == "Panne à l'usine"
        assert len(session.spec["enigmes"]) == 8

    def test_a_visitor_is_sent_to_log_in(self, client, demo):
        response = client.post(launch_url(demo))
        assert response.status_code == 302
        assert response.url.startswith(reverse("wagtailadmin_login"))
        assert not GameSession.objects.exists()

    def test_a_student_may_not_launch(self, client, demo):
        client.force_login(get_user_model().objects.create_user("eleve", password="x"))
        assert client.post(launch_url(demo)).status_code == 403
        assert not GameSession.objects.exists()


class TestTheEscapePage:
    def test_a_teacher_sees_the_launch_button_and_the_trades_to_discover(self, client):
        metier = f.metier("Cariste", slug="cariste")
        page = escape_page([enigme_value(metier)])
        client.force_login(teacher())
        html = client.get(page.url).content.decode()
        assert f'action="{launch_url(page)}"' in html
        assert "Lancer le jeu en classe" in html
        assert f'href="{metier.url}"' in html
        [button] = launch_listing_button(page, teacher("prof2"))
        assert button.url == page.url

    def test_students_are_sent_to_jouer_without_the_answers(self, client):
        metier = f.metier("Cariste", slug="cariste")
        page = escape_page([enigme_value(metier)])
        html = client.get(page.url).content.decode()
        assert "Lancer le jeu" not in html
        assert 'href="/jouer/"' in html
        assert f'href="{metier.url}"' not in html  # a trade to find is an answer
