// The class screen: lobby, question, reveal, podium. Redrawn from `view` (the host snapshot,
// kept up to date by events); every button sends a host command over the socket.

import {
  LETTERS,
  describeSolution,
  h,
  metierLinks,
  ordinal,
  questionHeading,
  questionImage,
  rankingList,
  t,
} from "./render.js";
import { playerItem, playersPanel } from "./roster.js";
import { muteButton, sounds, startMusic, stopMusic } from "./sound.js";
import { readyCountdown, reducedMotion, selfScrolling, timeRing } from "./stage.js";
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
    Object.assign(view, { answered: data.answered, expected: data.expected, answered_ids: data.answered_ids ?? [] });
    const count = document.getElementById("nombre-reponses");
    if (!count) return true;
    count.textContent = t("answered_of", data);
    drawRoster(); // who has answered, in the players panel
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
      answered_ids: [],
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
  const answered = view.phase === "question" ? new Set(view.answered_ids ?? []) : null;
  return activePlayers().map((player) => ({
    ...player,
    online: isOnline(player),
    // During a question: who has answered (never what), for a teacher waiting on the last ones.
    detail: answered ? (answered.has(player.player_id) ? t("has_answered") : t("not_answered")) : null,
    done: answered?.has(player.player_id) ?? null,
  }));
}

function drawRoster() {
  roster.draw(rosterPlayers(), ROSTER_PHASES.has(view.phase));
}

// -- screens ---------------------------------------------------------------------------
// Made for a projector: every screen fits 1366 × 768 without scrolling (play.css gives each one
// a fixed grid); long lists live in areas that page through themselves.
const lobbyScroll = { top: 0 };
const ready = () => readyCountdown((beat) => sounds.tick(beat));

function lobby() {
  const players = rosterPlayers();
  return h(
    "section",
    { class: "host-players", "aria-labelledby": "joueurs-titre" },
    h(
      "div",
      { class: "host-players__top" },
      h("h2", { id: "joueurs-titre" }, t("players_joined", { count: players.length })),
      commandButton(t("start"), { type: "start" }, { primary: true, id: "demarrer", before: ready }),
    ),
    players.length
      ? selfScrolling(
          h("ul", { class: "host-players__list", "aria-label": t("players_list") }, players.map((player) => playerItem(player, commandButton))),
          lobbyScroll,
        )
      : h("p", { class: "host-waiting" }, t("no_player_yet")),
  );
}

function optionList(q) {
  if (q.kind === "choice") {
    return h(
      "ol",
      { class: `host-options host-options--${Math.min(q.options.length, 6)}` },
      q.options.map((option, i) => h("li", { class: `host-option host-option--${i}` }, h("span", { class: "host-option__letter", "aria-hidden": "true" }, LETTERS[i]), h("span", {}, option))),
    );
  }
  if (q.kind === "true_false") {
    return h("ul", { class: "host-options host-options--2" }, h("li", { class: "host-option host-option--true" }, t("true")), h("li", { class: "host-option host-option--false" }, t("false")));
  }
  return null;
}

function questionBody(q) {
  switch (q.kind) {
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
      return optionList(q);
  }
}

function question() {
  const q = view.question;
  const remaining = () => (view.paused ? view.remaining_ms : view.deadline_ms - socket.serverNow());
  const image = questionImage(q, "host-image");
  return h(
    "div",
    { class: "host-stage host-stage--question" },
    h(
      "div",
      { class: "host-question__top" },
      questionHeading(view.question_index, view.question_count, "h2"),
      h("p", { class: "host-count", id: "nombre-reponses", role: "status" }, t("answered_of", { answered: view.answered ?? 0, expected: view.expected ?? 0 })),
      timeRing(remaining, (q.time_limit_s ?? 0) * 1000, { paused: view.paused, onSecond: (seconds) => seconds <= 5 && seconds > 0 && sounds.tick() }),
    ),
    h("div", { class: `host-question${image ? " host-question--image" : ""}` }, h("p", { class: "host-prompt" }, q.prompt), image),
    h("div", { class: "host-question__body" }, questionBody(q)),
    h(
      "div",
      { class: "host-controls" },
      view.paused ? commandButton(t("resume"), { type: "resume" }, { primary: true }) : commandButton(t("pause"), { type: "pause" }),
      commandButton(t("close"), { type: "close" }, { primary: !view.paused }),
      commandButton(t("skip"), { type: "skip" }),
      commandButton(t("end"), { type: "end" }, { confirmText: t("end_confirm") }),
    ),
  );
}

/** One bar per answer, in the answer's own colour; the right ones marked ✓ (not by colour alone). */
function bars(rows) {
  const top = Math.max(1, ...rows.map((row) => row.count));
  return h(
    "ul",
    { class: "bars" },
    rows.map((row) => {
      const fill = h("span", { class: `bar__fill ${row.colour}` });
      fill.style.setProperty("--share", (row.count / top).toFixed(3));
      return h(
        "li",
        { class: `bar${row.correct ? " bar--correct" : ""}` },
        h("span", { class: "bar__label" }, row.correct ? `✓ ${row.label}` : row.label),
        h("span", { class: "bar__track", "aria-hidden": "true" }, fill),
        h("span", { class: "bar__count" }, t("answers_count", { count: row.count })),
      );
    }),
  );
}

