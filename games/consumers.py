"""Websocket endpoints: parse, validate, call services, send. Nothing else."""

from channels.generic.websocket import AsyncWebsocketConsumer


class HealthConsumer(AsyncWebsocketConsumer):
    """Answers "ping" with "pong" after a trip through the channel layer.

    Used by monitoring and by the scaled-mode tests to prove that websockets and the layer
    (Redis when configured) work end to end.
    """

    async def receive(self, text_data=None, bytes_data=None):
        if text_data != "ping":
            await self.send(text_data="error: send ping")
            return
        await self.channel_layer.send(self.channel_name, {"type": "health.pong"})

    async def health_pong(self, event):
        await self.send(text_data="pong")
