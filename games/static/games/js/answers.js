// The answer controls of the phone, one builder per kind of question.
//
// Each builder gets the public question, a `draft` object that survives re-renders (a pause
// must not undo a half-sorted list) and `submit(payload)`. Everything works with taps and a
// keyboard: no drag and drop, 48 px targets.

import { LETTERS, h, t } from "./render.js";

function submitButton(disabled) {
  return h("button", { type: "submit", class: "play-button play-button--primary", disabled }, t("send"));
}

function choice(question, draft, submit, disabled) {
  if (!question.multiple) {
    return h(
      "div",
      { class: "answer-grid", role: "group", "aria-label": question.prompt },
      question.options.map((option, i) =>
        h(
          "button",
          {
            type: "button",
            id: `choix-${i}`,
            class: `answer-button answer-button--${i}`,
            disabled,
            onclick: () => submit([i]),
          },
          h("span", { class: "answer-button__letter", "aria-hidden": "true" }, LETTERS[i]),
          h("span", {}, option),
        ),
      ),
    );
  }
  draft.chosen ??= [];
  const error = h("p", { class: "play-error", role: "alert" });
  const toggle = (i, button) => {
    const at = draft.chosen.indexOf(i);
    if (at >= 0) draft.chosen.splice(at, 1);
    else draft.chosen.push(i);
    button.setAttribute("aria-pressed", String(at < 0));
  };
  return h(
    "form",
    {
      class: "answer-form",
      onsubmit: (event) => {
        event.preventDefault();
        if (!draft.chosen.length) {
          error.textContent = t("choose_one_at_least");
          return;
        }
        submit([...draft.chosen].sort((a, b) => a - b));
      },
    },
    h("p", { class: "play-help" }, t("choose_several")),
    h(
      "div",
      { class: "answer-grid", role: "group", "aria-label": question.prompt },
      question.options.map((option, i) => {
        const button = h(
          "button",
          {
            type: "button",
            id: `choix-${i}`,
            class: `answer-button answer-button--${i}`,
            "aria-pressed": String(draft.chosen.includes(i)),
            disabled,
          },
          h("span", { class: "answer-button__letter", "aria-hidden": "true" }, LETTERS[i]),
          h("span", {}, option),
        );
        button.addEventListener("click", () => toggle(i, button));
        return button;
      }),
    ),
    error,
    submitButton(disabled),
  );
}

function trueFalse(question, draft, submit, disabled) {
  return h(
    "div",
    { class: "answer-grid answer-grid--two", role: "group", "aria-label": question.prompt },
    h("button", { type: "button", id: "vrai", class: "answer-button answer-button--true", disabled, onclick: () => submit(true) }, t("true")),
    h("button", { type: "button", id: "faux", class: "answer-button answer-button--false", disabled, onclick: () => submit(false) }, t("false")),
  );
}

function ordering(question, draft, submit, disabled, announce) {
  draft.order ??= question.items.map((item) => item.id);
  const text = Object.fromEntries(question.items.map((item) => [item.id, item.text]));
  const list = h("ol", { class: "ordering" });
  const move = (from, to) => {
    const [id] = draft.order.splice(from, 1);
    draft.order.splice(to, 0, id);
    draw();
    announce(t("moved", { text: text[id], position: to + 1 }));
    // Keep the focus on the same arrow of the item that moved, so it can move again.
    const again = document.getElementById(`${to < from ? "monter" : "descendre"}-${id}`);
    (again && !again.disabled ? again : document.getElementById(`monter-${id}`) ?? document.getElementById(`descendre-${id}`))?.focus();
  };
  const draw = () => {
    list.replaceChildren(
      ...draft.order.map((id, position) =>
        h(
          "li",
          { class: "ordering__item" },
          h("span", { class: "ordering__text" }, text[id]),
          h(
            "span",
            { class: "ordering__moves" },
            h(
              "button",
              { type: "button", id: `monter-${id}`, class: "move-button", "aria-label": t("move_up", { text: text[id] }), disabled: disabled || position === 0, onclick: () => move(position, position - 1) },
              "↑",
            ),
            h(
              "button",
              { type: "button", id: `descendre-${id}`, class: "move-button", "aria-label": t("move_down", { text: text[id] }), disabled: disabled || position === draft.order.length - 1, onclick: () => move(position, position + 1) },
              "↓",
            ),
          ),
        ),
      ),
    );
  };
  draw();
  return h(
    "form",
    { class: "answer-form", onsubmit: (event) => { event.preventDefault(); submit([...draft.order]); } },
    h("p", { class: "play-help" }, t("ordering_hint")),
    list,
    submitButton(disabled),
  );
}

function matching(question, draft, submit, disabled) {
  draft.pairs ??= {};
  const error = h("p", { class: "play-error", role: "alert" });
  const rows = question.lefts.map((left) => {
    const id = `paire-${left.id}`;
    const select = h(
      "select",
      { id, class: "form-select matching__select", disabled, onchange: (event) => { draft.pairs[left.id] = event.target.value; } },
      h("option", { value: "" }, t("matching_choose")),
      question.rights.map((right) => h("option", { value: right.id, selected: draft.pairs[left.id] === right.id }, `${right.id}. ${right.text}`)),
    );
    return h("div", { class: "matching__row" }, h("label", { for: id, class: "matching__left" }, left.text), select);
  });
  return h(
    "form",
    {
      class: "answer-form",
      onsubmit: (event) => {
        event.preventDefault();
        const chosen = question.lefts.map((left) => draft.pairs[left.id]).filter(Boolean);
        if (chosen.length !== question.lefts.length || new Set(chosen).size !== chosen.length) {
          error.textContent = t("matching_incomplete");
          return;
        }
        submit({ ...draft.pairs });
      },
    },
    h("p", { class: "play-help" }, t("matching_hint")),
    rows,
    error,
    submitButton(disabled),
  );
}

function estimate(question, draft, submit, disabled) {
  const error = h("p", { class: "play-error", role: "alert" });
  const input = h("input", {
    id: "estimation",
    type: "number",
    inputmode: "decimal",
    step: "any",
    class: "form-control estimate__input",
    autocomplete: "off",
    value: draft.value ?? "",
    disabled,
    oninput: (event) => { draft.value = event.target.value; },
  });
  return h(
    "form",
    {
      class: "answer-form",
      onsubmit: (event) => {
        event.preventDefault();
        const value = Number.parseFloat(String(input.value).replace(",", "."));
        if (!Number.isFinite(value)) {
          error.textContent = t("estimate_invalid");
          return;
        }
        submit(value);
      },
    },
    h("label", { for: "estimation", class: "play-label" }, t("estimate_label")),
    h("div", { class: "estimate" }, input, question.unit ? h("span", { class: "estimate__unit" }, question.unit) : null),
    error,
    submitButton(disabled),
  );
}

const BUILDERS = { choice, true_false: trueFalse, ordering, matching, estimate };

export function answerControls(question, draft, submit, { disabled = false, announce = () => {} } = {}) {
  const build = BUILDERS[question.kind];
  return build ? build(question, draft, submit, disabled, announce) : null;
}
