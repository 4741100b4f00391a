// The teacher's board during an escape game: one row per team with its place on its own path,
// its time, the time spent on the current énigme, penalties, hints and wrong codes; a team
// that has been on one énigme for longer than the teacher's threshold is flagged « coincée ».
// Built from the host view (games/kinds/escape/engine/report.py snapshot, docs/protocol.md).

import { h, t } from "./render.js";
import { duration } from "./escape_render.js";
import { teamFigures } from "./escape_times.js";

const STUCK_KEY = "mej-escape-stuck-minutes";
const STUCK_DEFAULT = 5;
const STUCK_RANGE = [1, 60];

/** Minutes on one énigme after which a team is flagged: the teacher's choice, kept per browser. */
export function stuckMinutes() {
  const stored = Number.parseInt(window.localStorage?.getItem(STUCK_KEY) ?? "", 10);
  return Number.isFinite(stored) && stored >= STUCK_RANGE[0] && stored <= STUCK_RANGE[1] ? stored : STUCK_DEFAULT;
}

function setStuckMinutes(value) {
  const minutes = Math.min(STUCK_RANGE[1], Math.max(STUCK_RANGE[0], Math.round(value)));
  try {
    window.localStorage?.setItem(STUCK_KEY, String(minutes));
  } catch {
    // Private browsing may refuse storage: the threshold then lasts for this page only.
  }
  return minutes;
}

function sum(counts) {
  return Object.values(counts ?? {}).reduce((a, b) => a + b, 0);
}

function statusCell(team, figures, now) {
  if (figures.done) return t("status_done", { time: duration(figures.elapsed + (team.penalty_ms ?? 0)) });
  const parts = [];
  if (team.locked_until_ms && team.locked_until_ms > now) parts.push(`🔒 ${t("status_locked")}`);
  if (figures.stuck) parts.push(h("strong", { class: "escape-board__stuck" }, `⚠ ${t("status_stuck", { minutes: Math.floor(figures.onCurrent / 60000) })}`));
  return parts.length ? parts : t("status_playing");
}

/**
 * The board table. `enigmes` maps énigme ids to {number, title}; `nickname(playerId)` names
 * members; `now` is the server's time, `clock` the game time.
 */
function playing(team) {
  return team.members.length || team.solved_count;
}

export function boardTable(view, { enigmes, nickname, now, clock }) {
  const stuckAfterMs = stuckMinutes() * 60_000;
  const teams = (view.progress ?? []).filter(playing);
  const columns = ["col_team", "col_enigme", "col_time", "col_on_enigme", "col_penalty", "col_hints", "col_wrong", "col_status"];
  return h(
    "table",
    { class: "escape-board__table" },
    h("thead", {}, h("tr", {}, columns.map((key) => h("th", { scope: "col" }, t(key))))),
    h(
      "tbody",
      {},
      teams.map((team) => {
        const figures = teamFigures(team, clock, stuckAfterMs);
        const enigme = enigmes[team.current];
        return h(
          "tr",
          { class: figures.stuck ? "escape-board__row escape-board__row--stuck" : "escape-board__row", "data-team": team.team_id },
          h("th", { scope: "row" }, team.name, h("span", { class: "escape-board__members" }, team.members.map(nickname).join(", "))),
          h(
            "td",
            {},
            h("span", { class: "escape-board__step" }, t("enigme_of", { number: figures.position, count: figures.pathCount })),
            enigme && !figures.done ? h("span", { class: "escape-board__enigme" }, enigme.title) : null,
          ),
          h("td", { class: "escape-board__number" }, duration(figures.elapsed)),
          h("td", { class: "escape-board__number" }, figures.onCurrent == null ? "–" : duration(figures.onCurrent)),
          h("td", { class: "escape-board__number" }, team.penalty_ms ? `+${duration(team.penalty_ms)}` : "0:00"),
          h("td", { class: "escape-board__number" }, `${sum(team.hints_used)}`),
          h("td", { class: "escape-board__number" }, `${team.wrong_codes ?? 0}`),
          h("td", {}, statusCell(team, figures, now)),
        );
      }),
    ),
  );
}

/** « Alerte si une équipe reste N min sur une énigme »: `onChange()` redraws the board. */
export function stuckControl(onChange) {
  const input = h("input", {
    id: "seuil-coincee",
    type: "number",
    class: "form-control escape-stuck__input",
    min: STUCK_RANGE[0],
    max: STUCK_RANGE[1],
    step: 1,
    inputmode: "numeric",
    value: stuckMinutes(),
  });
  input.addEventListener("change", () => {
    const value = Number.parseInt(input.value, 10);
    input.value = Number.isFinite(value) ? setStuckMinutes(value) : stuckMinutes();
    onChange();
  });
  return h("p", { class: "escape-stuck" }, h("label", { for: "seuil-coincee" }, t("stuck_after")), " ", input, " ", t("minutes_short"));
}
