"""Game authoring in Wagtail and launching a live session from a game's page.

Editors write quizzes and parcours "de A à Z"; a question that cannot be played, or a game with
no question, cannot be published; a teacher launches a published game and lands on the host
screen; nobody else can.
"""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from wagtail.blocks import StructBlockValidationError
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, streamfield

from cms.demo import ensure_home_page
from cms.models import HomePage, StandardPage
from games.access.permissions import TEACHERS_GROUP, can_host
from games.kinds.quiz.blocks import QuestionsBlock
from games.kinds.quiz.engine import QuizSpec
from games.models import EscapeGamePage, GameIndexPage, GameSession, ParcoursPage, QuizPage
from games.wagtail_hooks import launch_header_button, launch_listing_button
from tests.support import metiers_factories as f
from tests.support.game_pages import game_index, launch_url, teacher

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_temporaire(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


# --- builders -----------------------------------------------------------------------------


def choice_value(metier, **overrides) -> dict:
    value = {
        "prompt": "Qui soude les tubes d'hydrogène ?",
        "image": None,
        "options": [{"text": "Soudeur", "correct": True}, {"text": "Fleuriste", "correct": False}],
        "explanation": "Le soudeur assemble les tubes.",
        "metiers": [metier.pk] if metier else [],
        "time_limit": 20,
        "points": 1000,
    }
    return {**value, **overrides}


def quiz_page(questions, publier=True, title="Quiz de la pile") -> QuizPage:
    page = QuizPage(title=title, introduction="Un quiz sur la pile.", questions=questions)
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


def block_errors(kind: str, value: dict) -> dict[str, list[str]]:
    """Clean one question as Wagtail does on publish; its messages, by field."""
    block = QuestionsBlock().child_blocks[kind]
    with pytest.raises(StructBlockValidationError) as raised:
        block.clean(block.to_python(value))
    return {name: messages_of(error) for name, error in raised.value.block_errors.items()}


# --- where game pages live ----------------------------------------------------------------


class TestWhereGamesLive(WagtailPageTestCase):
    def test_the_games_index_lives_under_the_home_page_once(self):
        self.assertCanCreateAt(HomePage, GameIndexPage)
        self.assertCanNotCreateAt(StandardPage, GameIndexPage)
        game_index()
        assert not GameIndexPage.can_create_at(ensure_home_page())

    def test_quizzes_and_parcours_live_under_the_games_index_only(self):
        self.assertAllowedSubpageTypes(GameIndexPage, {QuizPage, ParcoursPage, EscapeGamePage})
        for game in (QuizPage, ParcoursPage):
            self.assertCanNotCreateAt(HomePage, game)
            self.assertAllowedSubpageTypes(game, set())


class TestCreatingAQuizInTheAdmin(WagtailPageTestCase):
    def setUp(self):
        self.login()
        self.index = game_index()
        self.metier = f.metier()

    def quiz_form(self, questions) -> dict:
        return nested_form_data(
            {
                "title": "Quiz de la pile",
                "slug": "quiz-de-la-pile",
                "introduction": "Un quiz sur la pile.",
                "questions": streamfield(questions),
            }
        )

    def choice_form(self, options) -> dict:
        return {
            "prompt": "Qui soude les tubes d'hydrogène ?",
            "image": "",
            "options": f.liste_block(
                [
                    {"text": text, "correct": "on"} if right else {"text": text}
                    for text, right in options
                ]
            ),
            "explanation": "Le soudeur assemble les tubes.",
            "metiers": f.liste_block([str(self.metier.pk)]),
            "time_limit": "20",
            "points": "1000",
        }

    def test_an_editor_publishes_a_quiz_with_a_choice_question(self):
        data = self.quiz_form(
            [("choice", self.choice_form([("Soudeur", True), ("Fleuriste", False)]))]
        )
        data["action-publish"] = "action-publish"
        self.assertCanCreate(self.index, QuizPage, data)
        page = QuizPage.objects.get(slug="quiz-de-la-pile")
        assert page.live
        spec = page.game_spec()
        assert spec["questions"][0]["options"] == ["Soudeur", "Fleuriste"]
        assert spec["questions"][0]["correct"] == [0]
        assert spec["questions"][0]["metiers"][0]["url"] == self.metier.url
        assert QuizSpec.from_dict(spec).problems() == []

    def post_add(self, data, publish):
        if publish:
            data["action-publish"] = "action-publish"
        url = reverse("wagtailadmin_pages:add", args=["games", "quizpage", self.index.pk])
        return self.client.post(url, data)

    def test_a_question_without_a_right_answer_cannot_be_published_but_waits_in_a_draft(self):
        question = ("choice", self.choice_form([("Soudeur", False), ("Fleuriste", False)]))
        response = self.post_add(self.quiz_form([question]), publish=True)
        assert response.status_code == 200  # the form again, with its errors
        [error] = response.context["form"].errors.as_data()["questions"]
        question_errors = error.block_errors[0].block_errors
        assert messages_of(question_errors["options"]) == [
            "Aucune bonne réponse n'est cochée : cochez la ou les bonnes réponses."
        ]
        assert not QuizPage.objects.exists()

        response = self.post_add(self.quiz_form([question]), publish=False)
        assert response.status_code == 302
        assert not QuizPage.objects.get().live

    def test_an_empty_quiz_cannot_be_published_but_can_be_drafted(self):
        response = self.post_add(self.quiz_form([]), publish=True)
        assert response.status_code == 200
        assert response.context["form"].errors["questions"] == ["Le quiz n'a aucune question."]
        assert not QuizPage.objects.exists()

        assert self.post_add(self.quiz_form([]), publish=False).status_code == 302
        assert not QuizPage.objects.get().live


# --- each question's rules, on the field to fix ---------------------------------------------


def test_a_choice_question_needs_a_right_answer_and_distinct_options():
    metier = f.metier()
    errors = block_errors(
        "choice",
        choice_value(
            metier,
            options=[{"text": "Soudeur", "correct": False}, {"text": "soudeur ", "correct": False}],
        ),
    )
    assert set(errors) == {"options"}
    assert (
        "Aucune bonne réponse n'est cochée : cochez la ou les bonnes réponses." in errors["options"]
    )
    assert "La réponse « soudeur » est proposée deux fois." in errors["options"]


def test_a_question_must_lead_to_at_least_one_fiche():
    errors = block_errors("choice", choice_value(None))
    assert set(errors) == {"metiers"}
    assert "au moins une fiche métier" in errors["metiers"][0]


def test_an_ordering_question_needs_three_items():
    metier = f.metier()
    value = {**choice_value(metier), "items": ["Découper", "Souder"]}
    del value["options"]
    errors = block_errors("ordering", value)
    assert errors == {"items": ["Il faut entre 3 et 8 éléments à remettre dans l'ordre."]}


def test_a_matching_question_refuses_the_same_left_twice():
    metier = f.metier()
    value = {
        **choice_value(metier),
        "pairs": [
            {"left": "Soudeur", "right": "Souder les tubes"},
            {"left": "Soudeur", "right": "Tester la pile"},
        ],
    }
    del value["options"]
    errors = block_errors("matching", value)
    assert errors == {"pairs": ["« Soudeur » apparaît deux fois dans la même colonne."]}


def test_an_estimate_refuses_a_negative_tolerance():
    metier = f.metier()
    value = {**choice_value(metier), "value": 2150, "tolerance": -10, "unit": "€"}
    del value["options"]
    assert block_errors("estimate", value) == {
        "tolerance": ["La tolérance ne peut pas être négative."]
    }


def test_an_empty_quiz_cannot_be_saved_by_code_either():
    with pytest.raises(ValidationError) as raised:
        quiz_page([])
    assert raised.value.message_dict["questions"] == ["Le quiz n'a aucune question."]


def test_ordering_ids_do_not_give_the_order_away():
    metier = f.metier()
    value = {**choice_value(metier), "items": ["Concevoir", "Fabriquer", "Tester", "Livrer"]}
    del value["options"]
    page = quiz_page([{"type": "ordering", "value": value}])
    items = page.game_spec()["questions"][0]["items"]
    assert [item["text"] for item in items] == ["Concevoir", "Fabriquer", "Tester", "Livrer"]
    ids = [item["id"] for item in items]
    assert ids != sorted(ids) and len(set(ids)) == 4


# --- parcours generated from an objet ---------------------------------------------------------


def objet_with_chain():
    soudeur, usineur, controleur = (
        f.metier(title, slug=slug)
        for title, slug in (
            ("Soudeur / Soudeuse", "soudeur"),
            ("Opérateur en usinage", "usinage"),
            ("Contrôleur qualité", "controle"),
        )
    )
    autres = [f.metier(title) for title in ("Horloger", "Ébéniste", "Maroquinier")]
    energie, bois = f.filiere("Énergie"), f.filiere("Bois")
    f.filiere("Luxe")
    objet = f.objet(
        etapes=[
            ("Former les plaques", [usineur]),
            ("Souder le circuit", [soudeur]),
            ("Tester chaque pile", [controleur]),
            ("Livrer", []),
        ],
        filieres=[energie],
    )
    return objet, [soudeur, usineur, controleur], autres, bois


def test_a_new_parcours_gets_its_questions_from_the_objet_chain():
    objet, chain_metiers, autres, _bois = objet_with_chain()
    page = ParcoursPage(title="De A à Z : la pile", slug="parcours-pile", objet=objet)
    game_index().add_child(instance=page)
    page.save_revision().publish()

    spec = page.game_spec()
    assert spec["kind"] == "parcours"
    kinds = [q["kind"] for q in spec["questions"]]
    assert kinds == ["choice", "choice", "choice", "ordering", "choice"]
    first = spec["questions"][0]
    assert "Former les plaques" in first["prompt"]
    right = [first["options"][i] for i in first["correct"]]
    assert right == ["Opérateur en usinage"]
    assert set(first["options"]) - set(right) <= {m.title for m in chain_metiers + autres}
    ordre = spec["questions"][3]
    assert [item["text"] for item in ordre["items"]] == [
        "Former les plaques",
        "Souder le circuit",
        "Tester chaque pile",
        "Livrer",
    ]
    assert all(q["metiers"] for q in spec["questions"])  # each one leads to fiches
    assert QuizSpec.from_dict(spec).problems() == []


def test_an_editor_regenerates_the_questions_from_the_objet():
    objet, *_rest = objet_with_chain()
    page = ParcoursPage(title="De A à Z : la pile", slug="parcours-pile", objet=objet)
    game_index().add_child(instance=page)
    page.questions = list(page.questions.raw_data)[:1]  # the editor kept one question only
    page.save_revision().publish()
    assert len(ParcoursPage.objects.get().questions) == 1

    client = Client()
    client.force_login(get_user_model().objects.create_superuser("admin", "", "x"))
    page = ParcoursPage.objects.get()
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "objet": str(objet.pk),
            "introduction": "",
            "regenerer": "on",
            "questions": streamfield([]),
            "action-publish": "action-publish",
        }
    )
    assert edit.status_code == 200
    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert response.status_code == 302, response.context["form"].errors
    assert len(ParcoursPage.objects.get().questions) == 5


