// The escape board's times, as pure functions (no DOM): the game clock between snapshots and what
// a team's row says (its time, the time on its current énigme, stuck or not). Tested with node
// (tests/unit/test_escape_times.py).

/**
 * Game time now (pauses excluded), from the snapshot's `clock_ms` taken at `now_ms`.
 * `serverNow` is the socket's estimate of the server's clock.
 */
export function gameClock(view, serverNow) {
  if (view.phase !== "running" || view.paused || view.clock_ms == null) return view.clock_ms ?? 0;
  return view.clock_ms + Math.max(0, serverNow - (view.now_ms ?? serverNow));
}

/** Freeze or restart the game clock when the host pauses or resumes (events carry no clock). */
export function keepClock(view, serverNow, paused) {
  view.clock_ms = gameClock(view, serverNow);
  view.now_ms = serverNow;
  view.paused = paused;
}

/** What a team's row says about it, from the game clock `clock`. */
export function teamFigures(team, clock, stuckAfterMs) {
  const done = Boolean(team.finished_at_ms);
  const lastSolve = team.solved?.at(-1)?.clock_ms ?? 0;
  const elapsed = done ? lastSolve : clock;
  const onCurrent = done || !team.current ? null : Math.max(0, clock - (team.current_since_ms ?? lastSolve));
  return {
    done,
    elapsed,
    onCurrent,
    stuck: onCurrent != null && onCurrent >= stuckAfterMs,
    position: done ? team.solved_count : (team.solved_count ?? 0) + 1,
    pathCount: team.path_count ?? team.solved_count,
  };
}

