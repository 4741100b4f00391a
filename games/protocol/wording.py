"""What a screen reads of a refusal, in its own language.

The engine, the protocol and the services say why they refuse something with a code, a
French gettext msgid (marked with `gettext_noop`) and its parameters. The socket turns that
into the sentence a person reads, in the language of the page that opened it: the language
cookie (Django's language switcher), else the browser's Accept-Language, as LocaleMiddleware
chooses for the pages. The JavaScript shows `message` as it comes.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.utils import translation
from django.utils.translation.trans_real import parse_accept_lang_header

from games.engine.problems import ITEM_PREFIXES


def language_of(scope) -> str:
    """The language of the page that opened this socket."""
    wanted = [scope.get("cookies", {}).get(settings.LANGUAGE_COOKIE_NAME, "")]
    for name, value in scope.get("headers", []):
        if name == b"accept-language":
            header = value.decode("latin-1")[:200]  # a hostile header stays a short one
            wanted += [code for code, _quality in parse_accept_lang_header(header)]
    for code in wanted:
        if not code or code == "*":
            continue
        try:
            return translation.get_supported_language_variant(code)
        except LookupError:
            continue
    return settings.LANGUAGE_CODE


def say(template: str, params: dict[str, Any] | None = None) -> str:
    """`template` translated into the active language, its placeholders filled in."""
    text = translation.gettext(template)
    if not params:
        return text
    try:
        return text % params
    except (KeyError, TypeError, ValueError):
        # A translation that lost a placeholder must not cost the player the message.
        return template % params


def say_problem(problem, *, placed: bool = True) -> str:
    """An authoring problem (games.engine.problems.Problem) in the editor's language.

    `placed=False` leaves out « Énigme 3 : » when the message sits on that énigme's field."""
    template = getattr(problem, "template", None)
    if template is None:  # a plain string: said as it is
        return str(problem)
    # A Problem has params; an EngineError (a spec that cannot even be read) has details.
    params = getattr(problem, "params", None) or getattr(problem, "details", None)
    text = say(template, params)
    item = getattr(problem, "item", "")
    if placed and item:
        text = say(ITEM_PREFIXES[item], {"number": problem.index + 1, "problem": text})
    return text