# --- who may launch --------------------------------------------------------------------------


def test_only_teachers_and_administrators_may_host(rf):
    from django.contrib.auth.models import AnonymousUser

    User = get_user_model()
    assert can_host(teacher())
    assert can_host(User.objects.create_superuser("admin", "", "x"))
    assert not can_host(User.objects.create_user("eleve", password="x"))
    assert not can_host(AnonymousUser())


def test_a_teacher_logs_into_the_admin_and_finds_the_games():
    quiz = quiz_page([{"type": "choice", "value": choice_value(f.metier())}])
    client = Client()
    client.force_login(teacher())
    assert client.get("/admin/").status_code == 200
    listing = client.get(reverse("wagtailadmin_explore", args=[game_index().pk]))
    assert listing.status_code == 200
    assert quiz.title in listing.content.decode()


def test_the_admin_offers_lancer_on_published_games_to_hosts_only():
    quiz = quiz_page([{"type": "choice", "value": choice_value(f.metier())}])
    eleve = get_user_model().objects.create_user("eleve", password="x")
    [button] = launch_listing_button(quiz, teacher())
    assert button.url == quiz.url
    assert list(launch_listing_button(quiz, eleve)) == []
    assert list(launch_header_button(game_index(), teacher("prof2"), "edit")) == []


