// The answer widgets of every phone: choice, true/false, ordering, matching, estimate.
//
// One set for the quiz (answers.js) and the escape game (escape_controls.js): each game only
// maps its question to these neutral shapes and turns what the widget submits into its own
// answer format. Every widget works with taps and a keyboard (no drag and drop, 48 px
// targets) and keeps what the student did in `draft`, an object that survives re-renders (a
// pause must not undo a half-sorted list).

import { LETTERS, h, t } from "./render.js";

export { LETTERS };

export function submitButton(disabled, key = "send") {
  return h("button", { type: "submit", class: "play-button play-button--primary", disabled }, t(key));
}

function errorLine() {
  return h("p", { class: "play-error", role: "alert" });
}

function form(onValid, ...children) {
  return h(
    "form",
    {
      class: "answer-form",
      onsubmit: (event) => {
        event.preventDefault();
        onValid();
      },
    },
    children,
  );
}

function optionButton(option, index, disabled, extra = {}) {
  return h(
    "button",
    { type: "button", id: option.id, class: `answer-button answer-button--${index % 8}`, disabled, ...extra },
    h("span", { class: "answer-button__letter", "aria-hidden": "true" }, option.letter),
    h("span", { class: "answer-button__text" }, option.text),
  );
}

/**
 * Options to choose from. `options`: [{key, letter, text, id}].
 * - instant: one tap sends [key] (a quiz question with one right answer);
 * - otherwise taps select (one, or several when `multiple`) and « Valider » sends the keys
 *   in the options' order.
 */
export function choiceWidget({ options, label, draft, submit, disabled = false, instant = false, multiple = false, help = null, sendKey = "send" }) {
  const group = (buttons) => h("div", { class: "answer-grid", role: "group", "aria-label": label }, buttons);
  if (instant) {
    return group(options.map((option, i) => optionButton(option, i, disabled, { onclick: () => submit([option.key]) })));
  }
  draft.chosen ??= [];
  const error = errorLine();
  const buttons = options.map((option, i) =>
    optionButton(option, i, disabled, {
      "aria-pressed": String(draft.chosen.includes(option.key)),
      onclick: () => {
        const at = draft.chosen.indexOf(option.key);
        if (at >= 0) draft.chosen.splice(at, 1);
        else if (multiple) draft.chosen.push(option.key);
        else draft.chosen = [option.key];
        for (const [j, other] of buttons.entries()) other.setAttribute("aria-pressed", String(draft.chosen.includes(options[j].key)));
      },
    }),
  );
  const send = () => {
    if (!draft.chosen.length) {
      error.textContent = t("choose_one_at_least");
      return;
    }
    submit(options.map((option) => option.key).filter((key) => draft.chosen.includes(key)));
  };
  return form(send, help ? h("p", { class: "play-help" }, help) : null, group(buttons), error, submitButton(disabled, sendKey));
}

/** Two big buttons, « Vrai » and « Faux »: one tap sends true or false. */
export function trueFalseWidget({ label, submit, disabled = false }) {
  return h(
    "div",
    { class: "answer-grid answer-grid--two", role: "group", "aria-label": label },
    h("button", { type: "button", id: "vrai", class: "answer-button answer-button--true", disabled, onclick: () => submit(true) }, t("true")),
    h("button", { type: "button", id: "faux", class: "answer-button answer-button--false", disabled, onclick: () => submit(false) }, t("false")),
  );
}

/** Items put in order with ↑ / ↓ buttons. `items`: [{key, text}]; sends the keys in order. */
export function orderingWidget({ items, draft, submit, help, disabled = false, announce = () => {} }) {
  draft.order ??= items.map((item) => item.key);
  const text = Object.fromEntries(items.map((item) => [item.key, item.text]));
  const list = h("ol", { class: "ordering" });
  const move = (from, to) => {
    const [key] = draft.order.splice(from, 1);
    draft.order.splice(to, 0, key);
    paint();
    announce(t("moved", { text: text[key], position: to + 1 }));
    // Keep the focus on the same arrow of the item that moved, so it can move again.
    const again = document.getElementById(`${to < from ? "monter" : "descendre"}-${key}`);
    (again && !again.disabled ? again : document.getElementById(`monter-${key}`) ?? document.getElementById(`descendre-${key}`))?.focus();
  };
  const arrow = (key, position, up) =>
    h(
      "button",
      {
        type: "button",
        id: `${up ? "monter" : "descendre"}-${key}`,
        class: "move-button",
        "aria-label": t(up ? "move_up" : "move_down", { text: text[key] }),
        disabled: disabled || (up ? position === 0 : position === draft.order.length - 1),
        onclick: () => move(position, up ? position - 1 : position + 1),
      },
      up ? "↑" : "↓",
    );
  const paint = () =>
    list.replaceChildren(
      ...draft.order.map((key, position) =>
        h(
          "li",
          { class: "ordering__item" },
          h("span", { class: "ordering__text" }, text[key]),
          h("span", { class: "ordering__moves" }, arrow(key, position, true), arrow(key, position, false)),
        ),
      ),
    );
  paint();
  return form(() => submit([...draft.order]), h("p", { class: "play-help" }, help), list, submitButton(disabled));
}

/**
 * Each left item paired with one right item, each right item used once at most.
 * `lefts`: [{key, label}], `rights`: [{key, label}]; sends {leftKey: rightKey}.
 */
export function matchingWidget({ lefts, rights, draft, submit, help, disabled = false }) {
  draft.pairs ??= {};
  const error = errorLine();
  const rows = lefts.map((left) => {
    const id = `paire-${left.key}`;
    const select = h(
      "select",
      {
        id,
        class: "form-select matching__select",
        disabled,
        onchange: (event) => {
          draft.pairs[left.key] = event.target.value;
          error.textContent = "";
        },
      },
      h("option", { value: "" }, t("matching_choose")),
      rights.map((right) => h("option", { value: right.key, selected: draft.pairs[left.key] === right.key }, right.label)),
    );
    return h("div", { class: "matching__row" }, h("label", { for: id, class: "matching__left" }, left.label), select);
  });
  const send = () => {
    const chosen = lefts.map((left) => draft.pairs[left.key]).filter(Boolean);
    if (chosen.length !== lefts.length || new Set(chosen).size !== chosen.length) {
      error.textContent = t("matching_incomplete");
      return;
    }
    submit(Object.fromEntries(lefts.map((left) => [left.key, draft.pairs[left.key]])));
  };
  return form(send, h("p", { class: "play-help" }, help), rows, error, submitButton(disabled));
}

/** A number, typed with a decimal comma or point; sends a finite number. */
export function estimateWidget({ unit, draft, submit, disabled = false }) {
  const error = errorLine();
  const input = h("input", {
    id: "estimation",
    type: "number",
    inputmode: "decimal",
    step: "any",
    class: "form-control estimate__input",
    autocomplete: "off",
    value: draft.value ?? "",
    disabled,
    oninput: (event) => {
      draft.value = event.target.value;
    },
  });
  const send = () => {
    const value = Number.parseFloat(String(input.value).replace(",", "."));
    if (!Number.isFinite(value)) {
      error.textContent = t("estimate_invalid");
      return;
    }
    submit(value);
  };
  return form(
    send,
    h("label", { for: "estimation", class: "play-label" }, t("estimate_label")),
    h("div", { class: "estimate" }, input, unit ? h("span", { class: "estimate__unit" }, unit) : null),
    error,
    submitButton(disabled),
  );
}
