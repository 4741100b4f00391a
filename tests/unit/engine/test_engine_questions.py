import copy

import pytest

from games.engine.errors import EngineError
from games.engine.shuffle import seeded_order, seeded_order_unlike
from games.kinds.quiz.engine.questions import (
    ChoiceQuestion,
    MatchingQuestion,
    OrderingQuestion,
    question_from_dict,
)
from tests.unit.engine.engine_helpers import CHOICE, ESTIMATE, MATCHING, ORDERING, TRUE_FALSE


def invalid(question, payload):
    with pytest.raises(EngineError) as caught:
        question.parse_answer(payload)
    assert caught.value.code == "invalid_answer"


@pytest.mark.parametrize("data", [CHOICE, TRUE_FALSE, ORDERING, MATCHING, ESTIMATE])
def test_questions_round_trip_and_are_valid(data):
    question = question_from_dict(data)
    assert question_from_dict(question.to_dict()) == question
    assert question.problems() == []


@pytest.mark.parametrize("data", [CHOICE, TRUE_FALSE, ORDERING, MATCHING, ESTIMATE])
def test_public_form_holds_no_solution_nor_explanation(data):
    question = question_from_dict(data)
    public = question.public()
    assert "correct" not in public and "value" not in public and "tolerance" not in public
    assert "explanation" not in public and "metiers" not in public
    assert public["prompt"] == data["prompt"]


def test_unknown_kind_and_missing_fields_are_spec_errors():
    for data in ({**CHOICE, "kind": "essay"}, {**CHOICE, "kind": ["choice"]}, "nope"):
        with pytest.raises(EngineError) as caught:
            question_from_dict(data)
        assert caught.value.code == "invalid_spec"
    broken = {key: value for key, value in CHOICE.items() if key != "options"}
    with pytest.raises(EngineError) as caught:
        question_from_dict(broken)
    assert caught.value.details["field"] == "options"
    with pytest.raises(EngineError):
        question_from_dict({**CHOICE, "time_limit_s": True})


# -- choice --------------------------------------------------------------------


def test_single_choice_answers_and_grades():
    question = question_from_dict(CHOICE)
    assert question.parse_answer([1]) == [1]
    assert question.grade([1]) == 1.0
    assert question.grade([0]) == 0.0
    assert question.solution() == {"correct": [1]}
    for payload in ([], [0, 1], [3], [-1], [True], ["1"], 1, None, {"0": 1}):
        invalid(question, payload)


def test_multiple_choice_needs_the_exact_set():
    question = question_from_dict({**CHOICE, "correct": [0, 2], "multiple": True})
    assert question.parse_answer([2, 0]) == [0, 2]
    assert question.grade([0, 2]) == 1.0
    assert question.grade([0]) == 0.0
    assert question.grade([0, 1, 2]) == 0.0
    invalid(question, [0, 0])
    assert question.public()["multiple"] is True


def test_choice_tally_counts_each_option():
    question = question_from_dict({**CHOICE, "correct": [0, 2], "multiple": True})
    assert question.tally([[0], [0, 2], [1]]) == [2, 1, 1]


def test_choice_authoring_problems():
    def problems(**changes):
        return ChoiceQuestion.from_dict({**CHOICE, **changes}).problems()

    assert any("2 et 6" in p for p in problems(options=["Seul"], correct=[0]))
    assert any("2 et 6" in p for p in problems(options=[str(i) for i in range(7)]))
    assert any("deux fois" in p for p in problems(options=["Soudeur", "soudeur ", "X"]))
    assert any("Aucune bonne" in p for p in problems(correct=[]))
    assert any("n'existe pas" in p for p in problems(correct=[5]))
    assert any("plusieurs" in p for p in problems(correct=[0, 1]))
    assert any("Toutes" in p for p in problems(correct=[0, 1, 2], multiple=True))
    assert any("temps" in p for p in problems(time_limit_s=4))
    assert any("temps" in p for p in problems(time_limit_s=241))
    assert any("énoncé" in p for p in problems(prompt="  "))


# -- true / false --------------------------------------------------------------


def test_true_false():
    question = question_from_dict(TRUE_FALSE)
    assert question.grade(question.parse_answer(True)) == 1.0
    assert question.grade(question.parse_answer(False)) == 0.0
    for payload in (1, 0, "true", None, [True]):
        invalid(question, payload)
    assert question.tally([True, False, True]) == {"true": 2, "false": 1}


# -- ordering ------------------------------------------------------------------


def test_ordering_public_order_is_shuffled_the_same_way_every_time():
    question = question_from_dict(ORDERING)
    shown = [item["id"] for item in question.public()["items"]]
    assert sorted(shown) == ["e1", "e2", "e3", "e4"]
    assert shown != question.order
    assert shown == [item["id"] for item in question_from_dict(ORDERING).public()["items"]]


