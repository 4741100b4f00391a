// The class screen of an escape game: teams in the lobby (move, balance, start), a live board of
// every team during the game (pause, +5 min, messages, end), then the ranking and the trades.
// Redrawn from `view` (the host snapshot, kept up to date by events).

import { h, metierLinks, t } from "./render.js";
import { playersPanel } from "./roster.js";
import { gameScreen, hostCommands } from "./start.js";
import { clock, rankingTable } from "./escape_render.js";
import { boardTable, stuckControl } from "./escape_board.js";
import { gameClock, keepClock } from "./escape_times.js";
import { classView } from "./escape_class.js";

const lobbyPanel = document.getElementById("accueil");
const statusLine = h("p", { class: "visually-hidden", role: "status" });
const ENIGMES = Object.fromEntries(
  JSON.parse(document.getElementById("enigmes").textContent).map((enigme) => [enigme.id, enigme]),
);

let view;
let refreshTimer = null;
const messageDraft = { text: "", team: "" };

/** Ask for a fresh snapshot soon, once for a burst of events (30 teams solving at once). */
function refreshSoon() {
  if (refreshTimer) return;
  refreshTimer = window.setTimeout(() => {
    refreshTimer = null;
    socket.requestSnapshot();
  }, 400);
}

function progressOf(teamId) {
  return (view.progress ?? []).find((team) => team.team_id === teamId);
}

function nickname(playerId) {
  return (view.nicknames ?? {})[playerId] ?? "?";
}

// -- events ------------------------------------------------------------------------------
function membership(data) {
  const team = progressOf(data.team_id);
  if (!team) return refreshSoon();
  team.members = data.members;
  for (const row of view.teams ?? []) if (row.team_id === data.team_id) row.size = data.members.length;
}

const EVENTS = {
  team_joined: membership,
  team_left: membership,
  member_named(data) {
    view.nicknames = { ...(view.nicknames ?? {}), [data.player_id]: data.nickname };
  },
  presence(data) {
    view.presence = { ...(view.presence ?? {}), [data.player_id]: data.online };
    if (view.phase !== "lobby") {
      drawRoster(); // the board itself does not show who is offline
      return false;
    }
  },
  team_added() {
    refreshSoon();
    return false;
  },
  game_started(data) {
    Object.assign(view, { phase: "running", paused: false, ends_at_ms: data.ends_at_ms, clock_ms: 0, now_ms: data.now_ms });
    refreshSoon(); // every team's first énigme
  },
  team_progress(data) {
    const team = progressOf(data.team_id);
    if (team) {
      Object.assign(team, {
        solved_count: data.solved_count,
        solved: [...(team.solved ?? []), { enigme_id: data.enigme_id, clock_ms: data.clock_ms }],
        current: data.current,
        current_since_ms: data.clock_ms,
        path_count: data.path_count,
        locked_until_ms: null,
      });
    }
    refreshSoon(); // the whole board again, once for a burst
  },
  code_rejected(data) {
    const team = progressOf(data.team_id);
    if (!team) return false;
    team.attempts = { ...team.attempts, [data.enigme_id]: data.attempts };
    team.wrong_codes = data.wrong_codes;
    if (data.locked_until_ms) team.locked_until_ms = data.locked_until_ms;
  },
  team_renamed(data) {
    for (const row of [...(view.teams ?? []), ...(view.progress ?? [])]) if (row.team_id === data.team_id) row.name = data.name;
  },
  hint_given(data) {
    const team = progressOf(data.team_id);
    if (!team) return false;
    team.hints_used = { ...team.hints_used, [data.enigme_id]: data.index + 1 };
    team.penalty_ms = data.team_penalty_ms;
  },
  team_finished(data) {
    const team = progressOf(data.team_id);
    if (team) Object.assign(team, { finished_at_ms: socket.serverNow(), current: null, clock_ms: data.clock_ms });
  },
  paused(data) {
    keepClock(view, socket.serverNow(), true);
    Object.assign(view, { remaining_ms: data.remaining_ms });
  },
  resumed(data) {
    keepClock(view, socket.serverNow(), false);
    Object.assign(view, { ends_at_ms: data.ends_at_ms });
  },
  time_changed(data) {
    view.ends_at_ms = data.ends_at_ms;
  },
  host_message() {
    statusLine.textContent = t("message_sent");
    return false;
  },
  game_finished(data) {
    Object.assign(view, { phase: "finished", paused: false, ranking: data.ranking, debrief: data.debrief });
  },
};