class TestLaunching:
    @pytest.fixture
    def quiz(self):
        return quiz_page([{"type": "choice", "value": choice_value(f.metier())}])

    def test_a_visitor_is_sent_to_log_in_then_back_to_the_game(self, client, quiz):
        response = client.post(launch_url(quiz))
        assert response.status_code == 302
        assert response.url.startswith(reverse("wagtailadmin_login"))
        assert f"next={quiz.url}" in response.url
        assert not GameSession.objects.exists()

    def test_a_logged_in_student_may_not_launch(self, client, quiz):
        client.force_login(get_user_model().objects.create_user("eleve", password="x"))
        assert client.post(launch_url(quiz)).status_code == 403
        assert not GameSession.objects.exists()

    def test_a_teacher_launches_and_lands_on_the_host_screen(self, client, quiz):
        prof = teacher()
        client.force_login(prof)
        response = client.post(launch_url(quiz))
        session = GameSession.objects.get()
        assert response.status_code == 302
        assert response.url == f"/jeu/{session.pin}/hote/"
        assert len(session.pin) == 6 and session.pin.isdigit()
        assert (session.kind, session.host, session.page_id) == ("quiz", prof, quiz.pk)
        assert session.spec["questions"][0]["prompt"] == "Qui soude les tubes d'hydrogène ?"

    def test_a_launch_is_a_post(self, client, quiz):
        client.force_login(teacher())
        assert client.get(launch_url(quiz)).status_code == 405

    def test_an_unpublished_or_unknown_game_is_not_found(self, client, quiz):
        client.force_login(teacher())
        brouillon = quiz_page(
            [{"type": "choice", "value": choice_value(f.metier())}],
            publier=False,
            title="Brouillon",
        )
        assert client.post(launch_url(brouillon)).status_code == 404
        assert client.post(launch_url(game_index())).status_code == 404
        assert client.post(reverse("games:launch", kwargs={"page_id": 999_999})).status_code == 404
        assert not GameSession.objects.exists()

    def test_a_game_that_cannot_be_played_comes_back_with_its_problems(self, client):
        # Written by code, so no block checked it: the launch checks again.
        value = choice_value(
            f.metier(), options=[{"text": "A", "correct": False}, {"text": "B", "correct": False}]
        )
        quiz = quiz_page([{"type": "choice", "value": value}])
        client.force_login(teacher())
        response = client.post(launch_url(quiz))
        assert response.status_code == 302 and response.url == quiz.url
        messages = [str(m) for m in get_messages(response.wsgi_request)]
        assert (
            "Question 1 : Aucune bonne réponse n'est cochée : cochez la ou les bonnes réponses."
            in messages
        )
        assert not GameSession.objects.exists()
        page = client.get(quiz.url).content.decode()
        assert "Aucune bonne réponse" in page


