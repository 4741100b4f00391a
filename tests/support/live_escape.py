"""Playing the escape game in real browsers: joining a team and opening padlocks on a phone.

Codes are entered with the controls a student uses for each kind of énigme (keypad, colour and
direction buttons, options, arrows, selects), from the énigmes as authored in games.kinds.escape.demo.
"""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

OPEN = "Ouvrir le cadenas"


def join_escape(phone: Page, pin: str, nickname: str, team: str) -> None:
    phone.goto("/jouer/")
    phone.get_by_label("Code PIN").fill(pin)
    phone.get_by_role("button", name="Rejoindre").click()
    phone.get_by_label("Ton pseudo").fill(nickname)
    phone.get_by_role("radio", name=re.compile(f"^{team}")).check()
    phone.get_by_role("button", name="C'est parti !").click()
    phone.wait_for_url(re.compile(rf"/jouer/{pin}/partie/$"))
    expect(phone.get_by_role("heading", name=f"Équipe {team}")).to_be_visible()


def _ordered(phone: Page, options: list[str], solution: str) -> None:
    """Move the items (shown as A, B, C… in `options` order) into the order of `solution`."""
    order = list("ABCDEFGH"[: len(options)])
    for position, key in enumerate(solution):
        while order.index(key) > position:
            text = options["ABCDEFGH".index(key)]
            phone.get_by_role("button", name=f"Monter « {text} »").click()
            at = order.index(key)
            order[at - 1], order[at] = order[at], order[at - 1]


def enter_code(phone: Page, enigme: dict, code: str) -> None:
    """Type or tap `code` on the phone's padlock for `enigme` (as the engine has it) and send it."""
    kind = enigme["kind"]
    data = enigme["data"]
    if kind == "padlock_digits":
        phone.get_by_label("Le code").fill(code)
        phone.get_by_role("button", name=OPEN).click()
    elif kind == "find_trade":
        phone.get_by_label("Le métier").fill(code)
        phone.get_by_role("button", name=OPEN).click()
    elif kind in {"padlock_colours", "padlock_directions"}:
        for word in re.split(r"[\s,]+", code.strip()):
            phone.get_by_role("button", name=f"Ajouter « {word.capitalize()} »").click()
        phone.get_by_role("button", name=OPEN).click()
    elif kind == "choice":
        for letter in code:
            option = data["options"]["ABCDEFGH".index(letter)]["text"]
            phone.get_by_role("button", name=option).click()
        phone.get_by_role("button", name="Valider").click()
    elif kind == "matching":
        for number, letter in re.findall(r"(\d+)([A-Z])", code):
            left = data["left"][int(number) - 1]["text"]
            phone.get_by_label(f"{number}. {left}").select_option(letter)
        phone.get_by_role("button", name="Valider").click()
    elif kind == "ordering":
        _ordered(phone, [item["text"] for item in data["items"]], code)
        phone.get_by_role("button", name="Valider").click()
    else:
        raise AssertionError(f"no controls for {kind!r}")


SUBMIT = "#ecran form.answer-form button[type=submit], #ecran form.escape-code button[type=submit]"


def enter_code_anywhere(phone: Page, enigme: dict, code: str) -> None:
    """`enter_code` through the controls' ids, the same in every language of the interface;
    `enigme` in the engine's terms (games.kinds.escape.demo.ENIGMES)."""
    kind = enigme["kind"]
    if kind in {"padlock_digits", "find_trade", "padlock_letters"}:
        phone.locator("#code").fill(code)
        phone.locator("#code").press("Enter")
        return
    if kind in {"padlock_colours", "padlock_directions"}:
        for word in re.split(r"[\s,]+", code.strip()):
            phone.locator(f"#signe-{word}").click()
    elif kind == "choice":
        for letter in code:
            phone.locator(f"#option-{letter}").click()
    elif kind == "matching":
        for number, letter in re.findall(r"(\d+)([A-Z])", code):
            phone.locator(f"#paire-{number}").select_option(letter)
    elif kind == "ordering":
        order = [item["key"] for item in enigme["data"]["items"]]
        for position, key in enumerate(code):
            while order.index(key) > position:
                phone.locator(f"#monter-{key}").click()
                at = order.index(key)
                order[at - 1], order[at] = order[at], order[at - 1]
    else:
        raise AssertionError(f"no controls for {kind!r}")
    phone.locator(SUBMIT).first.click()