// -- commands ----------------------------------------------------------------------------
const game = gameScreen({ adopt: (data) => { view = data; }, events: EVENTS, draw });
const { socket } = game;
const { send, commandButton } = hostCommands(game);
game.root.append(statusLine);

// -- players: « Retirer » in the lobby, and the players panel while the game runs ----------
const roster = playersPanel(commandButton);

function kickButton(playerId) {
  const name = nickname(playerId);
  return commandButton(t("kick"), { type: "kick", player_id: playerId }, {
    confirmText: t("kick_confirm", { nickname: name }),
    name: t("kick_label", { nickname: name }),
  });
}

function drawRoster() {
  const players = (view.progress ?? []).flatMap((team) =>
    team.members.map((playerId) => ({
      player_id: playerId,
      nickname: nickname(playerId),
      online: (view.presence ?? {})[playerId] !== false,
      detail: team.name,
    })),
  );
  roster.draw(players, view.phase === "running");
}

// -- lobby -------------------------------------------------------------------------------
function teamSelect(playerId, currentTeamId) {
  const id = `equipe-${playerId}`;
  const select = h(
    "select",
    { id, class: "form-select escape-move" },
    (view.teams ?? []).map((team) => h("option", { value: team.team_id, selected: team.team_id === currentTeamId }, team.name)),
  );
  select.addEventListener("change", () => send({ type: "place", player_id: playerId, team_id: select.value }, select));
  return [h("label", { for: id, class: "visually-hidden" }, t("move_label", { nickname: nickname(playerId) })), select];
}

function lobby() {
  const teams = view.progress ?? [];
  return [
    h(
      "section",
      { class: "escape-teams", "aria-labelledby": "equipes-titre" },
      h("h2", { id: "equipes-titre" }, t("teams_title")),
      h(
        "ul",
        { class: "escape-teams__list" },
        teams.map((team) =>
          h(
            "li",
            { class: "escape-team" },
            h("h3", { class: "escape-team__name" }, team.name, " ", h("span", { class: "escape-team__size" }, t("team_size", { size: team.members.length, max: view.team_size }))),
            team.members.length
              ? h(
                  "ul",
                  { class: "escape-team__members" },
                  team.members.map((playerId) =>
                    h(
                      "li",
                      { class: (view.presence ?? {})[playerId] === false ? "escape-member escape-member--offline" : "escape-member" },
                      h("span", { class: "escape-member__name" }, nickname(playerId)),
                      (view.presence ?? {})[playerId] === false ? h("span", {}, ` (${t("offline")})`) : null,
                      teamSelect(playerId, team.team_id),
                      kickButton(playerId),
                    ),
                  ),
                )
              : h("p", { class: "host-waiting" }, t("team_empty")),
          ),
        ),
      ),
    ),
    h(
      "div",
      { class: "host-controls" },
      commandButton(t("balance"), { type: "balance" }, { id: "equilibrer" }),
      commandButton(t("start"), { type: "start" }, { primary: true, id: "demarrer" }),
    ),
  ];
}

// -- the board ---------------------------------------------------------------------------
function board() {
  const now = socket.serverNow();
  return h(
    "section",
    { class: "escape-board", "aria-labelledby": "tableau-titre" },
    h("h2", { id: "tableau-titre" }, t("board_title")),
    boardTable(view, { enigmes: ENIGMES, nickname, now, clock: gameClock(view, now) }),
    h("form", { class: "escape-stuck-form", onsubmit: (event) => event.preventDefault() }, stuckControl(draw)),
  );
}