class TestTheGamePage:
    def test_a_teacher_sees_the_launch_button(self, client):
        metier = f.metier("Soudeur / Soudeuse")
        quiz = quiz_page([{"type": "choice", "value": choice_value(metier)}])
        client.force_login(teacher())
        html = client.get(quiz.url).content.decode()
        assert f'action="{launch_url(quiz)}"' in html
        assert 'name="csrfmiddlewaretoken"' in html
        assert "Lancer le jeu en classe" in html
        assert "1 question" in html
        assert f'href="{metier.url}"' in html

    def test_anyone_else_is_told_to_join_on_jouer(self, client):
        quiz = quiz_page([{"type": "choice", "value": choice_value(f.metier())}])
        html = client.get(quiz.url).content.decode()
        assert "Lancer le jeu" not in html
        assert 'href="/jouer/"' in html
        assert "Votre enseignant lance le jeu en classe" in html


# --- the demo -------------------------------------------------------------------------------


def test_the_demo_games_are_playable_and_loading_twice_duplicates_nothing(client):
    call_command("load_demo", verbosity=0)
    slugs = {
        "quiz-pile-a-combustible": QuizPage,
        "parcours-pile-a-combustible": ParcoursPage,
        "quiz-eclairage-automobile": QuizPage,
        "parcours-eclairage-automobile": ParcoursPage,
    }
    for slug, model in slugs.items():
        page = model.objects.live().get(slug=slug)
        spec = page.game_spec()
        assert QuizSpec.from_dict(spec).problems() == [], slug
        assert all(q["metiers"] for q in spec["questions"]), slug
        assert client.get(page.url).status_code == 200
        if model is QuizPage:
            assert 6 <= len(spec["questions"]) <= 8
            kinds = {q["kind"] for q in spec["questions"]}
            assert kinds == {"choice", "true_false", "ordering", "matching", "estimate"}, slug
    assert client.get(GameIndexPage.objects.get().url).status_code == 200
    prof = get_user_model().objects.get(username="prof.demo")
    assert can_host(prof) and prof.groups.filter(name=TEACHERS_GROUP).exists()

    pages_before = QuizPage.objects.count() + ParcoursPage.objects.count()
    call_command("load_demo", verbosity=0)
    assert QuizPage.objects.count() + ParcoursPage.objects.count() == pages_before == 4
    assert GameIndexPage.objects.count() == 1
    assert get_user_model().objects.filter(username="prof.demo").count() == 1


def test_a_new_choice_question_has_no_answer_ticked():
    """Issue 11: a quiz went live with its first answer pre-ticked as the right one."""
    block = QuestionsBlock().child_blocks["choice"]
    assert [option["correct"] for option in block.get_default()["options"]] == [False, False]
