// The phone in an escape game: the team's current énigme, this phone's own clue fragments,
// the padlock, hints, the team's time, host messages, and the end with the trades unlocked.
// Redrawn from `view` (the player snapshot, kept up to date by events).

import { codeControls } from "./escape_controls.js";
import { h, metierLinks, ordinal, t } from "./render.js";
import { gameScreen } from "./start.js";
import { clock, duration, every, rankingTable } from "./escape_render.js";

const messages = document.getElementById("messages");
const myId = document.getElementById("jeu").dataset.player;
let view;
const drafts = new Map(); // énigme id -> the code being built
let notice = null; // {tone: "wrong" | "info", text}: feedback on the last code
let solvedNote = null; // the énigme just solved, with its trades
let sending = false;

function nickname(playerId) {
  return (view.nicknames ?? {})[playerId] ?? "";
}

function mine(data) {
  return view.team && data.team_id === view.team.team_id;
}

const MESSAGES_KEPT = 3;

function hostMessage(text) {
  const message = h(
    "div",
    { class: "escape-message" },
    h("p", { class: "escape-message__text" }, t("message_from_host", { text })),
    h(
      "button",
      { type: "button", class: "escape-message__close", "aria-label": t("dismiss_message"), onclick: () => message.remove() },
      "×",
    ),
  );
  messages.append(message);
  while (messages.childElementCount > MESSAGES_KEPT) messages.firstElementChild.remove();
}

// -- events: small edits of the view ---------------------------------------------------
const EVENTS = {
  team_joined(data) {
    if (!mine(data)) return false;
    view.team.members = data.members;
  },
  team_left(data) {
    if (!mine(data)) return false;
    view.team.members = data.members;
  },
  member_named(data) {
    view.nicknames = { ...(view.nicknames ?? {}), [data.player_id]: data.nickname };
  },
  team_changed(data) {
    hostMessage(t("moved_to", { name: data.name }));
    // The socket asks for a snapshot itself (socket.js): the new team's énigme and members.
    return false;
  },
  left_team() {
    socket.requestSnapshot();
    return false;
  },
  team_added(data) {
    view.teams = [...(view.teams ?? []), { team_id: data.team_id, name: data.name, size: 0 }];
    return false;
  },
  game_started(data) {
    Object.assign(view, { phase: "running", paused: false, ends_at_ms: data.ends_at_ms });
    if (story) story.open = false; // read in the lobby; still there to open again
  },
  enigme_opened(data) {
    if (!view.team) return false;
    if (view.team.current !== data.enigme.id) {
      Object.assign(view.team, { hints: [], locked_until_ms: null });
      notice = null;
      window.scrollTo(0, 0);
    }
    Object.assign(view.team, { current: data.enigme.id, enigme: data.enigme, fragments: data.fragments });
    if (data.path_count) view.team.path_count = data.path_count;
    announce(data.enigme.title);
  },
  code_rejected(data) {
    if (!mine(data)) return false;
    view.team.attempts = { ...view.team.attempts, [data.enigme_id]: data.attempts };
    // One countdown: the lock line counts down from lock_ms as received on this phone, so it
    // starts at « 10 s » like the lock itself, whatever the gap between the two clocks.
    if (data.lock_ms) view.team.locked_until_ms = socket.serverNow() + data.lock_ms;
    const who = data.player_id === myId ? "" : nickname(data.player_id);
    const text = [who ? t("wrong_code_by", { nickname: who }) : "", t("wrong_code", { attempts: data.attempts })];
    notice = { tone: "wrong", text: text.filter(Boolean).join(" ") };
  },
  enigme_solved(data) {
    if (!mine(data)) return false;
    const team = view.team;
    team.solved = [...(team.solved ?? []), { enigme_id: data.enigme_id }];
    team.solved_count = data.solved_count;
    const known = new Set((team.metiers ?? []).map((m) => m.id));
    team.metiers = [...(team.metiers ?? []), ...data.metiers.filter((m) => !known.has(m.id))];
    solvedNote = data;
    notice = null;
    if (data.done) team.finished_at_ms = socket.serverNow();
    announce(t("solved"));
  },
  hint_given(data) {
    if (!mine(data)) return false;
    const team = view.team;
    team.hints = [...(team.hints ?? []), { text: data.text }];
    team.hints_used = { ...team.hints_used, [data.enigme_id]: data.index + 1 };
    team.penalty_ms = data.team_penalty_ms;
    announce(data.text);
  },
  paused(data) {
    Object.assign(view, { paused: true, remaining_ms: data.remaining_ms }); // the notice is a status
  },
  resumed(data) {
    Object.assign(view, { paused: false, ends_at_ms: data.ends_at_ms });
    if (view.team?.locked_until_ms) socket.requestSnapshot(); // locks were shifted by the pause
  },
  time_changed(data) {
    view.ends_at_ms = data.ends_at_ms;
  },
  host_message(data) {
    hostMessage(data.text);
    return false;
  },
  team_renamed(data) {
    for (const row of view.teams ?? []) if (row.team_id === data.team_id) row.name = data.name;
    if (!mine(data)) return false;
    view.team.name = data.name;
    const header = document.querySelector(".play-header__me");
    if (header) header.textContent = `${nickname(myId) || header.textContent.split(" · ")[0]} · ${data.name}`;
    announce(t("renamed", { name: data.name }));
  },
  team_finished(data) {
    if (!mine(data)) return false;
    view.team.finished_at_ms ??= socket.serverNow();
  },
  game_finished(data) {
    Object.assign(view, { phase: "finished", paused: false, ranking: data.ranking, debrief: data.debrief });
    announce(t("final_title"));
  },
};

