// The class screen: lobby, question, reveal, podium. Redrawn from `view` (the host snapshot,
// kept up to date by events); every button sends a host command over the socket.

import {
  LETTERS,
  countdown,
  describeSolution,
  h,
  metierLinks,
  questionHeading,
  rankingList,
  t,
} from "./render.js";
import { playerItem, playersPanel } from "./roster.js";
import { gameScreen, hostCommands } from "./start.js";

const lobbyPanel = document.getElementById("accueil");
let view;

// A phone that slept or lost the network shows greyed until it comes back (same player).
function isOnline(player) {
  return (view.presence ?? {})[player.player_id] !== false;
}

function activePlayers() {
  return (view.players ?? []).filter((player) => player.active);
}

// Outside the lobby only the players panel shows the list: the question stays as it is.
function redrawPlayers() {
  if (view.phase === "lobby") return true;
  drawRoster();
  return false;
}

// -- events ----------------------------------------------------------------------------
const EVENTS = {
  player_joined(data) {
    view.players = view.players ?? [];
    if (!view.players.some((p) => p.player_id === data.player_id)) {
      view.players.push({ player_id: data.player_id, nickname: data.nickname, score: 0, active: true });
    }
    view.player_count = data.player_count;
    return redrawPlayers();
  },
  presence(data) {
    view.presence = { ...(view.presence ?? {}), [data.player_id]: data.online };
    return redrawPlayers();
  },
  player_left(data) {
    for (const player of view.players ?? []) {
      if (player.player_id === data.player_id) player.active = false;
    }
    view.player_count = data.player_count;
    return redrawPlayers();
  },
  answer_count(data) {
    if (data.question_index !== view.question_index) return false;
    Object.assign(view, { answered: data.answered, expected: data.expected });
    const count = document.getElementById("nombre-reponses");
    if (!count) return true;
    count.textContent = t("answered_of", data);
    return false;
  },
  question_opened(data) {
    Object.assign(view, {
      phase: "question",
      paused: false,
      question: data.question,
      question_index: data.index,
      question_count: data.count,
      deadline_ms: data.deadline_ms,
      answered: 0,
      // Everyone active when a question opens may answer it (late joiners wait for the next).
      expected: activePlayers().length,
    });
    delete view.reveal;
  },
  question_revealed(data) {
    Object.assign(view, { phase: "reveal", paused: false, reveal: data, question: data.question });
  },
  question_skipped() {
    return false; // the next question (or the end) follows in the same breath
  },
  paused(data) {
    Object.assign(view, { paused: true, remaining_ms: data.remaining_ms });
  },
  resumed(data) {
    Object.assign(view, { paused: false, deadline_ms: data.deadline_ms });
  },
  game_finished(data) {
    Object.assign(view, { phase: "finished", paused: false, final: data });
  },
  final_ranking(data) {
    view.ranking = data.ranking;
    return false;
  },
};

// -- commands --------------------------------------------------------------------------
const game = gameScreen({ adopt: (data) => { view = data; }, events: EVENTS, draw });
const { socket } = game;
const { commandButton } = hostCommands(game);

// -- players: the lobby list, and the panel during the game ------------------------------
// The engine takes a kick in the lobby, during a question and at the reveal.
const ROSTER_PHASES = new Set(["question", "reveal"]);
const roster = playersPanel(commandButton);

function rosterPlayers() {
  return activePlayers().map((player) => ({ ...player, online: isOnline(player) }));
}

function drawRoster() {
  roster.draw(rosterPlayers(), ROSTER_PHASES.has(view.phase));
}

// -- screens ---------------------------------------------------------------------------
function lobby() {
  const players = rosterPlayers();
  return [
    h(
      "section",
      { class: "host-players", "aria-labelledby": "joueurs-titre" },
      h("h2", { id: "joueurs-titre" }, t("players_joined", { count: players.length })),
      players.length
        ? h(
            "ul",
            { class: "host-players__list" },
            players.map((player) => playerItem(player, commandButton)),
          )
        : h("p", { class: "host-waiting" }, t("no_player_yet")),
    ),
    h("div", { class: "host-controls" }, commandButton(t("start"), { type: "start" }, { primary: true, id: "demarrer" })),
  ];
}

function questionBody(q) {
  switch (q.kind) {
    case "choice":
      return h("ol", { class: "host-options", type: "A" }, q.options.map((option, i) => h("li", { class: `host-option host-option--${i}` }, h("span", { class: "host-option__letter", "aria-hidden": "true" }, LETTERS[i]), option)));
    case "true_false":
      return h("ul", { class: "host-options host-options--two" }, h("li", { class: "host-option host-option--true" }, t("true")), h("li", { class: "host-option host-option--false" }, t("false")));
    case "ordering":
      return h("ul", { class: "host-items" }, q.items.map((item) => h("li", {}, item.text)));
    case "matching":
      return h(
        "div",
        { class: "host-matching" },
        h("ul", {}, q.lefts.map((left) => h("li", {}, left.text))),
        h("ul", {}, q.rights.map((right) => h("li", {}, `${right.id}. ${right.text}`))),
      );
    case "estimate":
      return q.unit ? h("p", { class: "host-unit" }, `(${q.unit})`) : null;
    default:
      return null;
  }
}

