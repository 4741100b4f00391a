// The phone: one screen per phase of the game, redrawn from `view` (the player snapshot,
// kept up to date by events). Answers in progress live in `drafts`, outside the view.

import { answerControls } from "./answers.js";
import {
  describeSolution,
  h,
  metierLinks,
  ordinal,
  questionHeading,
  questionImage,
  t,
} from "./render.js";
import { timeRing } from "./stage.js";
import { gameScreen } from "./start.js";

let view;
const drafts = new Map(); // question index -> the answer being built
const sending = new Map(); // question index -> "sending" | an error message
let flash = null; // a one-off line ("question passée")

// -- events: small edits of the view ---------------------------------------------------
const EVENTS = {
  question_opened(data) {
    Object.assign(view, {
      phase: "question",
      paused: false,
      question: data.question,
      question_index: data.index,
      question_count: data.count,
      deadline_ms: data.deadline_ms,
    });
    delete view.reveal;
    Object.assign(view.me, { eligible: true, answered: false, result: undefined });
    flash = null;
    announce(t("question_of", { number: data.index + 1, count: data.count }));
    window.scrollTo(0, 0);
  },
  answer_accepted(data) {
    if (data.question_index === view.question_index) view.me.answered = true;
  },
  question_revealed(data) {
    Object.assign(view, { phase: "reveal", paused: false, reveal: data, question: data.question });
  },
  player_result(data) {
    Object.assign(view.me, { result: data, score: data.score, rank: data.rank });
    announce(resultTitle(data));
  },
  question_skipped() {
    flash = t("skipped");
  },
  paused(data) {
    Object.assign(view, { paused: true, remaining_ms: data.remaining_ms });
    announce(t("paused_long"));
  },
  resumed(data) {
    Object.assign(view, { paused: false, deadline_ms: data.deadline_ms });
  },
  game_finished(data) {
    Object.assign(view, { phase: "finished", final: data, paused: false });
    delete view.question;
    announce(t("final_title"));
  },
  player_final(data) {
    Object.assign(view.me, { rank: data.rank, score: data.score });
    view.final = { ...(view.final ?? {}), player_count: data.player_count };
  },
};

const game = gameScreen({ adopt: (data) => { view = data; }, events: EVENTS, draw });
const { socket, announce } = game;

// -- screens ---------------------------------------------------------------------------
function lobby() {
  return [h("p", { class: "play-lead" }, t("welcome", { nickname: view.me.nickname }))];
}

async function submit(answer) {
  const index = view.question_index;
  sending.set(index, "sending");
  draw();
  try {
    await socket.command({ type: "answer", q: index, answer });
    sending.delete(index);
    view.me.answered = true;
    announce(t("sent"));
  } catch (error) {
    if (error.code === "already_answered") {
      sending.delete(index);
      view.me.answered = true;
    } else {
      sending.set(index, error.code === "question_closed" ? t("too_late") : error.message ?? t("reconnecting"));
    }
  }
  draw();
}

function question() {
  const index = view.question_index;
  const q = view.question;
  const remaining = () => (view.paused ? view.remaining_ms : view.deadline_ms - socket.serverNow());
  const parts = [
    h(
      "div",
      { class: "phone-top" },
      h("div", {}, questionHeading(index, view.question_count, "h2"), scoreLine()),
      timeRing(remaining, (q.time_limit_s ?? 0) * 1000, { paused: view.paused }),
    ),
    h("p", { class: "question-prompt" }, q.prompt),
    questionImage(q, "question-image", { lazy: true }),
  ];
  if (view.paused) parts.push(h("p", { class: "play-notice", role: "status" }, t("paused_long")));
  if (!view.me.eligible) {
    parts.push(h("p", { class: "play-lead" }, t("wait_next")));
    return parts;
  }
  if (view.me.answered) {
    parts.push(h("p", { class: "answer-sent", role: "status" }, t("already_sent")));
    return parts;
  }
  const state = sending.get(index);
  if (!drafts.has(index)) drafts.set(index, {});
  const controls = answerControls(q, drafts.get(index), submit, {
    disabled: view.paused || state === "sending",
    announce,
  });
  parts.push(controls);
  if (state === "sending") parts.push(h("p", { class: "play-notice", role: "status" }, t("sending")));
  else if (state) parts.push(h("p", { class: "play-error", role: "alert" }, state));
  return parts;
}

/** « Score 1 200 · 2ᵉ »: the phone's own standing, always in sight during a question. */
function scoreLine() {
  if (!view.question_index) return null; // nothing to compare before the first reveal
  return h(
    "p",
    { class: "phone-score" },
    `${t("your_score")} ${t("points", { count: view.me.score ?? 0 })}`,
    view.me.rank ? ` · ${t("your_place")} ${ordinal(view.me.rank)}` : "",
  );
}

function resultTitle(result) {
  if (!result.answered) return t("result_none");
  if (result.correct) return t("result_right");
  return result.fraction > 0 ? t("result_partial") : t("result_wrong");
}

function reveal() {
  const data = view.reveal;
  const result = view.me.result;
  const parts = [questionHeading(data.index, data.count, "h2")];
  if (result?.eligible) {
    const tone = result.correct ? "right" : result.fraction > 0 ? "partial" : "wrong";
    parts.push(
      h(
        "div",
        { class: `result result--${tone}` },
        h("p", { class: "result__title" }, resultTitle(result)),
        h("p", { class: "result__points" }, t("result_points", { count: result.points })),
        h("p", { class: "result__rank" }, t("score_rank", { score: t("points", { count: result.score }), rank: result.rank ? ordinal(result.rank) : "–", total: result.player_count })),
        result.streak >= 2 ? h("p", { class: "result__streak" }, t("streak", { count: result.streak })) : null,
        result.ahead
          ? h("p", { class: "result__ahead" }, t("ahead", { count: result.ahead.gap, nickname: result.ahead.nickname }))
          : result.rank === 1 && result.score > 0
            ? h("p", { class: "result__ahead" }, t("leader"))
            : null,
      ),
    );
  }
  parts.push(
    h("h3", { class: "play-subtitle" }, t("correct_answer")),
    describeSolution(data.question, data.solution),
  );
  if (data.explanation) parts.push(h("p", { class: "explanation" }, data.explanation));
  if (data.metiers.length) {
    parts.push(h("h3", { class: "play-subtitle" }, t("metiers_linked")), metierLinks(data.metiers));
  }
  return parts;
}

function finished() {
  const final = view.final ?? {};
  const metiers = final.debrief?.metiers ?? [];
  const parts = [h("h2", { class: "play-title" }, t("final_title"))];
  if (view.me.rank) {
    parts.push(
      h("p", { class: "play-lead" }, t("final_rank", { rank: ordinal(view.me.rank), total: final.player_count ?? "", score: t("points", { count: view.me.score }) })),
    );
  }
  parts.push(h("h2", { class: "play-subtitle" }, t("your_metiers")));
  parts.push(metiers.length ? metierLinks(metiers, "metier-links metier-links--big") : h("p", {}, t("no_metier")));
  // « Rejouer » on the class screen opens a new game with a new PIN.
  parts.push(h("p", { class: "play-help" }, t("replay_hint"), " ", h("a", { href: game.root.dataset.joinUrl }, t("rejoin"))));
  return parts;
}

const SCREENS = { lobby, question, reveal, finished };

function draw() {
  const build = SCREENS[view.phase] ?? lobby;
  game.paint(flash ? h("p", { class: "play-notice" }, flash) : null, build());
}

game.start();