const game = gameScreen({ adopt: (data) => { view = data; }, events: EVENTS, draw });
const { socket, announce } = game;

// -- commands ----------------------------------------------------------------------------
async function submitCode(code) {
  const enigme = view.team.enigme;
  sending = true;
  notice = null;
  draw();
  try {
    await socket.command({ type: "submit", enigme_id: enigme.id, code });
    const draft = drafts.get(enigme.id);
    if (draft) for (const key of Object.keys(draft)) delete draft[key];
  } catch (error) {
    if (error.code === "padlock_locked") {
      view.team.locked_until_ms = socket.serverNow() + error.remaining_ms;
    } else if (error.code === "already_solved" || error.code === "wrong_enigme") {
      socket.requestSnapshot(); // a teammate was faster: the next énigme is on its way
    } else {
      notice = { tone: "wrong", text: error.message ?? t("reconnecting") };
    }
  } finally {
    sending = false;
    draw();
  }
}

/** What the team's next hint costs, as a time: said before the team asks. */
function nextHintCost() {
  const enigme = view.team.enigme;
  const used = (view.team.hints ?? []).length;
  return duration((enigme.hint_penalties_s?.[used] ?? 0) * 1000);
}

async function askHint(button) {
  if (!window.confirm(t("hint_confirm", { time: nextHintCost() }))) return;
  button.disabled = true;
  try {
    await socket.command({ type: "hint", enigme_id: view.team.enigme.id });
  } catch (error) {
    notice = { tone: "wrong", text: error.message ?? t("reconnecting") };
    draw();
  }
}

// -- screens -----------------------------------------------------------------------------
/** The récit, as the editors wrote it in the CMS's rich text (their HTML, not the players'). */
function richText(html, className) {
  const node = h("div", { class: className });
  node.innerHTML = html;
  return node;
}

function teamLine() {
  const team = view.team;
  if (!team) return [];
  const names = team.members.map(nickname).filter(Boolean).join(", ");
  return [
    h("h2", { class: "play-subtitle" }, t("team_name", { name: team.name })),
    h("p", { class: "escape-members" }, t("team_members", { names })),
  ];
}

function remainingMs() {
  if (view.paused) return view.remaining_ms;
  return view.ends_at_ms == null ? null : view.ends_at_ms - socket.serverNow();
}

let renameDraft = null; // the name being typed, kept across redraws

function renameForm() {
  const input = h("input", {
    id: "nom-equipe",
    type: "text",
    maxlength: 40,
    minlength: 2,
    autocomplete: "off",
    value: renameDraft ?? view.team.name,
    "aria-describedby": "nom-equipe-aide",
    oninput: (event) => {
      renameDraft = event.target.value;
    },
  });
  const error = h("p", { class: "play-error", id: "nom-equipe-erreur", role: "alert" });
  const button = h("button", { type: "submit", class: "play-button play-button--secondary" }, t("rename_send"));
  return h(
    "form",
    {
      class: "escape-rename",
      onsubmit: async (event) => {
        event.preventDefault();
        error.textContent = "";
        button.disabled = true;
        try {
          await socket.command({ type: "rename_team", name: input.value });
          renameDraft = null;
        } catch (refusal) {
          error.textContent = refusal.message ?? t("reconnecting");
        } finally {
          button.disabled = false;
        }
      },
    },
    h("label", { class: "play-label", for: "nom-equipe" }, t("rename_label")),
    h("p", { class: "play-help", id: "nom-equipe-aide" }, t("rename_help")),
    h("div", { class: "escape-rename__row" }, input, button),
    error,
  );
}

function lobby() {
  if (!view.team) return [h("p", { class: "play-lead" }, t("no_team"))];
  return [...teamLine(), h("p", { class: "play-lead" }, t("lobby_intro")), renameForm()];
}

function lockLine(team) {
  // Not a live region: the wrong code's alert already said how long; a screen reader reads the
  // seconds left when it reaches the line, instead of hearing them every second.
  const line = h("p", { class: "escape-lock" });
  every(line, () => {
    const left = (team.locked_until_ms ?? 0) - socket.serverNow();
    if (left <= 0) {
      team.locked_until_ms = null;
      draw();
      return false;
    }
    line.textContent = t("locked", { seconds: Math.ceil(left / 1000) });
    return true;
  });
  return line;
}

