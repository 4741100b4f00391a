// The answer controls of an escape game énigme, one builder per kind of padlock.
//
// Each builder gets the public énigme, a `draft` that survives re-renders and `submit(code)`.
// The code is text the server reads the same way whatever the control (games/kinds/escape/engine/codes.py):
// digits, letters, direction words, colour words, option letters, "1B 2A" pairs, a trade name.
// Never colour alone: every colour button says its name; every arrow says its direction.

import { h, t } from "./render.js";
import { choiceWidget, matchingWidget, orderingWidget, submitButton } from "./widgets.js";

const DIRECTIONS = [
  { word: "haut", sign: "↑", label: "up" },
  { word: "bas", sign: "↓", label: "down" },
  { word: "gauche", sign: "←", label: "left" },
  { word: "droite", sign: "→", label: "right" },
];
// The colour words the server understands, with a swatch colour and a readable text colour.
const COLOURS = {
  rouge: ["#c0121c", "#fff"],
  vert: ["#1c7a2f", "#fff"],
  bleu: ["#0b5cad", "#fff"],
  jaune: ["#ffd23f", "#000"],
  orange: ["#e86a10", "#000"],
  violet: ["#6b3fa0", "#fff"],
  rose: ["#f28dbb", "#000"],
  noir: ["#111", "#fff"],
  blanc: ["#fff", "#000"],
  gris: ["#8a8f98", "#000"],
  marron: ["#7a4a1e", "#fff"],
};
const DEFAULT_COLOURS = ["rouge", "vert", "bleu", "jaune"];