function distribution(data) {
  const { counts, right, partial, wrong, unanswered } = data.distribution;
  const q = data.question;
  if (q.kind === "choice") {
    const correct = new Set(data.solution.correct);
    return bars(q.options.map((option, i) => ({ label: `${LETTERS[i]}. ${option}`, count: counts[i], correct: correct.has(i), colour: `host-option--${i}` })));
  }
  if (q.kind === "true_false") {
    return bars([
      { label: t("true"), count: counts.true, correct: data.solution.correct === true, colour: "host-option--true" },
      { label: t("false"), count: counts.false, correct: data.solution.correct === false, colour: "host-option--false" },
    ]);
  }
  return bars([
    { label: t("right"), count: right, correct: true, colour: "bar__fill--right" },
    { label: t("partial"), count: partial, colour: "bar__fill--partial" },
    { label: t("wrong"), count: wrong, colour: "bar__fill--wrong" },
    { label: t("unanswered"), count: unanswered, colour: "bar__fill--none" },
  ]);
}

function reveal() {
  const data = view.reveal;
  const last = data.index + 1 >= data.count;
  // The controls come first: on a projector the bottom of the page is the first thing cut.
  return h(
    "div",
    { class: "host-stage host-stage--reveal" },
    h(
      "div",
      { class: "host-question__top" },
      questionHeading(data.index, data.count, "h2"),
      h(
        "div",
        { class: "host-controls host-controls--top" },
        commandButton(last ? t("to_podium") : t("next"), { type: "next" }, { primary: true, id: "suivante", before: last ? null : ready }),
        commandButton(t("end"), { type: "end" }, { confirmText: t("end_confirm") }),
      ),
    ),
    h("p", { class: "host-prompt host-prompt--small" }, data.question.prompt),
    h(
      "div",
      { class: "host-reveal" },
      h(
        "div",
        { class: "host-reveal__answer" },
        h("h3", {}, t("correct_answer")),
        describeSolution(data.question, data.solution),
        distribution(data),
        data.explanation ? h("p", { class: "explanation" }, data.explanation) : null,
        data.metiers.length ? h("div", { class: "host-reveal__metiers" }, h("h3", {}, t("metiers_linked")), metierLinks(data.metiers, "metier-links metier-links--inline")) : null,
      ),
      h("div", { class: "host-reveal__ranking" }, h("h3", {}, t("leaderboard")), rankingList(data.leaderboard)),
    ),
  );
}

// Ties share a step; a whole class tied at 0 must not push the podium off the screen.
const PODIUM_NAMES = 3;

/** 2nd, 1st, 3rd side by side, rising one after the other: 3rd, then 2nd, then 1st. */
function podiumSteps(rows) {
  const at = (place) => rows.filter((row) => row.rank === place);
  const step = (place) => {
    const players = at(place);
    return h(
      "li",
      { class: `podium__step podium__step--${place}` },
      h(
        "span",
        { class: "podium__names" },
        players.length ? players.slice(0, PODIUM_NAMES).map((row) => h("span", { class: "podium__name" }, row.nickname)) : "–",
        players.length > PODIUM_NAMES ? h("span", { class: "podium__more" }, t("and_others", { count: players.length - PODIUM_NAMES })) : null,
      ),
      players.length ? h("span", { class: "podium__score" }, t("points", { count: players[0].score })) : null,
      h("span", { class: "podium__block" }, h("span", { class: "podium__place" }, ordinal(place))),
    );
  };
  const ranks = [...new Set(rows.map((row) => row.rank))].sort((a, b) => a - b).slice(0, 3);
  const order = [ranks[1], ranks[0], ranks[2]].filter((rank) => rank != null);
  return h("ol", { class: `podium${reducedMotion() ? "" : " podium--animated"}`, "aria-label": t("podium") }, order.map(step));
}

function finished() {
  const final = view.final ?? { podium: [], debrief: { metiers: [] } };
  const metiers = final.debrief.metiers;
  const replay = document.getElementById("rejouer");
  if (replay) replay.hidden = false;
  return h(
    "div",
    { class: "host-stage host-stage--finished" },
    h("div", { class: "host-question__top" }, h("h2", { class: "host-title" }, t("finished_title")), replay),
    h(
      "div",
      { class: "host-finished" },
      h(
        "section",
        { class: "host-finished__podium", "aria-labelledby": "podium-titre" },
        h("h3", { id: "podium-titre", class: "visually-hidden" }, t("podium")),
        final.podium.length ? podiumSteps(final.podium) : h("p", {}, t("nobody_played")),
      ),
      h(
        "section",
        { class: "host-finished__metiers", "aria-labelledby": "metiers-titre" },
        h("h3", { id: "metiers-titre" }, t("metiers_discovered")),
        metiers.length ? metierLinks(metiers, "metier-links metier-links--big") : h("p", {}, t("no_metier")),
      ),
    ),
  );
}

const SCREENS = { lobby, question, reveal, finished };
let shownPhase = null;

/** The sounds of a change of phase: music under a question, a chime at the reveal, a fanfare. */
function soundsFor(phase) {
  if (phase === shownPhase) return;
  shownPhase = phase;
  if (phase === "question") {
    sounds.go();
    startMusic(() => view.phase === "question" && !view.paused);
  } else {
    stopMusic();
    if (phase === "reveal") sounds.reveal();
    if (phase === "finished") sounds.podium();
  }
}

function draw() {
  lobbyPanel.hidden = view.phase !== "lobby";
  game.root.dataset.phase = view.phase;
  game.paint((SCREENS[view.phase] ?? lobby)());
  drawRoster();
  soundsFor(view.phase);
}

muteButton(document.getElementById("son"), { on: t("sound_on"), off: t("sound_off") });
game.start();
