"""Issue 10, escape: trade names, the team's own path, the board's counts, team names."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from games.engine.commands import Hint, RenameTeam, Start, Submit
from games.engine.errors import CODES, EngineError
from games.kinds.escape.engine.codes import canonical, trade_names
from games.kinds.escape.engine.play import LOCK_AFTER, apply
from games.kinds.escape.engine.report import snapshot
from games.kinds.escape.engine.spec import EscapeSpec
from games.kinds.escape.engine.state import EscapeState
from tests.unit.engine.engine_helpers import T0, escape_spec, escape_started, run_escape, walk
from tests.unit.engine.test_engine_escape_spec import BASE, branching

SPEC = escape_spec()


def refused(spec, state, command, code):
    with pytest.raises(EngineError) as caught:
        apply(spec, state, command, T0)
    assert caught.value.code == code
    assert code in CODES


# -- trade names ----------------------------------------------------------------


@pytest.mark.parametrize(
    "typed",
    [
        "soudeur",
        "un soudeur",
        "Soudeurs",
        "des soudeuses",
        "la soudeuse",
        "SOUDEUSE",
        "Soudeur / Soudeuse",
        "soudeur/soudeuse",
        "  le   soudeur ! ",
    ],
)
def test_a_trade_is_found_whatever_the_article_number_and_gender(typed):
    assert canonical("find_trade", typed) == "soudeur"


@pytest.mark.parametrize(
    ("title", "typed"),
    [
        ("Technicien / Technicienne méthodes", "technicienne méthodes"),
        ("Technicien / Technicienne méthodes", "un technicien méthode"),
        ("Chaudronnier soudeur / Chaudronnière soudeuse", "chaudronnière soudeuse"),
        ("Opérateur·rice de ligne", "opératrice de ligne"),
        ("Conducteur (trice) de ligne", "des conducteurs de lignes"),
        ("Électricien / Électricienne", "l'électricienne"),
        ("Ingénieur / Ingénieure", "une ingénieure"),
        ("Infirmier / Infirmière", "infirmieres"),
        ("Agent / Agente de maîtrise", "agente de maitrise"),
    ],
)
def test_fiche_titles_and_typed_forms_meet(title, typed):
    assert canonical("find_trade", typed) in trade_names(title)


def test_different_trades_stay_different():
    assert canonical("find_trade", "soudeur") != canonical("find_trade", "chaudronnier")
    assert canonical("find_trade", "technicien") != canonical("find_trade", "technicien méthodes")
    assert trade_names("Cariste / Magasinier") == ["carist", "magasinier"]
    assert canonical("find_trade", "le la les") is None
    # A list of guesses counts as its first name only: no shotgun answers.
    assert canonical("find_trade", "chaudronnier / soudeur") == "chaudronnier"


TRADES = st.sampled_from(
    ["soudeur", "électricien", "chaudronnier", "technicien de maintenance", "cariste"]
)
FEMININE = {
    "soudeur": "soudeuse",
    "électricien": "électricienne",
    "chaudronnier": "chaudronnière",
    "technicien de maintenance": "technicienne de maintenance",
    "cariste": "cariste",
}


@given(
    trade=TRADES,
    article=st.sampled_from(["", "un ", "une ", "le ", "la ", "les ", "des ", "l'"]),
    feminine=st.booleans(),
    plural=st.booleans(),
    upper=st.booleans(),
    spaces=st.text(alphabet=" \t", max_size=3),
)
def test_property_forms_of_a_trade_fold_to_one_name(
    trade, article, feminine, plural, upper, spaces
):
    words = (FEMININE[trade] if feminine else trade).split(" ")
    if plural:
        words[0] += "s"
    typed = f"{spaces}{article}{' '.join(words)}{spaces}"
    typed = typed.upper() if upper else typed
    assert canonical("find_trade", typed) == canonical("find_trade", trade)


@given(st.text(max_size=60), st.sampled_from(["un ", "une ", "les ", "l'", "des "]))
def test_property_any_text_reads_the_same_with_an_article(text, article):
    names = trade_names(text)
    assert len(names) == len(set(names)) and all(names)
    assert canonical("find_trade", text) == (names[0] if names else None)
    assert canonical("find_trade", article + text) == canonical("find_trade", text)


def find_trade_spec(**enigme):
    enigmes = [
        {"id": "metier", "title": "Qui ?", "kind": "find_trade", "solutions": ["soudeur"], **enigme}
    ]
    return EscapeSpec.from_dict({**BASE, "enigmes": enigmes})


def test_fiche_names_are_accepted_and_kept_secret():
    spec = find_trade_spec(also_accepted=["Soudeur / Soudeuse", "Chaudronnier soudeur"])
    assert spec.problems() == []
    assert spec.enigmes[0].accepted() == {"soudeur", "chaudronniersoudeur"}
    assert "also_accepted" not in spec.enigmes[0].public()
    assert EscapeSpec.from_dict(spec.to_dict()) == spec
    state = escape_started(spec, {"t1": ["a"]})
    done = apply(spec, state, Submit("t1", "a", "metier", "une chaudronnière soudeuse"), T0)
    assert done.state.teams["t1"]["finished_at_ms"] == T0


def test_wrong_trade_names_still_lock_the_padlock():
    spec = find_trade_spec()
    state = escape_started(spec, {"t1": ["a"]})
    for guess in ["plombier", "menuisier", "boulanger"][:LOCK_AFTER]:
        state = apply(spec, state, Submit("t1", "a", "metier", guess), T0).state
    assert state.teams["t1"]["locked_until_ms"] == T0 + 10_000
    refused(spec, state, Submit("t1", "a", "metier", "soudeur"), "padlock_locked")


# -- the team's own path --------------------------------------------------------


def test_path_count_is_the_teams_own_path_not_every_enigme():
    spec = EscapeSpec.from_dict({**BASE, "enigmes": branching()})
    assert spec.remaining_from("a") == 3  # a, b1 or b2, c: four énigmes, three played
    assert spec.remaining_from("c") == 1
    assert spec.remaining_from(None) == 0
    state = escape_started(spec, {"t1": ["p"]})
    view = snapshot(spec, state, "player", "t1", "p", now_ms=T0)
    assert (view["enigme_count"], view["team"]["path_count"]) == (4, 3)
    moved = apply(spec, state, Submit("t1", "p", "a", "22"), T0 + 5000)
    opened = next(e for e in moved.events if e.type == "enigme_opened")
    assert opened.data["path_count"] == 3
    progress = next(e for e in moved.events if e.type == "team_progress")
    assert (progress.data["current"], progress.data["clock_ms"]) == ("b2", 5000)


# -- the host's board ------------------------------------------------------------


def test_board_counts_wrong_codes_times_and_penalties():
    state = escape_started(SPEC, {"t1": ["a"], "t2": ["b"]})
    state = run_escape(
        SPEC,
        state,
        Submit("t1", "a", "cadenas", "1111"),
        Hint("t1", "a", "cadenas"),
        now_ms=T0 + 10_000,
    )
    state = apply(SPEC, state, Submit("t1", "a", "cadenas", "4071"), T0 + 60_000).state
    rejected = apply(SPEC, state, Submit("t1", "a", "couleurs", "rouge"), T0 + 70_000)
    assert rejected.events[0].data["wrong_codes"] == 2
    view = snapshot(SPEC, rejected.state, "host", now_ms=T0 + 90_000)
    assert view["clock_ms"] == 90_000
    team = view["progress"][0]
    assert team["wrong_codes"] == 2  # the right code is not a wrong one
    assert (team["elapsed_ms"], team["current_since_ms"]) == (90_000, 60_000)
    assert team["penalty_ms"] == 30_000
    assert team["path_count"] == 3
    assert view["progress"][1]["wrong_codes"] == 0


def test_phones_see_each_hints_cost_before_asking():
    state = escape_started(SPEC, {"t1": ["a"]})
    view = snapshot(SPEC, state, "player", "t1", "a", now_ms=T0)
    assert view["team"]["enigme"]["hint_penalties_s"] == [30, 60]


# -- team names -----------------------------------------------------------------


def test_players_name_their_team_in_the_lobby_and_the_host_any_time():
    state = run_escape(SPEC, escape_started(SPEC, {"t1": ["a"], "t2": ["b"]}))
    lobby = EscapeState.from_dict({**state.to_dict(), "phase": "lobby"})
    renamed = apply(SPEC, lobby, RenameTeam("t1", "  Les   Bielles ", "a"), T0)
    assert renamed.state.teams["t1"]["name"] == "Les Bielles"
    assert [(e.type, e.audience, e.data) for e in renamed.events] == [
        ("team_renamed", "all", {"team_id": "t1", "name": "Les Bielles"})
    ]
    assert apply(SPEC, renamed.state, RenameTeam("t1", "Les Bielles", "a"), T0).events == []
    refused(SPEC, lobby, RenameTeam("t1", "X", "b"), "not_in_team")
    refused(SPEC, renamed.state, RenameTeam("t2", "les bielles", "b"), "duplicate_team_name")
    refused(SPEC, lobby, RenameTeam("t1", "x" * 41, "a"), "invalid_team_name")
    refused(SPEC, state, RenameTeam("t1", "Trop tard", "a"), "wrong_phase")
    by_host = apply(SPEC, state, RenameTeam("t1", "Les Rapides"), T0)
    assert by_host.state.teams["t1"]["name"] == "Les Rapides"
    assert not {"4071", "solutions"} & {str(v) for e in by_host.events for v in walk(e.data)}


def test_start_is_still_refused_without_players():
    refused(SPEC, EscapeState(), Start(), "no_team")


def test_an_enigme_image_reaches_the_phones():
    image = {
        "url": "/media/images/presse.width-800.jpg",
        "width": 800,
        "height": 450,
        "alt": "Presse",
    }
    spec = find_trade_spec(image=image)
    assert spec.enigmes[0].public()["image"] == image
    assert EscapeSpec.from_dict(spec.to_dict()) == spec
    assert find_trade_spec().enigmes[0].public()["image"] is None
    with pytest.raises(EngineError):
        find_trade_spec(image="presse.jpg")
