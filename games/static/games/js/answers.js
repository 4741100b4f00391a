// The quiz phone's answer controls: the public question mapped to the shared widgets
// (widgets.js), and what a widget sends turned into the quiz's answer (docs/protocol.md).

import { t } from "./render.js";
import { LETTERS, choiceWidget, estimateWidget, matchingWidget, orderingWidget, trueFalseWidget } from "./widgets.js";

function choice(question, draft, submit, disabled) {
  const options = question.options.map((text, i) => ({ key: i, letter: LETTERS[i], text, id: `choix-${i}` }));
  return choiceWidget({
    options,
    label: question.prompt,
    draft,
    disabled,
    instant: !question.multiple,
    multiple: question.multiple,
    help: question.multiple ? t("choose_several") : null,
    submit: (keys) => submit(keys),
  });
}

const BUILDERS = {
  choice,
  true_false: (question, draft, submit, disabled) => trueFalseWidget({ label: question.prompt, submit, disabled }),
  ordering: (question, draft, submit, disabled, announce) =>
    orderingWidget({
      items: question.items.map((item) => ({ key: item.id, text: item.text })),
      draft,
      submit,
      help: t("ordering_hint"),
      disabled,
      announce,
    }),
  matching: (question, draft, submit, disabled) =>
    matchingWidget({
      lefts: question.lefts.map((left) => ({ key: left.id, label: left.text })),
      rights: question.rights.map((right) => ({ key: right.id, label: `${right.id}. ${right.text}` })),
      draft,
      submit,
      help: t("matching_hint"),
      disabled,
    }),
  estimate: (question, draft, submit, disabled) => estimateWidget({ unit: question.unit, draft, submit, disabled }),
};

export function answerControls(question, draft, submit, { disabled = false, announce = () => {} } = {}) {
  const build = BUILDERS[question.kind];
  return build ? build(question, draft, submit, disabled, announce) : null;
}
