"""Énigmes written as one all-fields « enigme » block become one block per kind (0007).

The solution codes typed by editors (« 1B 2A 3C », « CADB », « B ») become what the new
widgets hold: pairs, items in the right order, ticked options. Runs on the pages and on their
revisions (drafts and history), in raw JSON so that it depends on no model code.
"""

import json

from django.db import migrations

from games.kinds.escape.engine.codes import canonical

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
DIRECTION_WORDS = {"H": "haut", "B": "bas", "G": "gauche", "D": "droite"}


def items(values):
    """A list block's values: stored as [{"type": "item", "value", "id"}] (or plain, older)."""
    return [
        each["value"] if isinstance(each, dict) and each.get("type") == "item" else each
        for each in values or []
    ]


def first_code(kind, value):
    for text in items(value.get("solutions")):
        code = canonical(kind, text or "")
        if code is not None:
            return code
    return ""


def answers(kind, value):
    options = [text or "" for text in items(value.get("options"))]
    code = first_code(kind, value)
    if kind in ("padlock_digits", "padlock_letters"):
        return {"codes": [text for text in items(value.get("solutions")) if text] or [""]}
    if kind == "padlock_directions":
        return {"sequence": [DIRECTION_WORDS[letter] for letter in code]}
    if kind == "padlock_colours":
        colours = [canonical(kind, text) or text for text in options]
        return {"colours": colours, "sequence": code.split(",") if code else []}
    if kind == "choice":
        # Several solutions were alternatives (« A » or « B »); one of several letters, a set
        # to choose together.
        codes = [canonical(kind, text or "") or "" for text in items(value.get("solutions"))]
        right = "".join(codes)
        return {
            "options": [
                {"text": text, "correct": LETTERS[index] in right}
                for index, text in enumerate(options)
            ],
            "together": any(len(code) > 1 for code in codes),
        }
    if kind == "ordering":
        return {
            "items": [
                options[LETTERS.index(letter)]
                for letter in code
                if LETTERS.index(letter) < len(options)
            ]
            or options
        }
    if kind == "matching":
        rights = [text or "" for text in items(value.get("colonne_droite"))]
        pairs = []
        number = ""
        for char in code:
            if char.isdigit():
                number += char
                continue
            left, right = int(number) - 1, LETTERS.index(char)
            if left < len(options) and right < len(rights):
                pairs.append({"left": options[left], "right": rights[right]})
            number = ""
        return {"pairs": pairs}
    if kind == "find_trade":
        return {
            "answers": [text for text in items(value.get("solutions")) if text] or [""],
            "suggestions": options,
        }
    return {}


def converted(child):
    if child.get("type") != "enigme":
        return child
    value = child.get("value") or {}
    kind = value.get("type") or "padlock_digits"
    new = {
        "identifier": value.get("identifiant", ""),
        "title": value.get("titre", ""),
        "story": value.get("recit", ""),
        "image": value.get("image"),
        "prompt": value.get("enonce", ""),
        "metiers": items(value.get("metiers")),
        "hints": [
            {"text": hint.get("texte", ""), "penalty_s": hint.get("penalite_s", 0)}
            for hint in items(value.get("indices"))
        ],
        "fragments": items(value.get("fragments")),
        "branches": [
            {"answer": branch.get("reponse", ""), "target": branch.get("vers", "")}
            for branch in items(value.get("suite"))
        ],
        "next_default": value.get("suite_par_defaut", ""),
        **answers(kind, value),
    }
    return {**child, "type": kind, "value": new}


def convert_stream(raw):
    """The stream as JSON text (a page's column) or a list (inside a revision's content)."""
    text = isinstance(raw, str)
    stream = json.loads(raw) if text else raw
    if not isinstance(stream, list):
        return raw, False
    new = [converted(child) for child in stream]
    changed = new != stream
    return (json.dumps(new) if text else new), changed


def forwards(apps, schema_editor):
    EscapeGamePage = apps.get_model("games", "EscapeGamePage")
    Revision = apps.get_model("wagtailcore", "Revision")
    ContentType = apps.get_model("contenttypes", "ContentType")
    connection = schema_editor.connection
    table = EscapeGamePage._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT page_ptr_id, enigmes FROM {table}")  # noqa: S608 - our table
        for pk, raw in cursor.fetchall():
            new, changed = convert_stream(raw if isinstance(raw, str) else json.dumps(raw))
            if changed:
                cursor.execute(f"UPDATE {table} SET enigmes = %s WHERE page_ptr_id = %s", [new, pk])  # noqa: S608
    content_type = ContentType.objects.filter(app_label="games", model="escapegamepage").first()
    if content_type is None:
        return
    for revision in Revision.objects.filter(content_type=content_type).iterator():
        content = revision.content
        if "enigmes" not in content:
            continue
        content["enigmes"], changed = convert_stream(content["enigmes"])
        if changed:
            revision.content = content
            revision.save(update_fields=["content"])


class Migration(migrations.Migration):
    dependencies = [
        ("games", "0007_one_block_per_enigme_kind"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
