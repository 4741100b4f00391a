// The escape game on the projector: a big countdown, the story, and each team's track through
// the rooms of its own path (solved, current, still to come). Nothing that could help a team:
// no code, no hint, no wrong-code count. Fits a 1366 x 768 projector with 12 teams.

import { h, t } from "./render.js";
import { clock } from "./escape_render.js";

/** The story as the page's editors wrote it, already in the page (the lobby shows it). */
function story() {
  const source = document.querySelector("#accueil .escape-intro__text");
  if (!source) return null;
  const copy = source.cloneNode(true);
  copy.removeAttribute("id");
  copy.className = "escape-class__story";
  return copy;
}

function track(team) {
  const count = Math.max(team.path_count ?? 0, team.solved_count ?? 0, 1);
  const solved = team.solved_count ?? 0;
  const done = Boolean(team.finished_at_ms);
  const steps = Array.from({ length: count }, (_, index) => {
    const state = index < solved ? "done" : index === solved && !done ? "current" : "todo";
    return h("li", { class: `escape-track__step escape-track__step--${state}`, "aria-hidden": "true" }, state === "done" ? "✓" : `${index + 1}`);
  });
  return h(
    "li",
    { class: `escape-tracks__team${done ? " escape-tracks__team--done" : ""}` },
    h("span", { class: "escape-tracks__name" }, team.name),
    h("ol", { class: "escape-track" }, steps),
    h(
      "span",
      { class: "escape-tracks__summary" },
      done ? `✓ ${t("track_done")}` : t("enigme_of", { number: solved + 1, count }),
    ),
  );
}

/** The class view of a running game; `remaining()` gives the time left in ms. */
export function classView(view, { remaining, onLeave }) {
  const teams = (view.progress ?? []).filter((team) => team.members.length || team.solved_count);
  const leave = h("button", { type: "button", class: "host-button escape-class__leave", id: "vue-animateur" }, t("teacher_view"));
  leave.addEventListener("click", onLeave);
  const tracks = h("ol", { class: "escape-tracks", "aria-label": t("tracks_title") }, teams.map(track));
  // The rows share the screen's height: big with 3 teams, still on one screen with 12 (CSS).
  tracks.style.setProperty("--teams", String(Math.max(teams.length, 1)));
  return h(
    "section",
    { class: "escape-class", "aria-labelledby": "classe-titre" },
    h(
      "div",
      { class: "escape-class__top" },
      h("h2", { class: "escape-class__title", id: "classe-titre" }, view.title),
      clock(remaining, { paused: view.paused }),
      leave,
    ),
    view.paused ? h("p", { class: "play-notice escape-class__paused" }, t("paused_long")) : null,
    h(
      "div",
      { class: "escape-class__body" },
      story(),
      tracks,
    ),
  );
}
