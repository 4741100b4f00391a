from games.kinds.quiz.engine.generate import parcours_questions, parcours_spec, spread
from games.kinds.quiz.engine.state import QuizSpec


def metier(n):
    return {"id": f"m{n}", "title": f"Métier {n}", "url": f"/metiers/{n}/"}


def objet(step_count=5):
    return {
        "title": "Le vélo",
        "etapes": [
            {"id": f"e{n}", "title": f"Étape {n}", "text": f"Texte {n}", "metiers": [metier(n)]}
            for n in range(step_count)
        ],
        "filieres": [{"id": "f-meca", "title": "Mécanique"}],
    }


POOL = {
    "metiers": [metier(100), metier(101)],
    "filieres": [{"id": f"f{n}", "title": f"Filière {n}"} for n in range(5)],
}


def by_id(questions):
    return {question["id"]: question for question in questions}


def test_parcours_spec_loads_and_is_valid():
    spec = QuizSpec.from_dict(parcours_spec(objet(), POOL, seed="s1"))
    assert spec.kind == "parcours"
    assert spec.title == "De A à Z : Le vélo"
    assert spec.problems() == []
    assert [q.kind for q in spec.questions] == ["choice"] * 5 + ["ordering", "choice"]


def test_generation_is_deterministic_and_depends_on_the_seed():
    first = parcours_questions(objet(), POOL, seed="s1")
    assert first == parcours_questions(objet(), POOL, seed="s1")
    others = [parcours_questions(objet(), POOL, seed=f"seed{n}") for n in range(5)]
    assert any(other != first for other in others)


def test_etape_question_has_the_right_metier_among_distinct_options():
    questions = by_id(parcours_questions(objet(), POOL, seed="s1"))
    question = questions["le-velo-etape-e2"]
    assert "Étape 2" in question["prompt"]
    assert len(question["options"]) == 4
    assert len(set(question["options"])) == 4
    assert [question["options"][i] for i in question["correct"]] == ["Métier 2"]
    assert question["metiers"] == [metier(2)]
    assert question["explanation"] == "Texte 2"


def test_other_metiers_of_the_same_etape_are_never_wrong_options():
    data = objet()
    data["etapes"][0]["metiers"] = [metier(0), metier(1)]
    for seed in range(20):
        question = by_id(parcours_questions(data, POOL, seed=str(seed)))["le-velo-etape-e0"]
        assert "Métier 1" not in question["options"]


def test_an_etape_without_metier_or_distractor_gets_no_question():
    data = objet(3)
    data["etapes"][1]["metiers"] = []
    ids = by_id(parcours_questions(data, {}, seed="s")).keys()
    assert "le-velo-etape-e1" not in ids
    lonely = {"title": "Seul", "etapes": [{"id": "e", "title": "E", "metiers": [metier(1)]}]}
    assert parcours_questions(lonely, {}, seed="s") == []


def test_ordering_question_keeps_three_to_eight_etapes_spread_evenly():
    questions = by_id(parcours_questions(objet(12), POOL, seed="s"))
    items = [item["id"] for item in questions["le-velo-ordre"]["items"]]
    assert len(items) == 8
    assert items[0] == "e0" and items[-1] == "e11"
    assert items == sorted(items, key=lambda item: int(item[1:]))
    assert "le-velo-ordre" not in by_id(parcours_questions(objet(2), POOL, seed="s"))
    assert spread(list(range(5)), 3) == [0, 2, 4]


def test_filiere_question_uses_the_pool_for_wrong_options():
    question = by_id(parcours_questions(objet(), POOL, seed="s"))["le-velo-filiere"]
    assert [question["options"][i] for i in question["correct"]] == ["Mécanique"]
    assert len(question["options"]) == 4
    assert question["multiple"] is False
    several = objet()
    several["filieres"].append({"id": "f-elec", "title": "Électronique"})
    question = by_id(parcours_questions(several, POOL, seed="s"))["le-velo-filiere"]
    assert question["multiple"] is True
    assert sorted(question["options"][i] for i in question["correct"]) == [
        "Mécanique",
        "Électronique",
    ]
    assert "le-velo-filiere" not in by_id(parcours_questions(objet(), {}, seed="s"))
