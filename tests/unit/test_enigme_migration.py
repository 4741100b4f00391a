"""games/migrations/0008: the old all-fields « enigme » blocks become one block per kind."""

import importlib
import json

migration = importlib.import_module("games.migrations.0008_enigmes_to_kind_blocks")


def old(kind, solutions, **more):
    def listed(values):
        return [{"type": "item", "value": v, "id": f"i{n}"} for n, v in enumerate(values)]

    return {
        "type": "enigme",
        "id": "x",
        "value": {
            "identifiant": "e1",
            "titre": "Titre",
            "recit": "<p>Récit</p>",
            "image": None,
            "type": kind,
            "enonce": "Consigne",
            "options": listed(more.get("options", [])),
            "colonne_droite": listed(more.get("right", [])),
            "solutions": listed(solutions),
            "indices": listed([{"texte": "Un indice", "penalite_s": 30}]),
            "fragments": listed(["Un fragment"]),
            "metiers": listed([7]),
            "suite": listed([{"reponse": "A", "vers": "e2"}]),
            "suite_par_defaut": "",
        },
    }


def converted(child):
    text, changed = migration.convert_stream(json.dumps([child]))
    assert changed
    [new] = json.loads(text)
    return new["type"], new["value"]


def test_the_common_fields_get_their_english_names():
    kind, value = converted(old("padlock_digits", ["4350", "0000"]))
    assert kind == "padlock_digits"
    assert value["identifier"] == "e1" and value["title"] == "Titre"
    assert value["story"] == "<p>Récit</p>" and value["prompt"] == "Consigne"
    assert value["hints"] == [{"text": "Un indice", "penalty_s": 30}]
    assert value["fragments"] == ["Un fragment"] and value["metiers"] == [7]
    assert value["branches"] == [{"answer": "A", "target": "e2"}]
    assert value["codes"] == ["4350", "0000"]


def test_typed_codes_become_what_the_widgets_hold():
    _kind, choice = converted(old("choice", ["A", "B"], options=["Un", "Deux", "Trois"]))
    assert [o["correct"] for o in choice["options"]] == [True, True, False]
    assert choice["together"] is False
    _kind, ordering = converted(old("ordering", ["CAB"], options=["a", "b", "c"]))
    assert ordering["items"] == ["c", "a", "b"]
    _kind, matching = converted(
        old("matching", ["1B 2A"], options=["Soudeur", "Cariste"], right=["Chariot", "Poste"])
    )
    assert matching["pairs"] == [
        {"left": "Soudeur", "right": "Poste"},
        {"left": "Cariste", "right": "Chariot"},
    ]
    _kind, colours = converted(old("padlock_colours", ["rouge, vert"], options=["rouge", "vert"]))
    assert colours["sequence"] == ["rouge", "vert"] and colours["colours"] == ["rouge", "vert"]
    _kind, arrows = converted(old("padlock_directions", ["haut gauche"]))
    assert arrows["sequence"] == ["haut", "gauche"]
    _kind, trade = converted(old("find_trade", ["soudeur"], options=["Cariste"]))
    assert trade["answers"] == ["soudeur"] and trade["suggestions"] == ["Cariste"]


def test_new_blocks_are_left_alone():
    stream = [{"type": "choice", "id": "y", "value": {"identifier": "e"}}]
    assert migration.convert_stream(stream) == (stream, False)
