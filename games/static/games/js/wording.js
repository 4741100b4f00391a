// Plurals and ordinals as each language says them: « 0 joueur », « 1ʳᵉ », "0 players", "2nd".
// The forms come translated from the server (games/wording.py); the browser's own CLDR rules
// (Intl.PluralRules) pick one. Pure functions: tested with node (tests/unit/test_wording.py).

/** `forms` {one, two?, few?, other} -> the form for `count` in `lang` ("other" when missing). */
export function pickForm(forms, count, lang, type = "cardinal") {
  if (typeof forms === "string") return forms;
  const category = new Intl.PluralRules(lang || "fr", { type }).select(count);
  return forms[category] ?? forms.other;
}

/** Fill %(name)s placeholders. */
export function fill(text, params = {}) {
  return text.replace(/%\((\w+)\)s/g, (_, name) => String(params[name] ?? ""));
}

export function ordinalText(forms, n, lang) {
  return fill(pickForm(forms, n, lang, "ordinal"), { n });
}