function messageForm() {
  const input = h("input", {
    id: "message-texte",
    type: "text",
    class: "form-control",
    maxlength: 200,
    autocomplete: "off",
    value: messageDraft.text,
    oninput: (event) => {
      messageDraft.text = event.target.value;
    },
  });
  const recipients = h(
    "select",
    { id: "message-equipe", class: "form-select", onchange: (event) => { messageDraft.team = event.target.value; } },
    h("option", { value: "" }, t("message_all")),
    (view.teams ?? []).map((team) => h("option", { value: team.team_id, selected: messageDraft.team === team.team_id }, team.name)),
  );
  const button = h("button", { type: "submit", class: "host-button" }, t("message_send"));
  return h(
    "form",
    {
      class: "escape-message-form",
      onsubmit: async (event) => {
        event.preventDefault();
        const text = messageDraft.text.trim();
        if (!text) return;
        const message = { type: "message", text };
        if (messageDraft.team) message.team_id = messageDraft.team;
        if (await send(message, button)) {
          // Back to « Toutes les équipes »: the next message must not go to the last team by mistake.
          Object.assign(messageDraft, { text: "", team: "" });
          input.value = "";
          recipients.value = "";
        }
      },
    },
    h("div", {}, h("label", { for: "message-texte" }, t("message_label")), input),
    h("div", {}, h("label", { for: "message-equipe" }, t("message_to")), recipients),
    button,
  );
}

// The projector's view of the running game (escape_class.js); the board is the teacher's.
let classMode = window.location.hash === "#classe";

function setClassMode(on) {
  classMode = on;
  document.body.classList.toggle("escape-class-mode", on);
  const sheet = document.getElementById("corrige");
  if (on && sheet) sheet.open = false; // never the answers on the projector
  window.history.replaceState(null, "", on ? "#classe" : window.location.pathname);
  draw();
  document.getElementById(on ? "vue-animateur" : "vue-classe")?.focus();
}

function running() {
  const remaining = () => (view.paused ? view.remaining_ms : view.ends_at_ms - socket.serverNow());
  document.body.classList.toggle("escape-class-mode", classMode);
  if (classMode) return classView(view, { remaining, onLeave: () => setClassMode(false) });
  const toClass = h("button", { type: "button", class: "host-button", id: "vue-classe" }, t("class_view"));
  toClass.addEventListener("click", () => setClassMode(true));
  return [
    h(
      "div",
      { class: "host-question__top" },
      clock(remaining, { paused: view.paused }),
      h(
        "div",
        { class: "host-controls host-controls--top" },
        view.paused
          ? commandButton(t("resume"), { type: "resume" }, { primary: true, id: "reprendre" })
          : commandButton(t("pause"), { type: "pause" }, { id: "pause" }),
        commandButton(t("add_time"), { type: "add_time", seconds: 300 }, { id: "plus-temps" }),
        commandButton(t("end"), { type: "end" }, { confirmText: t("end_confirm"), id: "terminer" }),
        toClass,
      ),
    ),
    view.paused ? h("p", { class: "play-notice" }, t("paused_long")) : null,
    board(),
    messageForm(),
  ];
}

function finished() {
  document.body.classList.remove("escape-class-mode");
  const ranking = view.ranking ?? [];
  const overall = view.debrief?.overall ?? [];
  return [
    h("h2", { class: "host-title" }, t("finished_title")),
    h(
      "div",
      { class: "host-reveal" },
      h(
        "section",
        { "aria-labelledby": "classement-titre" },
        h("h3", { id: "classement-titre" }, t("ranking")),
        ranking.length ? rankingTable(ranking) : h("p", {}, t("nobody_played")),
      ),
      h(
        "section",
        { "aria-labelledby": "metiers-titre" },
        h("h3", { id: "metiers-titre" }, t("debrief_title")),
        overall.length ? metierLinks(overall, "metier-links metier-links--big") : h("p", {}, t("no_metier")),
      ),
    ),
  ];
}

const SCREENS = { lobby, running, finished };

const conclusion = document.getElementById("conclusion");

function draw() {
  if (conclusion) conclusion.hidden = view.phase !== "finished";
  lobbyPanel.hidden = view.phase !== "lobby";
  game.paint((SCREENS[view.phase] ?? lobby)());
  drawRoster();
}

// The board's times run on their own, and locks run out without an event: redraw each second
// (not while the teacher types in a form, whose draft a redraw would not lose but would jolt).
window.setInterval(() => {
  if (view.phase !== "running" || view.paused) return;
  const now = socket.serverNow();
  for (const team of view.progress ?? []) if (team.locked_until_ms && team.locked_until_ms <= now) team.locked_until_ms = null;
  if (!document.activeElement?.closest?.("form")) draw();
}, 1000);

game.start();
