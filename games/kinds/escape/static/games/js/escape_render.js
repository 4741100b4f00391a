// Rendering helpers shared by the escape game's host screen and phones.

import { h, t } from "./render.js";

/** "12:05" for 725 000 ms; hours when a game runs that long. */
export function duration(ms) {
  const total = Math.max(0, Math.ceil((ms ?? 0) / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, "0");
  return hours ? `${hours}:${String(minutes).padStart(2, "0")}:${seconds}` : `${minutes}:${seconds}`;
}

/** Run `update()` now and every 500 ms while `node` stays in the page and update() returns true. */
export function every(node, update) {
  if (!update()) return;
  const timer = window.setInterval(() => {
    if (!node.isConnected || !update()) window.clearInterval(timer);
  }, 500);
}

/**
 * The game's time left, as the server counts it. Screen readers get the words "Temps restant"
 * but not a changing number every second (they read it when they reach it).
 */
export function clock(remaining, { paused = false } = {}) {
  const value = h("span", { class: "escape-clock__value" });
  const node = h("p", { class: "escape-clock" }, h("span", { class: "escape-clock__label" }, t("time_left")), " ", value);
  every(node, () => {
    const ms = remaining();
    value.textContent = ms == null ? "–" : paused ? `${duration(ms)} (${t("paused")})` : duration(ms);
    node.classList.toggle("escape-clock--urgent", !paused && ms != null && ms <= 60_000);
    return !paused;
  });
  return node;
}

/** The teams ranked: énigmes solved, then time with hint penalties. */
export function rankingTable(rows, highlightTeamId = null) {
  return h(
    "ol",
    { class: "ranking escape-ranking" },
    rows.map((row) =>
      h(
        "li",
        { class: `ranking__row${row.team_id === highlightTeamId ? " ranking__row--mine" : ""}` },
        h("span", { class: "ranking__rank" }, `${row.rank}`),
        h("span", { class: "ranking__name" }, row.name),
        h(
          "span",
          { class: "ranking__score" },
          t("solved_time", { count: row.solved, time: duration(row.time_ms) }),
          row.penalty_ms ? ` (${t("penalty", { time: duration(row.penalty_ms) })})` : "",
        ),
      ),
    ),
  );
}