def test_ordering_is_never_shown_in_order_whatever_its_id():
    for number in range(60):
        question = OrderingQuestion.from_dict({**ORDERING, "id": f"q{number}"})
        assert [item["id"] for item in question.public()["items"]] != question.order


def test_ordering_partial_credit_is_half_a_point_per_share_in_place():
    question = question_from_dict(ORDERING)
    assert question.grade(["e1", "e2", "e3", "e4"]) == 1.0
    assert question.grade(["e1", "e2", "e4", "e3"]) == pytest.approx(0.25)
    assert question.grade(["e2", "e1", "e4", "e3"]) == 0.0
    assert question.grade(["e4", "e3", "e2", "e1"]) == 0.0


def test_ordering_answer_must_be_a_permutation():
    question = question_from_dict(ORDERING)
    assert question.parse_answer(["e4", "e3", "e2", "e1"]) == ["e4", "e3", "e2", "e1"]
    for payload in (["e1", "e2", "e3"], ["e1", "e1", "e2", "e3"], ["e1", "e2", "e3", "x"]):
        invalid(question, payload)
    invalid(question, "e1e2e3e4")
    invalid(question, [1, 2, 3, 4])


def test_ordering_problems():
    too_few = OrderingQuestion.from_dict({**ORDERING, "items": ORDERING["items"][:2]})
    assert any("3 et 8" in p for p in too_few.problems())
    twice = copy.deepcopy(ORDERING)
    twice["items"][1]["id"] = "e1"
    assert any("même identifiant" in p for p in OrderingQuestion.from_dict(twice).problems())


# -- matching ------------------------------------------------------------------


def test_matching_hides_pairs_behind_letters():
    question = question_from_dict(MATCHING)
    public = question.public()
    assert sorted(left["id"] for left in public["lefts"]) == ["p1", "p2", "p3"]
    assert [right["id"] for right in public["rights"]] == ["A", "B", "C"]
    by_label = {right["id"]: right["text"] for right in public["rights"]}
    lefts = {pair["id"]: pair for pair in MATCHING["pairs"]}
    solution = question.solution()["pairs"]
    # The solution's labels point at each left's own right text.
    assert {pid: by_label[label] for pid, label in solution.items()} == {
        pid: pair["right"] for pid, pair in lefts.items()
    }
    # Rights are not shown lined up with their lefts.
    shown_left = [left["id"] for left in public["lefts"]]
    assert [solution[pid] for pid in shown_left] != ["A", "B", "C"]


def test_matching_grade_is_the_fraction_matched():
    question = question_from_dict(MATCHING)
    right = question.solution()["pairs"]
    assert question.grade(question.parse_answer(right)) == 1.0
    swapped = dict(right)
    swapped["p1"], swapped["p2"] = right["p2"], right["p1"]
    assert question.grade(question.parse_answer(swapped)) == pytest.approx(1 / 3)


def test_matching_answer_is_strict():
    question = question_from_dict(MATCHING)
    right = question.solution()["pairs"]
    invalid(question, {"p1": right["p1"], "p2": right["p2"]})
    invalid(question, {**right, "p1": right["p2"]})
    invalid(question, {**right, "p1": "Z"})
    invalid(question, {**right, "p1": 1})
    invalid(question, [["p1", "A"]])


def test_matching_problems():
    data = copy.deepcopy(MATCHING)
    data["pairs"][1]["right"] = "poste à souder"
    assert any("deux fois" in p for p in MatchingQuestion.from_dict(data).problems())
    one = MatchingQuestion.from_dict({**MATCHING, "pairs": MATCHING["pairs"][:1]})
    assert any("2 et 6" in p for p in one.problems())


# -- estimate ------------------------------------------------------------------


def test_estimate_within_tolerance():
    question = question_from_dict(ESTIMATE)
    assert question.grade(question.parse_answer(4342.5)) == 1.0
    assert question.grade(question.parse_answer(4142)) == 0.0
    assert question.grade(question.parse_answer(4200)) == 1.0
    assert question.public()["unit"] == "pièces"
    for payload in ("4242", True, None, float("nan"), float("inf"), [4242]):
        invalid(question, payload)
    assert any(
        "négative" in p for p in question_from_dict({**ESTIMATE, "tolerance": -1}).problems()
    )


# -- shuffling -----------------------------------------------------------------


def test_seeded_order_depends_on_the_seed_only():
    keys = [f"k{i}" for i in range(8)]
    assert seeded_order(keys, "a") == seeded_order(list(reversed(keys)), "a")
    assert seeded_order(keys, "a") != seeded_order(keys, "b")
    assert seeded_order_unlike(["x", "y"], "s") == ["y", "x"]
