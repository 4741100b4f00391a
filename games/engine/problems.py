"""Authoring problems: what keeps a game from being played, said in a way every edge can use.

A `Problem` reads as its French sentence (it is a `str`, so logs and tests read it as such),
and carries what an edge needs to do better than repeat it:

- `code`: a stable snake_case identifier (`no_solution`, `duplicate_ids`…);
- `template` and `params`: the sentence as a gettext msgid with named placeholders, so the
  admin shows it in the editor's language (`games.texts.problem_text`);
- `field`: the spec field it is about (`solutions`, `hints`, `next`…), so the admin puts it
  on the right input instead of guessing from the words;
- `index`: for a problem of one question or énigme, its position in the game (0-based).

The engine stays free of Django: `gettext_noop` below only marks the templates for
makemessages (which knows the name); translating happens at the edges.
"""

from __future__ import annotations

from typing import Any


def gettext_noop(template: str) -> str:
    """Marks a msgid for makemessages; the engine itself always speaks French."""
    return template


# How a problem of one item of a game reads once placed in the whole game.
ITEM_PREFIXES = {
    "question": gettext_noop("Question %(number)s : %(problem)s"),
    "enigme": gettext_noop("Énigme %(number)s : %(problem)s"),
}


class Problem(str):
    code: str
    template: str
    params: dict[str, Any]
    field: str
    index: int | None
    item: str

    def __new__(
        cls,
        code: str,
        template: str,
        *,
        field: str = "",
        index: int | None = None,
        item: str = "",
        **params: Any,
    ) -> Problem:
        own = template % params if params else template
        text = ITEM_PREFIXES[item] % {"number": index + 1, "problem": own} if item else own
        problem = super().__new__(cls, text)
        problem.code = code
        problem.template = template
        problem.params = params
        problem.field = field
        problem.index = index
        problem.item = item
        return problem

    def own_text(self) -> str:
        """The sentence without the item it is about (« Aucune solution n'est indiquée. »)."""
        return self.template % self.params if self.params else self.template

    def placed(self, item: str, index: int) -> Problem:
        """The same problem, said of the question or énigme at `index` in the game."""
        return Problem(
            self.code, self.template, field=self.field, index=index, item=item, **self.params
        )
