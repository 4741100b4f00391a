"""Ordinals and plurals said right in French and in English (« 1ʳᵉ », « 2ᵉ », « 0 joueur »,
"1st", "0 players"), for the templates and for the screens' JavaScript.

The screens get the forms of each sentence (`plural_forms`, `ordinal_forms`) and pick one with
the browser's Intl.PluralRules (games/static/games/js/wording.js); Python picks with the same
rules (`ordinal`) or with Django's ngettext.
"""

from __future__ import annotations

from collections.abc import Callable

from django.utils.translation import get_language, pgettext

# The CLDR ordinal categories of our languages: French has "one" (1ʳᵉ) and "other" (2ᵉ),
# English "one" (1st, 21st), "two" (2nd), "few" (3rd) and "other" (4th, 11th, 12th, 13th).
ORDINAL_CATEGORIES = ("one", "two", "few", "other")


def ordinal_category(number: int, language: str | None = None) -> str:
    language = (language or get_language() or "fr").split("-")[0]
    if language == "en":
        last, last_two = number % 10, number % 100
        if last == 1 and last_two != 11:
            return "one"
        if last == 2 and last_two != 12:
            return "two"
        if last == 3 and last_two != 13:
            return "few"
        return "other"
    return "one" if number == 1 else "other"


def ordinal_forms() -> dict[str, str]:
    """The ordinal of %(n)s per category, in the active language. A rank is said of a place
    (« la 1ʳᵉ place », feminine) so that it fits a player of any gender and a team."""
    return {
        "one": pgettext("ordinal one", "%(n)sʳᵉ"),
        "two": pgettext("ordinal two", "%(n)sᵉ"),
        "few": pgettext("ordinal few", "%(n)sᵉ"),
        "other": pgettext("ordinal other", "%(n)sᵉ"),
    }


def ordinal(number: int) -> str:
    """« 1ʳᵉ », « 2ᵉ »; "1st", "2nd", "3rd", "11th" in English."""
    return ordinal_forms()[ordinal_category(number)] % {"n": number}


def plural_forms(sentence: Callable[[int], str]) -> dict[str, str]:
    """Both forms of a sentence for the screens, translated: French says « 0 joueur »
    (0 and 1 are singular), English "0 players"; the JS picks with Intl.PluralRules.
    `sentence` is `lambda n: ngettext("…", "…", n)`, so that makemessages finds the msgids."""
    return {"one": sentence(1), "other": sentence(2)}