function capitalised(word) {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function lengthHelp(data) {
  return data?.length ? ` ${t("length_help", { length: data.length })}` : "";
}

/** A typed code: digits (numeric keypad), letters, or a trade name. */
function typed(enigme, draft, submit, disabled, { inputmode, help, label = "code_label", pattern = null, suggestions = [] }) {
  const data = enigme.data ?? {};
  const list = suggestions?.length ? h("datalist", { id: "suggestions" }, suggestions.map((text) => h("option", { value: text }))) : null;
  const input = h("input", {
    id: "code",
    type: "text",
    class: "escape-code__input",
    inputmode,
    pattern,
    maxlength: data.length || 100,
    list: list ? "suggestions" : null,
    autocomplete: "off",
    autocapitalize: label === "code_label" && inputmode !== "numeric" ? "characters" : "off",
    spellcheck: "false",
    value: draft.code ?? "",
    "aria-describedby": "code-aide",
    disabled,
    oninput: (event) => {
      draft.code = event.target.value;
    },
  });
  return h(
    "form",
    {
      class: "answer-form escape-code",
      onsubmit: (event) => {
        event.preventDefault();
        if (input.value.trim()) submit(input.value);
      },
    },
    h("label", { class: "play-label", for: "code" }, t(label)),
    input,
    list,
    h("p", { class: "play-help", id: "code-aide" }, `${help}${lengthHelp(data)}`),
    submitButton(disabled, "open"),
  );
}

/** A code made by pressing buttons (directions, colours), shown as words as it grows. */
function sequence(enigme, draft, submit, disabled, signs) {
  draft.sequence ??= [];
  const shown = h("p", { class: "escape-sequence", id: "code-saisi", "aria-live": "polite" });
  const show = () => {
    const words = draft.sequence.map((word) => signs.find((s) => s.word === word)?.name ?? word);
    shown.textContent = t("your_code", { code: words.length ? words.join(" · ") : t("empty_code") });
  };
  show();
  const max = enigme.data?.length || 12;
  const buttons = signs.map((sign) =>
    h(
      "button",
      {
        type: "button",
        id: `signe-${sign.word}`,
        class: `escape-sign${sign.swatch ? " escape-sign--colour" : ""}`,
        style: sign.swatch ? `--swatch: ${sign.swatch}; --swatch-text: ${sign.text}` : null,
        "aria-label": t("add_sign", { name: sign.name }),
        disabled,
        onclick: () => {
          if (draft.sequence.length >= max) return;
          draft.sequence.push(sign.word);
          show();
        },
      },
      sign.symbol ? h("span", { class: "escape-sign__symbol", "aria-hidden": "true" }, sign.symbol) : null,
      h("span", { class: "escape-sign__name" }, sign.name),
    ),
  );
  return h(
    "form",
    {
      class: "answer-form",
      onsubmit: (event) => {
        event.preventDefault();
        if (draft.sequence.length) submit(draft.sequence.join(" "));
      },
    },
    h("div", { class: "escape-signs", role: "group", "aria-label": t("code_label") }, buttons),
    shown,
    h(
      "div",
      { class: "escape-edit" },
      h("button", { type: "button", class: "play-button play-button--secondary", disabled, onclick: () => { draft.sequence.pop(); show(); } }, t("erase")),
      h("button", { type: "button", class: "play-button play-button--secondary", disabled, onclick: () => { draft.sequence = []; show(); } }, t("clear")),
    ),
    lengthHelp(enigme.data) ? h("p", { class: "play-help" }, lengthHelp(enigme.data).trim()) : null,
    submitButton(disabled, "open"),
  );
}

function directions(enigme, draft, submit, disabled) {
  const signs = DIRECTIONS.map((d) => ({ word: d.word, symbol: d.sign, name: t(d.label) }));
  return sequence(enigme, draft, submit, disabled, signs);
}

function colours(enigme, draft, submit, disabled) {
  const names = (enigme.data?.colours ?? DEFAULT_COLOURS).filter((name) => name in COLOURS);
  const signs = names.map((name) => ({ word: name, name: capitalised(name), swatch: COLOURS[name][0], text: COLOURS[name][1] }));
  return sequence(enigme, draft, submit, disabled, signs);
}

// Choice, ordering and matching are the shared widgets (widgets.js); their code is the
// option letters ("AC"), the item letters in order ("BAC") or the pairs ("1B 2A").
function choice(enigme, draft, submit, disabled) {
  const multiple = Boolean(enigme.data.multiple);
  return choiceWidget({
    options: enigme.data.options.map((option) => ({ key: option.key, letter: option.key, text: option.text, id: `option-${option.key}` })),
    label: enigme.title,
    draft,
    disabled,
    multiple,
    help: multiple ? t("choose_several") : null,
    sendKey: "check",
    submit: (keys) => submit(keys.join("")),
  });
}

function ordering(enigme, draft, submit, disabled, announce) {
  return orderingWidget({ items: enigme.data.items, draft, submit: (keys) => submit(keys.join("")), help: t("order_help"), disabled, announce });
}

function matching(enigme, draft, submit, disabled) {
  const { left, right } = enigme.data;
  const labelled = (item) => ({ key: item.key, label: `${item.key}. ${item.text}` });
  return matchingWidget({
    lefts: left.map(labelled),
    rights: right.map(labelled),
    draft,
    submit: (pairs) => submit(left.map((item) => `${item.key}${pairs[item.key]}`).join(" ")),
    help: t("match_help"),
    disabled,
  });
}

const BUILDERS = {
  padlock_digits: (e, d, s, off) => typed(e, d, s, off, { inputmode: "numeric", pattern: "[0-9]*", help: t("digits_help") }),
  padlock_letters: (e, d, s, off) => typed(e, d, s, off, { inputmode: "text", help: t("letters_help") }),
  padlock_directions: directions,
  padlock_colours: colours,
  choice: (e, ...rest) => (e.data?.options?.length ? choice(e, ...rest) : null),
  ordering: (e, ...rest) => (e.data?.items?.length ? ordering(e, ...rest) : null),
  matching: (e, ...rest) => (e.data?.left?.length && e.data?.right?.length ? matching(e, ...rest) : null),
  find_trade: (e, d, s, off) => typed(e, d, s, off, { inputmode: "text", help: "", label: "trade_label", suggestions: e.data?.suggestions }),
};

/** The control for this énigme; a plain text field when its data does not describe one. */
export function codeControls(enigme, draft, submit, { disabled = false, announce = () => {} } = {}) {
  const build = BUILDERS[enigme.kind];
  return build?.(enigme, draft, submit, disabled, announce) ?? typed(enigme, draft, submit, disabled, { inputmode: "text", help: "" });
}