function solvedBanner() {
  if (!solvedNote) return null;
  const who = nickname(solvedNote.player_id);
  return h(
    "div",
    { class: "escape-solved", role: "status" },
    h("p", { class: "escape-solved__title" }, who ? t("solved_by", { nickname: who }) : t("solved")),
    solvedNote.metiers.length ? [h("p", {}, t("unlocked_metiers", { count: solvedNote.metiers.length })), metierLinks(solvedNote.metiers)] : null,
  );
}

/** The énigme's picture ({url, width, height, alt}), sized for a phone and never above the fold's worth. */
function enigmeImage(image) {
  if (!image?.url) return null;
  return h("img", {
    class: "escape-image escape-image--enigme",
    src: image.url,
    alt: image.alt ?? "",
    width: image.width,
    height: image.height,
    loading: "lazy",
    decoding: "async",
  });
}

function enigmeScreen() {
  const team = view.team;
  const enigme = team.enigme;
  const data = enigme.data ?? {};
  const locked = team.locked_until_ms && team.locked_until_ms > socket.serverNow();
  const hintsLeft = enigme.hint_count - (team.hints ?? []).length;
  if (!drafts.has(enigme.id)) drafts.set(enigme.id, {});
  const parts = [
    h(
      "div",
      { class: "escape-top" },
      h("p", { class: "question-number" }, t("enigme_of", { number: (team.solved_count ?? 0) + 1, count: team.path_count ?? view.enigme_count })),
      clock(remainingMs, { paused: view.paused }),
    ),
    solvedBanner(),
    h("h2", { class: "play-title escape-title" }, enigme.title),
    enigmeImage(enigme.image ?? data.image),
    data.story_html ? richText(data.story_html, "escape-story") : null,
    enigme.text ? h("p", { class: "question-prompt" }, enigme.text) : null,
    h(
      "section",
      { class: "escape-clues", "aria-labelledby": "indices-titre" },
      h("h3", { class: "play-subtitle", id: "indices-titre" }, t("your_clues")),
      team.fragments?.length
        ? h("ul", { class: "escape-clues__list" }, team.fragments.map((fragment) => h("li", {}, fragment)))
        : h("p", {}, t("no_clue")),
    ),
    team.hints?.length
      ? h(
          "section",
          { class: "escape-hints", "aria-labelledby": "aides-titre" },
          h("h3", { class: "play-subtitle", id: "aides-titre" }, t("hints_received")),
          h("ol", {}, team.hints.map((hint) => h("li", {}, hint.text))),
        )
      : null,
  ];
  if (view.paused) parts.push(h("p", { class: "play-notice", role: "status" }, t("paused_long")));
  if (locked) parts.push(lockLine(team));
  parts.push(
    codeControls(enigme, drafts.get(enigme.id), submitCode, {
      disabled: Boolean(view.paused || locked || sending),
      announce,
    }),
  );
  parts.push(h("p", { class: `escape-feedback escape-feedback--${notice?.tone ?? "none"}`, role: "alert" }, notice?.text ?? ""));
  const hintButton = h(
    "button",
    { type: "button", class: "play-button play-button--secondary", id: "indice", disabled: hintsLeft <= 0 || view.paused },
    t("ask_hint"),
    hintsLeft > 0 ? h("span", { class: "escape-hint-cost" }, ` (${t("hint_cost", { time: nextHintCost() })})`) : null,
  );
  hintButton.addEventListener("click", () => askHint(hintButton));
  parts.push(hintButton, h("p", { class: "play-help" }, hintsLeft > 0 ? t("hints_left", { count: hintsLeft }) : t("no_hint_left")));
  return parts;
}

function running() {
  const team = view.team;
  if (!team) return [h("p", { class: "play-lead" }, t("no_team"))];
  if (team.finished_at_ms || !team.enigme) {
    return [
      ...teamLine(),
      solvedBanner(),
      h("p", { class: "play-lead" }, t("team_done")),
      h("h2", { class: "play-subtitle" }, t("your_metiers")),
      team.metiers?.length ? metierLinks(team.metiers, "metier-links metier-links--big") : h("p", {}, t("no_metier")),
    ];
  }
  return enigmeScreen();
}

function finished() {
  const ranking = view.ranking ?? [];
  const teamId = view.team?.team_id;
  const row = ranking.find((r) => r.team_id === teamId);
  const metiers = (view.debrief?.teams ?? {})[teamId] ?? view.team?.metiers ?? [];
  return [
    h("h2", { class: "play-title" }, t("final_title")),
    row ? h("p", { class: "play-lead" }, t("team_rank", { rank: ordinal(row.rank), total: ranking.length })) : null,
    h("h2", { class: "play-subtitle" }, t("your_metiers")),
    metiers.length ? metierLinks(metiers, "metier-links metier-links--big") : h("p", {}, t("no_metier")),
    ranking.length ? [h("h2", { class: "play-subtitle" }, t("ranking")), rankingTable(ranking, teamId)] : null,
  ];
}

const SCREENS = { lobby, running, finished };

const story = document.getElementById("histoire");
const conclusion = document.getElementById("conclusion");

function draw() {
  if (conclusion) conclusion.hidden = view.phase !== "finished";
  game.paint((SCREENS[view.phase] ?? lobby)());
}

if (story && view.phase !== "lobby") story.open = false;
game.start();
