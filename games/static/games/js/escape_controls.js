// The answer controls of an escape game énigme, one builder per kind of padlock.
//
// Each builder gets the public énigme, a `draft` that survives re-renders and `submit(code)`.
// The code is text the server reads the same way whatever the control (games/kinds/escape/engine/codes.py):
// digits, letters, direction words, colour words, option letters, "1B 2A" pairs, a trade name.
// Never colour alone: every colour button says its name; every arrow says its direction.

import { h, t } from "./render.js";

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

function submitButton(disabled, key = "check") {
  return h("button", { type: "submit", class: "play-button play-button--primary", disabled }, t(key));
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

function choice(enigme, draft, submit, disabled) {
  const options = enigme.data.options;
  const multiple = Boolean(enigme.data.multiple);
  draft.chosen ??= [];
  const buttons = options.map((option) => {
    const button = h(
      "button",
      { type: "button", id: `option-${option.key}`, class: "escape-option", "aria-pressed": String(draft.chosen.includes(option.key)), disabled },
      h("span", { class: "escape-option__letter", "aria-hidden": "true" }, option.key),
      h("span", {}, option.text),
    );
    button.addEventListener("click", () => {
      const at = draft.chosen.indexOf(option.key);
      if (at >= 0) draft.chosen.splice(at, 1);
      else if (multiple) draft.chosen.push(option.key);
      else draft.chosen = [option.key];
      for (const [j, other] of buttons.entries()) other.setAttribute("aria-pressed", String(draft.chosen.includes(options[j].key)));
    });
    return button;
  });
  return h(
    "form",
    {
      class: "answer-form",
      onsubmit: (event) => {
        event.preventDefault();
        if (draft.chosen.length) submit(draft.chosen.join(""));
      },
    },
    multiple ? h("p", { class: "play-help" }, t("choose_several")) : null,
    h("div", { class: "escape-options", role: "group", "aria-label": enigme.title }, buttons),
    submitButton(disabled),
  );
}

function ordering(enigme, draft, submit, disabled, announce) {
  const items = enigme.data.items;
  draft.order ??= items.map((item) => item.key);
  const text = Object.fromEntries(items.map((item) => [item.key, item.text]));
  const list = h("ol", { class: "ordering" });
  const move = (from, to) => {
    const [key] = draft.order.splice(from, 1);
    draft.order.splice(to, 0, key);
    paint();
    announce(t("moved", { text: text[key], position: to + 1 }));
    const again = document.getElementById(`${to < from ? "monter" : "descendre"}-${key}`);
    (again && !again.disabled ? again : document.getElementById(`monter-${key}`) ?? document.getElementById(`descendre-${key}`))?.focus();
  };
  const paint = () =>
    list.replaceChildren(
      ...draft.order.map((key, position) =>
        h(
          "li",
          { class: "ordering__item" },
          h("span", { class: "ordering__text" }, text[key]),
          h(
            "span",
            { class: "ordering__moves" },
            h("button", { type: "button", id: `monter-${key}`, class: "move-button", "aria-label": t("move_up", { text: text[key] }), disabled: disabled || position === 0, onclick: () => move(position, position - 1) }, "↑"),
            h("button", { type: "button", id: `descendre-${key}`, class: "move-button", "aria-label": t("move_down", { text: text[key] }), disabled: disabled || position === draft.order.length - 1, onclick: () => move(position, position + 1) }, "↓"),
          ),
        ),
      ),
    );
  paint();
  return h(
    "form",
    { class: "answer-form", onsubmit: (event) => { event.preventDefault(); submit(draft.order.join("")); } },
    h("p", { class: "play-help" }, t("order_help")),
    list,
    submitButton(disabled),
  );
}

function matching(enigme, draft, submit, disabled) {
  const { left, right } = enigme.data;
  draft.pairs ??= {};
  const error = h("p", { class: "play-error", role: "alert" });
  const rows = left.map((item) => {
    const id = `paire-${item.key}`;
    return h(
      "div",
      { class: "matching__row" },
      h("label", { for: id, class: "matching__left" }, `${item.key}. ${item.text}`),
      h(
        "select",
        { id, class: "form-select matching__select", disabled, onchange: (event) => { draft.pairs[item.key] = event.target.value; } },
        h("option", { value: "" }, t("matching_choose")),
        right.map((other) => h("option", { value: other.key, selected: draft.pairs[item.key] === other.key }, `${other.key}. ${other.text}`)),
      ),
    );
  });
  return h(
    "form",
    {
      class: "answer-form",
      onsubmit: (event) => {
        event.preventDefault();
        if (left.some((item) => !draft.pairs[item.key])) {
          error.textContent = t("matching_incomplete");
          return;
        }
        submit(left.map((item) => `${item.key}${draft.pairs[item.key]}`).join(" "));
      },
    },
    h("p", { class: "play-help" }, t("match_help")),
    rows,
    error,
    submitButton(disabled),
  );
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
