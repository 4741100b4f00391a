"""Issue 10, escape: team names chosen on the phones, the teacher's answer sheet (host page
only), the board's fields, and the same times in the CSV as on the screens."""

import pytest
from asgiref.sync import sync_to_async
from django.test import Client
from django.urls import reverse

from games.consumers import player_cookie
from games.kinds.escape.screens import clock_text
from games.models import Team
from tests.integration.test_escape_live import (
    class_of,
    close_all,
    fresh_caches,  # noqa: F401 - autouse fixture
    game,  # noqa: F401 - fixture
    no_frame,
    receive_until,
    reply_to,
    send,
    snapshot_of,
    start,
)
from tests.support.escape_games import COFFRE, METIER, join_team

pytestmark = pytest.mark.django_db(transaction=True)


async def test_a_player_names_the_team_in_the_lobby(game):  # noqa: F811
    host, (lea, tom, zoe), _ = await class_of(game)
    await send(lea, {"type": "rename_team", "name": "  Les   Bielles ", "ref": "n"})
    assert (await reply_to(lea, "n"))["type"] == "ack"
    for screen in (host, tom, zoe):
        renamed = await receive_until(screen, "team_renamed")
        assert renamed["data"] == {"team_id": "t1", "name": "Les Bielles"}
    team = await sync_to_async(Team.objects.get)(session=game[1], key="t1")
    assert team.name == "Les Bielles"
    # Another team may not take it, even written with look-alike letters.
    await send(zoe, {"type": "rename_team", "name": "LES B1ELLES", "ref": "d"})
    assert (await reply_to(zoe, "d"))["code"] == "duplicate_team_name"
    await send(zoe, {"type": "rename_team", "name": "x", "ref": "s"})
    assert (await reply_to(zoe, "s"))["code"] == "invalid_team_name"
    await send(zoe, {"type": "rename_team", "name": 12, "ref": "t"})
    assert (await reply_to(zoe, "t"))["code"] == "invalid_team_name"
    # A phone names its own team only: a team_id in the frame is ignored.
    await send(zoe, {"type": "rename_team", "team_id": "t1", "name": "Les Lynx 2", "ref": "o"})
    assert (await reply_to(zoe, "o"))["type"] == "ack"
    assert (await receive_until(host, "team_renamed"))["data"]["team_id"] == "t2"
    # Once the game runs, only the host renames.
    await start(host, [lea, tom, zoe])
    await send(lea, {"type": "rename_team", "name": "Les Turbos", "ref": "late"})
    assert (await reply_to(lea, "late"))["code"] == "wrong_phase"
    await send(host, {"type": "rename_team", "team_id": "t1", "name": "Les Turbos", "ref": "h"})
    assert (await reply_to(host, "h"))["type"] == "ack"
    assert (await receive_until(lea, "team_renamed"))["data"]["name"] == "Les Turbos"
    await close_all(host, lea, tom, zoe)


async def test_an_offensive_team_name_is_refused_like_a_nickname(game):  # noqa: F811
    host, (lea, tom, zoe), _ = await class_of(game)
    await send(lea, {"type": "rename_team", "name": "Les Connards", "ref": "n"})
    assert (await reply_to(lea, "n"))["code"] == "offensive_team_name"
    assert await no_frame(tom, "team_renamed")
    await close_all(host, lea, tom, zoe)


async def test_board_fields_and_hint_costs_reach_the_screens(game):  # noqa: F811
    host, (lea, tom, zoe), _ = await class_of(game)
    opened = await start(host, [lea, tom, zoe])
    assert opened[0]["data"]["enigme"]["hint_penalties_s"] == [60, 120]
    assert opened[0]["data"]["path_count"] == 3
    await send(lea, {"type": "submit", "enigme_id": "coffre", "code": "1234"})
    rejected = await receive_until(host, "code_rejected")
    assert rejected["data"]["wrong_codes"] == 1
    await send(lea, {"type": "snapshot"})
    await send(host, {"type": "snapshot"})
    board = await snapshot_of(host)
    castors = board["progress"][0]
    assert castors["wrong_codes"] == 1
    assert {"elapsed_ms", "current_since_ms", "path_count"} <= castors.keys()
    assert "clock_ms" in board
    await close_all(host, lea, tom, zoe)


# -- the teacher's answer sheet ---------------------------------------------------------------


def secrets_of_the_game() -> list[str]:
    return [
        *COFFRE["solutions"],
        COFFRE["hints"][1]["text"],
        COFFRE["fragments"][0],
        *METIER["solutions"],
    ]


def test_the_answer_sheet_is_on_the_host_page_closed_and_never_on_a_phone(game):  # noqa: F811
    teacher, session = game
    joined = join_team(session, "Léa", "t1")
    client = Client()
    client.force_login(teacher)
    host_page = client.get(reverse("games:host", kwargs={"pin": session.pin})).content.decode()
    assert '<details class="escape-answers" id="corrige">' in host_page  # closed: no `open`
    for secret in secrets_of_the_game():
        assert secret.replace("'", "&#x27;") in host_page

    phone = Client()
    phone.cookies[player_cookie(session.pk)] = joined.token
    phone_page = phone.get(reverse("games:player", kwargs={"pin": session.pin})).content.decode()
    assert 'id="corrige"' not in phone_page
    for secret in secrets_of_the_game():
        assert secret.replace("'", "&#x27;") not in phone_page


async def test_no_frame_to_a_phone_carries_the_answer_sheet(game):  # noqa: F811
    host, (lea, tom, zoe), _ = await class_of(game)
    await start(host, [lea, tom, zoe])
    await send(lea, {"type": "hint", "enigme_id": "coffre"})
    await receive_until(lea, "hint_given")
    await send(lea, {"type": "snapshot"})
    frames = [str(await snapshot_of(lea))]
    while not await lea.receive_nothing(0.2):
        frames.append(await lea.receive_from())
    text = " ".join(frames)
    for secret in [*COFFRE["solutions"], COFFRE["hints"][1]["text"], *METIER["solutions"]]:
        assert secret not in text
    await close_all(host, lea, tom, zoe)


# -- times ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("ms", "text"),
    [
        (0, "0:00"),
        (1, "0:01"),
        (999, "0:01"),
        (1000, "0:01"),
        (60_001, "1:01"),
        (3_600_000, "1:00:00"),
    ],
)
def test_csv_times_round_up_like_the_screens(ms, text):
    # games/kinds/escape/static/games/js/escape_render.js duration(): Math.ceil(ms / 1000).
    assert clock_text(ms) == text
