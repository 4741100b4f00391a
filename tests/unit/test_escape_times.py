"""The escape board's times (games/kinds/escape/static/games/js/escape_times.js), run with node: the game
clock between snapshots, a team's time, its time on the current énigme and the stuck flag."""

from pathlib import Path

from tests.support.node import run_module

TIMES_JS = (
    Path(__file__).resolve().parents[2] / "games/kinds/escape/static/games/js/escape_times.js"
)


def run_node(script: str):
    return run_module(TIMES_JS, "* as times", script)


def test_the_game_clock_runs_between_snapshots_and_stops_in_a_pause():
    clocks = run_node(
        """
        const view = { phase: "running", paused: false, clock_ms: 60000, now_ms: 1000000 };
        const running = times.gameClock(view, 1005000);
        times.keepClock(view, 1005000, true);
        const paused = times.gameClock(view, 1900000);
        times.keepClock(view, 1900000, false);
        const resumed = times.gameClock(view, 1902000);
        console.log(JSON.stringify([running, paused, resumed]));
        """
    )
    assert clocks == [65_000, 65_000, 67_000]


def test_a_team_on_one_enigme_too_long_is_stuck_and_a_finished_one_is_not():
    figures = run_node(
        """
        const stuckAfter = 5 * 60000;
        const playing = { current: "c", solved_count: 2, path_count: 7, current_since_ms: 100000,
          solved: [{ clock_ms: 40000 }, { clock_ms: 100000 }] };
        const done = { current: null, solved_count: 7, path_count: 7, finished_at_ms: 1,
          solved: [{ clock_ms: 900000 }] };
        console.log(JSON.stringify([
          times.teamFigures(playing, 399999, stuckAfter),
          times.teamFigures(playing, 400000, stuckAfter),
          times.teamFigures(done, 2000000, stuckAfter),
        ]));
        """
    )
    before, after, done = figures
    assert (before["stuck"], after["stuck"]) == (False, True)
    assert (after["onCurrent"], after["elapsed"]) == (300_000, 400_000)
    assert (after["position"], after["pathCount"]) == (3, 7)
    assert done == {
        "done": True,
        "elapsed": 900_000,
        "onCurrent": None,
        "stuck": False,
        "position": 7,
        "pathCount": 7,
    }
