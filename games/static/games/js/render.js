// Small rendering helpers shared by the host screen and the phone.
// DOM built with createElement and textContent only: nicknames are typed by students.

import { fill, ordinalText, pickForm } from "./wording.js";

const TEXTS = JSON.parse(document.getElementById("textes").textContent);
const LANG = document.documentElement.lang || "fr";

/**
 * A translated sentence (games/views/screens.py) with %(name)s placeholders filled. A sentence
 * with plural forms picks the one for `params.count` (« 0 joueur », "0 players").
 */
export function t(key, params = {}) {
  const { count } = params;
  const shown = typeof count === "number" ? { ...params, count: formatNumber(count) } : params;
  return fill(pickForm(TEXTS[key] ?? key, typeof count === "number" ? count : 0, LANG), shown);
}

/** « 1ʳᵉ », « 2ᵉ »; "1st", "2nd" in English. */
export function ordinal(n) {
  return ordinalText(TEXTS.ordinal ?? { other: "%(n)s" }, n, LANG);
}

/** h("p", {class: "x"}, "text", child...) */
export function h(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value == null) continue;
    if (name.startsWith("on") && typeof value === "function") {
      node.addEventListener(name.slice(2), value);
    } else if (name === "style") {
      // Through the CSSOM: a style attribute would be refused by the Content-Security-Policy.
      node.style.cssText = String(value);
    } else if (value === true) {
      node.setAttribute(name, "");
    } else {
      node.setAttribute(name, String(value));
    }
  }
  node.append(...nodes(children));
  return node;
}

/**
 * Children as nodes: arrays flattened to any depth, null/false/"" dropped, strings and numbers
 * as text. Anything else throws: a list of sections once reached createTextNode as an array and
 * every escape end screen printed "[object HTMLHeadingElement],…" instead of the ranking.
 */
export function nodes(children) {
  const out = [];
  for (const child of [children].flat(Infinity)) {
    if (child == null || child === false || child === "") continue;
    if (child instanceof Node) out.push(child);
    else if (typeof child === "string" || typeof child === "number") out.push(document.createTextNode(String(child)));
    else throw new TypeError(`h(): cannot render ${Object.prototype.toString.call(child)} as a child`);
  }
  return out;
}

export function replaceContent(container, ...children) {
  container.replaceChildren(...nodes(children));
}

export function readInitialFrame() {
  return JSON.parse(document.getElementById("premier-etat").textContent);
}

export const LETTERS = "ABCDEFGH";

export function formatNumber(value) {
  return new Intl.NumberFormat(LANG).format(value);
}

export function questionHeading(index, count, level = "h2") {
  return h(level, { class: "question-number" }, t("question_of", { number: index + 1, count }));
}

/**
 * The question's picture (a Wagtail rendition sized for phones, games/kinds/quiz/blocks.py),
 * with its alt text; its width and height reserve the space before it loads.
 */
export function questionImage(question, className, { lazy = false } = {}) {
  const image = question.image;
  if (!image?.url) return null;
  return h("img", {
    class: className,
    src: image.url,
    alt: image.alt ?? "",
    width: image.width,
    height: image.height,
    decoding: "async",
    loading: lazy ? "lazy" : null,
  });
}

/** Seconds left, from the server's deadline and the server's clock as the socket knows it. */
export function secondsLeft(deadlineMs, serverNowMs) {
  return Math.max(0, Math.ceil((deadlineMs - serverNowMs) / 1000));
}

/**
 * A countdown element that keeps itself up to date while it stays in the page.
 * `remaining()` returns milliseconds left (null when unknown).
 */
export function countdown(remaining, { paused = false } = {}) {
  const node = h("p", { class: "countdown", "aria-hidden": "true" });
  const update = () => {
    const ms = remaining();
    node.textContent = ms == null ? "" : paused ? t("paused") : `${Math.max(0, Math.ceil(ms / 1000))}`;
    node.classList.toggle("countdown--urgent", !paused && ms != null && ms <= 5000);
  };
  update();
  if (!paused) {
    const timer = window.setInterval(() => {
      if (!node.isConnected) {
        window.clearInterval(timer);
        return;
      }
      update();
    }, 250);
  }
  return node;
}

/** What the right answer was, in words, for any kind of question. */
export function describeSolution(question, solution) {
  switch (question.kind) {
    case "choice":
      return h(
        "ul",
        { class: "solution-list" },
        solution.correct.map((i) => h("li", {}, `${LETTERS[i]}. ${question.options[i]}`)),
      );
    case "true_false":
      return h("p", { class: "solution-text" }, solution.correct ? t("true") : t("false"));
    case "ordering": {
      const byId = Object.fromEntries(question.items.map((item) => [item.id, item.text]));
      return h("ol", { class: "solution-list" }, solution.order.map((id) => h("li", {}, byId[id])));
    }
    case "matching": {
      const rights = Object.fromEntries(question.rights.map((r) => [r.id, r.text]));
      return h(
        "ul",
        { class: "solution-list" },
        question.lefts.map((left) => h("li", {}, `${left.text} → ${rights[solution.pairs[left.id]]}`)),
      );
    }
    case "estimate":
      return h(
        "p",
        { class: "solution-text" },
        t("estimate_solution", {
          value: formatNumber(solution.value),
          unit: solution.unit,
          tolerance: formatNumber(solution.tolerance),
        }),
      );
    default:
      return null;
  }
}

/** Links to the fiches métiers (a métier without a page is named, not linked). */
export function metierLinks(metiers, className = "metier-links") {
  return h(
    "ul",
    { class: className },
    metiers.map((metier) =>
      h("li", {}, metier.url ? h("a", { href: metier.url }, metier.title) : metier.title),
    ),
  );
}

export function rankingList(rows, className = "ranking") {
  return h(
    "ol",
    { class: className },
    rows.map((row) =>
      h(
        "li",
        { class: `ranking__row ranking__row--${row.rank}` },
        h("span", { class: "ranking__rank" }, `${row.rank}`),
        h("span", { class: "ranking__name" }, row.nickname),
        h("span", { class: "ranking__score" }, t("points", { count: row.score })),
      ),
    ),
  );
}

/** The connection banner: shown while the socket is away, with why when it gave up. */
export function connectionBanner(element) {
  return {
    open() {
      element.textContent = "";
      element.classList.remove("is-visible");
    },
    lost() {
      element.textContent = t("reconnecting");
      element.classList.add("is-visible");
    },
    final(message, link) {
      element.replaceChildren(message, link ? " " : "", link ?? "");
      element.classList.add("is-visible", "is-final");
    },
  };
}