function question() {
  const q = view.question;
  const remaining = () => (view.paused ? view.remaining_ms : view.deadline_ms - socket.serverNow());
  return [
    h(
      "div",
      { class: "host-question__top" },
      questionHeading(view.question_index, view.question_count, "h2"),
      countdown(remaining, { paused: view.paused }),
    ),
    h("p", { class: "host-prompt" }, q.prompt),
    questionBody(q),
    h("p", { class: "host-count", id: "nombre-reponses", role: "status" }, t("answered_of", { answered: view.answered ?? 0, expected: view.expected ?? 0 })),
    h(
      "div",
      { class: "host-controls" },
      view.paused
        ? commandButton(t("resume"), { type: "resume" }, { primary: true })
        : commandButton(t("pause"), { type: "pause" }),
      commandButton(t("close"), { type: "close" }, { primary: !view.paused }),
      commandButton(t("skip"), { type: "skip" }),
      commandButton(t("end"), { type: "end" }, { confirmText: t("end_confirm") }),
    ),
  ];
}

function bars(rows, total) {
  return h(
    "ul",
    { class: "bars" },
    rows.map((row) =>
      h(
        "li",
        { class: `bar${row.correct ? " bar--correct" : ""}` },
        h("span", { class: "bar__label" }, row.correct ? `✓ ${row.label}` : row.label),
        h("span", { class: "bar__track", "aria-hidden": "true" }, h("span", { class: "bar__fill", style: `width: ${total ? (100 * row.count) / total : 0}%` })),
        h("span", { class: "bar__count" }, t("answers_count", { count: row.count })),
      ),
    ),
  );
}

function distribution(data) {
  const { counts, right, partial, wrong, unanswered } = data.distribution;
  const q = data.question;
  if (q.kind === "choice") {
    const correct = new Set(data.solution.correct);
    const rows = q.options.map((option, i) => ({ label: `${LETTERS[i]}. ${option}`, count: counts[i], correct: correct.has(i) }));
    return bars(rows, Math.max(...counts, 1));
  }
  if (q.kind === "true_false") {
    const rows = [
      { label: t("true"), count: counts.true, correct: data.solution.correct === true },
      { label: t("false"), count: counts.false, correct: data.solution.correct === false },
    ];
    return bars(rows, Math.max(counts.true, counts.false, 1));
  }
  const rows = [
    { label: t("right"), count: right, correct: true },
    { label: t("partial"), count: partial },
    { label: t("wrong"), count: wrong },
    { label: t("unanswered"), count: unanswered },
  ];
  return bars(rows, Math.max(right, partial, wrong, unanswered, 1));
}

function reveal() {
  const data = view.reveal;
  const last = data.index + 1 >= data.count;
  // The controls come first: on a projector the bottom of the page is below the fold.
  return [
    h(
      "div",
      { class: "host-question__top" },
      questionHeading(data.index, data.count, "h2"),
      h(
        "div",
        { class: "host-controls host-controls--top" },
        commandButton(last ? t("to_podium") : t("next"), { type: "next" }, { primary: true, id: "suivante" }),
        commandButton(t("end"), { type: "end" }, { confirmText: t("end_confirm") }),
      ),
    ),
    h("p", { class: "host-prompt host-prompt--small" }, data.question.prompt),
    h(
      "div",
      { class: "host-reveal" },
      h(
        "div",
        {},
        h("h3", {}, t("correct_answer")),
        describeSolution(data.question, data.solution),
        distribution(data),
        data.explanation ? h("p", { class: "explanation" }, data.explanation) : null,
        data.metiers.length ? [h("h3", {}, t("metiers_linked")), metierLinks(data.metiers)] : null,
      ),
      h("div", {}, h("h3", {}, t("leaderboard")), rankingList(data.leaderboard)),
    ),
  ];
}

function finished() {
  const final = view.final ?? { podium: [], debrief: { metiers: [] } };
  const metiers = final.debrief.metiers;
  return [
    h("h2", { class: "host-title" }, t("finished_title")),
    h(
      "div",
      { class: "host-reveal" },
      h(
        "section",
        { "aria-labelledby": "podium-titre" },
        h("h3", { id: "podium-titre" }, t("podium")),
        final.podium.length ? rankingList(final.podium, "ranking ranking--podium") : h("p", {}, t("nobody_played")),
      ),
      h(
        "section",
        { "aria-labelledby": "metiers-titre" },
        h("h3", { id: "metiers-titre" }, t("metiers_discovered")),
        metiers.length ? metierLinks(metiers, "metier-links metier-links--big") : h("p", {}, t("no_metier")),
      ),
    ),
  ];
}

const SCREENS = { lobby, question, reveal, finished };

function draw() {
  lobbyPanel.hidden = view.phase !== "lobby";
  game.paint((SCREENS[view.phase] ?? lobby)());
  drawRoster();
}

game.start();
