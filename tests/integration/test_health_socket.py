"""The websocket stack: routing, origin validation and a trip through the channel layer."""

import pytest
from channels.testing import WebsocketCommunicator

from cms.asgi import application

pytestmark = pytest.mark.django_db(transaction=True)


async def test_ping_goes_through_the_channel_layer_and_back():
    communicator = WebsocketCommunicator(
        application,
        "/ws/health/",
        headers=[(b"origin", b"http://localhost"), (b"host", b"localhost")],
    )
    connected, _ = await communicator.connect()
    assert connected
    await communicator.send_to(text_data="ping")
    assert await communicator.receive_from() == "pong"
    await communicator.send_to(text_data="{not json")
    assert (await communicator.receive_from()).startswith("error")
    await communicator.disconnect()


async def test_a_foreign_origin_is_refused():
    communicator = WebsocketCommunicator(
        application,
        "/ws/health/",
        headers=[(b"origin", b"https://evil.example.com"), (b"host", b"localhost")],
    )
    connected, _ = await communicator.connect()
    assert not connected
    await communicator.disconnect()
