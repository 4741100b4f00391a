"""Questions for a "de A à Z" parcours, generated from an objet's chain of étapes.

Input, as the CMS describes an objet:
    objet = {"title": str, "id"?: str,
             "etapes": [{"id", "title", "text", "metiers": [{"id", "title", "url"}]}],
             "filieres": [{"id", "title"}]}
    pool = {"metiers": [...], "filieres": [...]}  # other ones, for wrong options

Output: question dicts that `questions.question_from_dict` loads, in play order:
one "who does this étape?" choice question per étape that has a métier, then
"put the étapes in order" (3 to 8 étapes, spread evenly over a longer chain),
then "which filière?". Wrong options and option order are chosen by a seeded
hash, so the same objet, pool and seed always give the same questions.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from games.engine.shuffle import seeded_order

CHOICE_TIME_S = 20
ORDERING_MIN, ORDERING_MAX = 3, 8
WRONG_OPTIONS = 3


def _slug(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-") or "objet"


def _key(entry: dict) -> str:
    return str(entry.get("id", entry.get("title", "")))


def _same_title(a: dict, b: dict) -> bool:
    return " ".join(a["title"].casefold().split()) == " ".join(b["title"].casefold().split())


def _distinct(entries: list[dict]) -> list[dict]:
    """Drop repeats by id or by title: two options with one title would be unanswerable."""
    kept: list[dict] = []
    for entry in entries:
        if not any(_key(entry) == _key(k) or _same_title(entry, k) for k in kept):
            kept.append(entry)
    return kept


def _wrong_options(right: list[dict], candidates: list[dict], count: int, seed: str) -> list[dict]:
    usable = _distinct(
        [c for c in candidates if not any(_key(c) == _key(r) or _same_title(c, r) for r in right)]
    )
    by_key = {_key(entry): entry for entry in usable}
    return [by_key[key] for key in seeded_order(list(by_key), seed)[:count]]


def _choice(
    question_id: str, prompt: str, right: list[dict], wrong: list[dict], seed: str
) -> dict[str, Any]:
    entries = {_key(entry): entry for entry in right + wrong}
    order = seeded_order(list(entries), f"{seed}:options")
    right_keys = {_key(entry) for entry in right}
    return {
        "id": question_id,
        "kind": "choice",
        "prompt": prompt,
        "time_limit_s": CHOICE_TIME_S,
        "options": [entries[key]["title"] for key in order],
        "correct": [position for position, key in enumerate(order) if key in right_keys],
        "multiple": len(right) > 1,
    }


def spread(items: list[Any], count: int) -> list[Any]:
    """`count` items taken evenly from `items`, keeping the first and the last."""
    if len(items) <= count:
        return list(items)
    if count == 1:
        return [items[0]]
    last = len(items) - 1
    return [items[round(i * last / (count - 1))] for i in range(count)]


def etape_question(objet: dict, etape: dict, pool: dict, prefix: str, seed: str) -> dict | None:
    metiers = etape.get("metiers") or []
    if not metiers:
        return None
    right = metiers[0]
    # The other métiers of this étape are right too: never offer them as wrong.
    others = [m for e in objet["etapes"] if e is not etape for m in e.get("metiers") or []]
    wrong = _wrong_options(
        metiers, others + list(pool.get("metiers", [])), WRONG_OPTIONS, f"{seed}:{etape['id']}"
    )
    if not wrong:
        return None
    question = _choice(
        f"{prefix}-etape-{etape['id']}",
        f"{objet['title']} : qui s'occupe de l'étape « {etape['title']} » ?",
        [right],
        wrong,
        f"{seed}:{etape['id']}",
    )
    question["explanation"] = etape.get("text", "")
    question["metiers"] = [dict(m) for m in metiers]
    return question


def ordering_question(objet: dict, prefix: str) -> dict | None:
    etapes = spread(list(objet["etapes"]), ORDERING_MAX)
    if len(etapes) < ORDERING_MIN:
        return None
    metiers = _distinct([m for e in etapes for m in e.get("metiers") or []])
    return {
        "id": f"{prefix}-ordre",
        "kind": "ordering",
        "prompt": f"{objet['title']} : remets les étapes dans l'ordre.",
        "time_limit_s": min(15 + 5 * len(etapes), 60),
        "items": [{"id": str(e["id"]), "text": e["title"]} for e in etapes],
        "explanation": " → ".join(e["title"] for e in etapes),
        "metiers": [dict(m) for m in metiers],
    }


def filiere_question(objet: dict, pool: dict, prefix: str, seed: str) -> dict | None:
    right = _distinct(list(objet.get("filieres") or []))[:3]
    if not right:
        return None
    count = max(4 - len(right), 2)
    wrong = _wrong_options(right, list(pool.get("filieres", [])), count, f"{seed}:filiere")
    if not wrong:
        return None
    several = len(right) > 1
    prompt = (
        f"{objet['title']} : de quelles filières relève-t-il ?"
        if several
        else f"{objet['title']} : de quelle filière relève-t-il ?"
    )
    question = _choice(f"{prefix}-filiere", prompt, right, wrong, f"{seed}:filiere")
    question["explanation"] = ", ".join(f["title"] for f in right)
    return question


def parcours_questions(objet: dict, pool: dict | None = None, *, seed: str = "") -> list[dict]:
    pool = pool or {}
    prefix = _slug(str(objet.get("id") or objet["title"]))
    questions = [etape_question(objet, etape, pool, prefix, seed) for etape in objet["etapes"]]
    questions.append(ordering_question(objet, prefix))
    questions.append(filiere_question(objet, pool, prefix, seed))
    return [question for question in questions if question is not None]


def parcours_spec(objet: dict, pool: dict | None = None, *, seed: str = "") -> dict[str, Any]:
    """A whole QuizSpec dict of kind "parcours" for `QuizSpec.from_dict`."""
    return {
        "title": f"De A à Z : {objet['title']}",
        "kind": "parcours",
        "questions": parcours_questions(objet, pool, seed=seed),
    }
